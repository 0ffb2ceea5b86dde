import Foundation
import Synchronization
import Testing
import USQFrame
import USQLanguage
import USQVocabulary

@testable import USQEngine

/// A data source answering each window with its own frame, recording requests and how many
/// loads were in flight at once.
final class WindowedDataSource: DataSource {
  let answer: @Sendable (UsageQuery) -> Frame
  private let state = Mutex((requests: [UsageQuery](), inFlight: 0, mostInFlight: 0))
  /// Each load waits until this many loads have started (or 2 s passed), to prove concurrency.
  let rendezvous: Int

  init(rendezvous: Int = 1, answer: @escaping @Sendable (UsageQuery) -> Frame) {
    self.answer = answer
    self.rendezvous = rendezvous
  }

  var requests: [UsageQuery] { state.withLock { $0.requests } }
  var mostInFlight: Int { state.withLock { $0.mostInFlight } }

  func load(_ request: UsageQuery, progress: @escaping @Sendable (Int, Int?) -> Void) async throws
    -> Frame
  {
    state.withLock {
      $0.requests.append(request)
      $0.inFlight += 1
      $0.mostInFlight = max($0.mostInFlight, $0.inFlight)
    }
    let deadline = ContinuousClock.now + .seconds(2)
    while state.withLock({ $0.requests.count }) < rendezvous, ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(5))
    }
    state.withLock { $0.inFlight -= 1 }
    return answer(request)
  }
}

/// `compare prev` / `compare N`: the second run's window, the join, and the errors.
@Suite struct CompareTests {
  /// 2026-11-30T12:34:56Z (a Monday, the fixtures' "now").
  static let now = Fixtures.now
  static let columns: [(String, ColumnKind)] = [
    ("start_time", .time), ("end_time", .time), ("num_model_requests", .int), ("model", .string),
  ]

  /// One row per model on `day` with the given requests.
  static func rows(_ day: String, _ values: [(String, Int64)]) -> [[Value]] {
    let start = Fixtures.time(day)
    return values.map { [.time(start), .time(start + 86_400), .int($0.1), .string($0.0)] }
  }

  /// The current window (from 2026-11-24) and the earlier one (from 2026-11-17).
  static func source(rendezvous: Int = 1) -> WindowedDataSource {
    WindowedDataSource(rendezvous: rendezvous) { request in
      if request.startTime == Fixtures.time("2026-11-24") {
        return Frames.make(
          columns, rows("2026-11-24", [("a", 10), ("b", 5)]) + rows("2026-11-25", [("a", 2)]))
      }
      return Frames.make(
        columns, rows("2026-11-17", [("a", 4), ("c", 7)]) + rows("2026-11-18", [("b", 0)]))
    }
  }

  static func run(_ text: String, source: WindowedDataSource) async throws -> ExecutionResult {
    let environment = Fixtures.environment()
    let plan = try #require(bindPlan(text, environment: environment))
    return try await Executor(environment: environment, dataSource: source).run(plan)
  }

  @Test("compare prev loads the window of the same length just before, ending as far into its day")
  func windows() async throws {
    let source = Self.source()
    let result = try await Self.run(
      "load completions days=7 | sum num_model_requests by model | compare prev", source: source)
    #expect(result.timings.map(\.verb) == ["load", "sum", "compare"])
    let windows = Set(
      source.requests.map { "\($0.startTime)…\($0.endTime.map(String.init) ?? "now")" })
    let week: Int64 = 7 * 86_400
    #expect(
      windows == [
        "\(Fixtures.time("2026-11-24"))…now",
        "\(Fixtures.time("2026-11-24") - week)…\(Self.now - week)",
      ])
    #expect(source.requests.allSatisfy { $0.groupBy == ["model"] })
  }

  @Test("compare 4w shifts the window back 28 days")
  func duration() async throws {
    let plan = try #require(
      bindPlan("load completions days=7 | sum num_model_requests by model | compare 4w"))
    guard case .load(let request, _)? = plan.comparison?.earlierSource(plan.source) else {
      Issue.record("no comparison load")
      return
    }
    #expect(request.startTime == Fixtures.time("2026-11-24") - 28 * 86_400)
    #expect(request.endTime == Self.now - 28 * 86_400)
  }

  @Test("every numeric column gets _prev, _change, _change_pct; missing rows count 0")
  func join() async throws {
    let result = try await Self.run(
      "load completions days=7 | sum num_model_requests by model | compare prev",
      source: Self.source())
    #expect(
      Table(result.frame)
        == Table(
          [
            "model", "num_model_requests", "num_model_requests_prev",
            "num_model_requests_change", "num_model_requests_change_pct",
          ],
          [
            [.string("a"), .int(12), .int(4), .int(8), .double(200)],
            [.string("b"), .int(5), .int(0), .int(5), .null],
            [.string("c"), .int(0), .int(7), .int(-7), .double(-100)],
          ]))
  }

  @Test("both windows load at the same time")
  func concurrent() async throws {
    let source = Self.source(rendezvous: 2)
    _ = try await Self.run(
      "load completions days=7 | sum num_model_requests by model | compare prev", source: source)
    #expect(source.mostInFlight == 2)
  }

  @Test("after top, the earlier run keeps every row and only the rows picked now are shown")
  func top() async throws {
    let source = Self.source()
    let result = try await Self.run(
      "load completions days=7 | sum num_model_requests by model | top 1 | compare prev",
      source: source)
    #expect(
      Table(result.frame).rows == [[.string("a"), .int(12), .int(4), .int(8), .double(200)]])
  }

  @Test("time columns line up shifted by the offset: day by day")
  func days() async throws {
    let result = try await Self.run(
      "load completions days=7 | select start_time, model, num_model_requests | compare prev",
      source: Self.source())
    #expect(
      Table(result.frame).rows == [
        [day("2026-11-24"), .string("a"), .int(10), .int(4), .int(6), .double(150)],
        [day("2026-11-24"), .string("b"), .int(5), .int(0), .int(5), .null],
        [day("2026-11-25"), .string("a"), .int(2), .int(0), .int(2), .null],
        [day("2026-11-24"), .string("c"), .int(0), .int(7), .int(-7), .double(-100)],
        [day("2026-11-25"), .string("b"), .int(0), .int(0), .int(0), .null],
      ])
  }

  @Test("fill fills the earlier window in the earlier run")
  func fill() async throws {
    let source = WindowedDataSource { request in
      let now = request.startTime == Fixtures.time("2026-11-28")
      return Frames.make(
        Self.columns, Self.rows(now ? "2026-11-28" : "2026-11-25", [("a", now ? 5 : 2)]))
    }
    let result = try await Self.run(
      "load completions days=3 | select start_time, model, num_model_requests | fill | compare prev",
      source: source)
    #expect(
      Table(result.frame).rows.map { [$0[0], $0[2], $0[3]] } == [
        [day("2026-11-28"), .int(5), .int(2)],
        [day("2026-11-29"), .int(0), .int(0)],
        [day("2026-11-30"), .int(0), .int(0)],
      ])
  }

  @Test("explain shows the comparison and both windows' requests")
  func explain() throws {
    let plan = try #require(
      bindPlan("load completions days=7 | sum num_model_requests by model | compare prev"))
    let text = plan.explain(dataSource: FakeDataSource(frames: [:]))
    #expect(
      text.contains(
        "  3. compare prev  [the pipeline again over 2026-11-17T00:00:00Z – 2026-11-23T12:34:56Z, at the same time]"
      ))
    let requests = text.components(separatedBy: "\n").filter { $0.hasPrefix("  GET ") }
    #expect(
      requests == [
        "  GET https://api.example/v1/organization/usage/completions?start_time=\(Fixtures.time("2026-11-24"))&bucket_width=1d&group_by=model",
        "  GET https://api.example/v1/organization/usage/completions?start_time=\(Fixtures.time("2026-11-17"))&bucket_width=1d&group_by=model",
      ])
  }

  @Test("bad compare stages are errors with their position, before any request")
  func errors() {
    expectError(
      "load projects | 1️⃣compare prev2️⃣",
      "'compare' needs a 'load' of usage or costs with a time window")
    expectError(
      "from u | 1️⃣compare prev", "'compare' needs a 'load' of usage or costs with a time window",
      environment: Fixtures.environment(frames: ["u": Frames.completions]))
    expectError(
      "load completions | 1️⃣compare prev | sum input_tokens",
      "'compare' must be the last stage before 'chart' or 'export'")
    expectError(
      "load completions | 1️⃣forecast | compare prev",
      "'compare' cannot follow 'forecast': the earlier window would be projected too")
    expectError(
      "load completions | pivot model values input_tokens | 1️⃣compare prev",
      "'compare' needs the columns before it known before it runs, and 'pivot' makes them known only then"
    )
    expectError(
      "load completions | compare 1️⃣0d",
      "expected a positive duration after 'compare', found '0d'")
  }

  @Test("compare needs prev or a duration")
  func parse() {
    let (_, diagnostics) = Parser.parse(SourceFile("load completions | compare last"))
    #expect(
      diagnostics.first?.message == "expected 'prev' or a duration after 'compare', found 'last'")
  }
}
