import Dispatch
import Foundation
import USQEngine
import USQFrame
import USQLanguage
import USQOpenAI
import USQShell
import USQVocabulary

/// Runs usq statements the way the shell does — parse, `Binder` (with the optimizer),
/// `Executor` (binding and optimizing late what follows `read`) — and times them.
struct StatementRunner: Sendable {
  /// The environment the statements bind and run in (its `frames` are what `from` reads).
  let environment: Environment
  /// What `read` decodes API pages with (`load` and `names` fail).
  let dataSource: any DataSource

  init(frames: [String: Frame] = [:], dataSource: any DataSource = NoDataSource()) {
    environment = Environment(endpoints: [], frames: frames, now: 0, files: LocalFiles())
    self.dataSource = dataSource
  }

  /// A statement bound once and ready to run.
  struct Prepared: Sendable {
    var plan: Plan
    var environment: Environment
    var dataSource: any DataSource

    func run() async throws -> ExecutionResult {
      try await Executor(environment: environment, dataSource: dataSource).run(plan)
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
    return Prepared(plan: plan, environment: environment, dataSource: dataSource)
  }

  /// Medians of `runs` timed runs of `text` (parse, bind and run each time) after one warm-up:
  /// wall and process CPU time in milliseconds, and the last result.
  ///
  /// - Parameter excludingSource: time parsing and binding, then the stages as the executor
  ///   timed them (late binding and optimizing included), but not the source's own stage
  ///   (`read`'s decoding) nor freeing its frame when the run ends (at L, unmapping 1 GB of
  ///   columns takes longer than the query; a session keeps a read frame it reuses).
  func time(_ text: String, runs: Int, excludingSource: Bool = false) throws -> (
    wall: Double, cpu: Double, ExecutionResult
  ) {
    let runner = self
    return try blocking {
      var walls: [Double] = []
      var cpus: [Double] = []
      var result = try await runner.prepare(text).run()
      let clock = ContinuousClock()
      for _ in 0..<runs {
        let cpuStart = IngestBenchmark.processCPUMilliseconds()
        let started = clock.now
        let prepared = try runner.prepare(text)
        let preparing = Self.milliseconds(clock.now - started)
        result = try await prepared.run()
        let whole = Self.milliseconds(clock.now - started)
        cpus.append(IngestBenchmark.processCPUMilliseconds() - cpuStart)
        // Without the source: parsing and binding, then the stages as the executor timed them
        // (late binding included) — not the source's decoding, nor freeing its frame after.
        let stages = result.timings.dropFirst().reduce(0) { $0 + $1.seconds } * 1_000
        walls.append(excludingSource ? preparing + stages : whole)
      }
      walls.sort()
      cpus.sort()
      return (walls[walls.count / 2], cpus[cpus.count / 2], result)
    }
  }

  private static func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
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

/// A data source for statements over stored frames and page files: `load` and `names` fail;
/// `read` decodes page files with the page scanner, as the shell does.
struct NoDataSource: DataSource {
  /// Threads the page scanner uses.
  var threads = 2

  struct Unavailable: Error {}

  func load(_ request: UsageQuery, progress: @escaping @Sendable (Int, Int?) -> Void)
    async throws -> Frame
  {
    throw Unavailable()
  }

  func plannedRequests(_ request: UsageQuery) -> [PlannedRequest] { [] }

  func decodePages(_ data: Data) throws -> Frame? {
    try PageScanner.frame(documents: [data], endpoint: .completions, threads: 1)
  }

  /// The benchmark's page files are completions pages.
  func decodePages(batch documents: consuming [Data]) throws -> Frame? {
    try PageScanner.frame(documents: consume documents, endpoint: .completions, threads: threads)
  }
}
