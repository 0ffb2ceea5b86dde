import Testing
import USQBasics
import USQFrame
import USQLanguage

@testable import USQEngine

/// `forecast`: the weekday-aware projection pinned on series computed by hand, the `forecast`
/// column, series per key, and the errors.
@Suite struct ForecastTests {
  static let columns: [(String, ColumnKind)] = [
    ("start_time", .time), ("end_time", .time), ("amount", .double),
  ]

  /// 2026-10-31 … 2026-11-30 (now is Monday 2026-11-30T12:34:56Z). Over the last 4 complete
  /// weeks (Mon 11-02 … Sun 11-29) a day is worth 10 × (weekday + 1) + its week (0…3); the two
  /// older days are 1,000 (outside the 28 days, so ignored) and the day in progress 999.
  static let month: Frame = {
    let firstMonday = Fixtures.time("2026-11-02") / 86_400
    var rows: [[Value]] = []
    for day in (firstMonday - 2)...(firstMonday + 28) {
      let offset = day - firstMonday
      let value: Double
      if offset < 0 {
        value = 1_000
      } else if offset == 28 {
        value = 999
      } else {
        value = Double(10 * (offset % 7 + 1) + offset / 7)
      }
      rows.append([.time(day * 86_400), .time((day + 1) * 86_400), .double(value)])
    }
    return Frames.make(columns, rows)
  }()

  static func run(_ text: String, frames: [String: Frame]) async throws -> Frame {
    let environment = Fixtures.environment(frames: frames)
    let plan = try #require(bindPlan(text, environment: environment))
    return try await Executor(environment: environment, dataSource: FakeDataSource(frames: [:]))
      .run(plan).frame
  }

  @Test("with 28 complete days, a day is the mean of its weekday over the last 4 weeks")
  func weekdays() async throws {
    let frame = try await Self.run("from m | forecast to=2026-12-02", frames: ["m": Self.month])
    #expect(frame.names == ["start_time", "end_time", "amount", "forecast"])
    #expect(frame.rowCount == 33)
    // Mondays 10, 11, 12, 13 → 11.5; Tuesdays 20 … 23 → 21.5; Wednesdays → 31.5.
    #expect(
      Table(frame.slice(29..<33)).rows == [
        [day("2026-11-29"), day("2026-11-30"), .double(73), .bool(false)],
        [day("2026-11-30"), day("2026-12-01"), .double(11.5), .bool(true)],
        [day("2026-12-01"), day("2026-12-02"), .double(21.5), .bool(true)],
        [day("2026-12-02"), day("2026-12-03"), .double(31.5), .bool(true)],
      ])
    let total = try await Self.run(
      "from m | forecast to=2026-12-02 | sum amount", frames: ["m": Self.month])
    // 2 × 1,000 + Σ over 4 weeks of (10…70 + week) + 11.5 + 21.5 + 31.5.
    let expected: Double = 2_000 + 1_120 + 42 + 64.5
    #expect(Table(total).rows == [[.double(expected)]])
  }

  @Test("with fewer than 28 complete days, every day is the mean of the complete days")
  func mean() async throws {
    let start = Fixtures.time("2026-11-24")
    let rows: [[Value]] = (0..<7).map { offset in
      let day = start + Int64(offset) * 86_400
      return [.time(day), .time(day + 86_400), .int(offset == 6 ? 100 : Int64(offset + 1))]
    }
    let frame = Frames.make(
      [("start_time", .time), ("end_time", .time), ("num_model_requests", .int)], rows)
    let result = try await Self.run("from f | forecast", frames: ["f": frame])
    // (1 + … + 6) / 6 = 3.5, an int column: 4; the month ends with the day in progress.
    #expect(
      Table(result).rows.suffix(2) == [
        [day("2026-11-29"), day("2026-11-30"), .int(6), .bool(false)],
        [day("2026-11-30"), day("2026-12-01"), .int(4), .bool(true)],
      ])
  }

  @Test("each key is its own series, a day without rows counts 0, y= picks the column")
  func series() async throws {
    let start = Fixtures.time("2026-11-24")
    var rows: [[Value]] = []
    for offset in 0..<6 {
      let day = start + Int64(offset) * 86_400
      rows.append([.time(day), .string("a"), .int(7), .int(1)])
      if offset == 0 { rows.append([.time(day), .string("b"), .int(6), .int(1)]) }
    }
    let frame = Frames.make(
      [("start_time", .time), ("model", .string), ("input_tokens", .int), ("other", .int)], rows)
    let result = try await Self.run(
      "from f | forecast to=2026-12-01 y=input_tokens", frames: ["f": frame])
    #expect(
      Table(result).rows.suffix(4) == [
        [day("2026-11-30"), .string("a"), .int(7), .null, .bool(true)],
        [day("2026-11-30"), .string("b"), .int(1), .null, .bool(true)],
        [day("2026-12-01"), .string("a"), .int(7), .null, .bool(true)],
        [day("2026-12-01"), .string("b"), .int(1), .null, .bool(true)],
      ])
  }

  @Test("a loaded window that starts inside a day does not count that day as complete")
  func partialFirstDay() async throws {
    let start = Fixtures.time("2026-11-28")
    let rows: [[Value]] = [
      [.time(start + 43_200), .time(start + 86_400), .int(1)],
      [.time(start + 86_400), .time(start + 2 * 86_400), .int(8)],
      [.time(start + 2 * 86_400), .time(Fixtures.now), .int(5)],
    ]
    let source = WindowedDataSource { _ in
      Frames.make([("start_time", .time), ("end_time", .time), ("input_tokens", .int)], rows)
    }
    let environment = Fixtures.environment()
    // hours=48 starts at 13:00 on 11-28: only 11-29 is a whole day, so every day projects to 8.
    let plan = try #require(
      bindPlan(
        "load completions hours=48 | bucket day | sum input_tokens by start_time | forecast to=2026-12-01",
        environment: environment))
    let frame = try await Executor(environment: environment, dataSource: source).run(plan).frame
    #expect(
      Table(frame).rows.suffix(3) == [
        [day("2026-11-29"), .int(8), .bool(false)],
        [day("2026-11-30"), .int(8), .bool(true)],
        [day("2026-12-01"), .int(8), .bool(true)],
      ])
  }

  @Test("the projection equals a naive weekday mean on random series", arguments: [1, 2, 3, 4, 5])
  func property(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    for _ in 0..<200 {
      let count = Int(random.next() % 60) + 1
      let first = Int64(random.next() % 1_000) + 20_000
      var values: [Int64: Double] = [:]
      for day in first..<(first + Int64(count)) where random.next() % 5 != 0 {
        values[day] = Double(random.next() % 1_000) / 4
      }
      let complete = first...(first + Int64(count) - 1)
      let projection = DailyProjection(values: values, completeDays: complete)
      for target in (first + Int64(count))..<(first + Int64(count) + 7) {
        let expected = Self.naive(values, complete, target)
        let got = projection?.value(on: target) ?? .nan
        #expect(abs(got - expected) < 1e-9, "seed \(seed), \(count) days, day \(target)")
      }
    }
  }

  /// Day by day: the same weekday among the last 28 complete days, else every complete day.
  static func naive(_ values: [Int64: Double], _ complete: ClosedRange<Int64>, _ target: Int64)
    -> Double
  {
    let days = Array(complete)
    let chosen =
      days.count >= 28
      ? days.suffix(28).filter { ($0 - target) % 7 == 0 } : days
    return chosen.map { values[$0] ?? 0 }.reduce(0, +) / Double(chosen.count)
  }

  @Test("forecast without a daily time column is an error at the stage")
  func errors() {
    expectError(
      "load completions | sum input_tokens by model | 1️⃣forecast2️⃣",
      "'forecast' needs a daily series with a 'start_time' time column",
      help: "keep the days: 'sum amount by start_time | forecast', not 'sum amount | forecast'")
    expectError(
      "load completions hours=24 | 1️⃣forecast",
      "'forecast' needs daily buckets, found buckets of hour")
    expectError(
      "load completions | forecast to=1️⃣tomorrow",
      "expected 'month' or a date after 'to=', found 'tomorrow'")
    expectError(
      "load completions | forecast y=1️⃣model",
      "'forecast' needs a numeric column, found 'model' (string)")
    expectError(
      "load completions | forecast | 1️⃣forecast",
      "'forecast' adds a column 'forecast', and the input has one")
  }

  @Test("forecast with no complete day says what to load")
  func noCompleteDay() async {
    let today = Fixtures.time("2026-11-30")
    let frame = Frames.make(Self.columns, [[.time(today), .time(today + 86_400), .double(1)]])
    await #expect(throws: ExecutionError.self) {
      _ = try await Self.run("from f | forecast", frames: ["f": frame])
    }
  }
}
