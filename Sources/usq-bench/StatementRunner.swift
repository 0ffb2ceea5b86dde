import Dispatch
import Foundation
import USQEngine
import USQFrame
import USQLanguage
import USQVocabulary

/// Runs usq statements the way the shell does — parse, `Binder`, `Executor` — over stored
/// frames (`from usage | …`), and times them.
struct StatementRunner: Sendable {
  /// The environment the statements bind and run in (its `frames` are what `from` reads).
  let environment: Environment

  init(frames: [String: Frame]) {
    environment = Environment(endpoints: [], frames: frames, now: 0)
  }

  /// A statement bound once and ready to run.
  struct Prepared: Sendable {
    var plan: Plan
    var environment: Environment

    func run() async throws -> ExecutionResult {
      try await Executor(environment: environment, dataSource: NoDataSource()).run(plan)
    }
  }

  /// Parses and binds `text`.
  ///
  /// - Throws: `StatementError` with the diagnostics' messages when it does not parse or bind.
  func prepare(_ text: String) throws -> Prepared {
    let (statement, parseDiagnostics) = Parser.parse(SourceFile(text))
    guard case .pipeline(let pipeline) = statement, !parseDiagnostics.hasErrors else {
      throw StatementError(text: text, messages: parseDiagnostics.map(\.message))
    }
    let (plan, diagnostics) = Binder(environment: environment).bind(pipeline)
    guard let plan else { throw StatementError(text: text, messages: diagnostics.map(\.message)) }
    return Prepared(plan: plan, environment: environment)
  }

  /// Medians of `runs` timed runs of `text` (parse, bind and run each time) after one warm-up:
  /// wall and process CPU time in milliseconds, and the last result.
  func time(_ text: String, runs: Int) throws -> (wall: Double, cpu: Double, ExecutionResult) {
    let runner = self
    return try blocking {
      var walls: [Double] = []
      var cpus: [Double] = []
      var result = try await runner.prepare(text).run()
      let clock = ContinuousClock()
      for _ in 0..<runs {
        let cpuStart = IngestBenchmark.processCPUMilliseconds()
        let started = clock.now
        result = try await runner.prepare(text).run()
        let (seconds, attoseconds) = (clock.now - started).components
        cpus.append(IngestBenchmark.processCPUMilliseconds() - cpuStart)
        walls.append(Double(seconds) * 1_000 + Double(attoseconds) / 1e15)
      }
      walls.sort()
      cpus.sort()
      return (walls[walls.count / 2], cpus[cpus.count / 2], result)
    }
  }

  /// Runs `body` to completion from synchronous code (the benchmarks' commands are
  /// synchronous). The calling thread waits and uses no CPU meanwhile.
  private func blocking<Result: Sendable>(_ body: @escaping @Sendable () async throws -> Result)
    throws -> Result
  {
    let box = Box<Swift.Result<Result, any Error>>()
    let done = DispatchSemaphore(value: 0)
    Task {
      do { box.value = .success(try await body()) } catch { box.value = .failure(error) }
      done.signal()
    }
    done.wait()
    guard let value = box.value else { throw StatementError(text: "", messages: ["no result"]) }
    return try value.get()
  }
}

/// A statement that did not parse or bind.
struct StatementError: Error, CustomStringConvertible {
  var text: String
  var messages: [String]

  var description: String { "'\(text)': \(messages.joined(separator: "; "))" }
}

/// Holds a task's result for the thread waiting on it (written before the semaphore signals,
/// read after it is waited on).
private final class Box<Value>: @unchecked Sendable {
  var value: Value?
}

/// A data source for statements over stored frames only: `load` and `names` fail.
private struct NoDataSource: DataSource {
  struct Unavailable: Error {}

  func load(_ request: UsageQuery, progress: @escaping @Sendable (Int, Int?) -> Void)
    async throws -> Frame
  {
    throw Unavailable()
  }

  func plannedRequests(_ request: UsageQuery) -> [PlannedRequest] { [] }

  func decodePages(_ data: Data) throws -> Frame? { nil }
}
