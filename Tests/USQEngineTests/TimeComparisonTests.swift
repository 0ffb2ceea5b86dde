import Testing
import USQBasics
import USQFrame

@testable import USQEngine

/// Times are seconds since 1970 and durations seconds, so `start_time > -3d` once compared with
/// a moment in 1969 and kept every row, silently (issue 16). Beside a time, a negative duration
/// now means "that long before now", as in `since=`; numbers and positive durations beside a
/// time, and durations beside counts, are errors.
@Suite struct TimeComparisonTests {
  @Test("a relative time beside a time column means now minus that, on either side")
  func relativeTimes() async throws {
    // Fixtures.now is 2026-11-30T12:34:56Z; the fixture days start 2026-11-28, 29 and 30.
    for condition in [
      "start_time > -2d", "-2d < start_time", "start_time >= -48h", "end_time > -36h",
    ] {
      let result = try await run("load completions | where \(condition) | select input_tokens")
      #expect(
        Table(result.frame).rows == [[.int(2_000)], [.int(100)], [.int(3_000)]], "\(condition)")
    }
    let latest = try await run("load completions | where start_time > -1d | count")
    #expect(Table(latest.frame).rows == [[.int(1)]])
  }

  @Test("the demo's 10 days, the last 3 of them: 3 rows, not 10")
  func issueExample() async throws {
    let result = try await run(
      "load completions days=10 | where start_time > -3d | count",
      source: FakeDataSource(frames: ["completions": Self.tenDays]))
    #expect(Table(result.frame).rows == [[.int(3)]])
  }

  @Test("200 generated relative times and operators agree with a naive count over the rows")
  func generatedRelativeTimes() async throws {
    var generator = SeededGenerator(seed: 0x16_7143)
    let units: [(String, Int64)] = [("m", 60), ("h", 3_600), ("d", 86_400), ("w", 604_800)]
    let operators: [(String, (Int64, Int64) -> Bool)] = [
      (">", { $0 > $1 }), (">=", { $0 >= $1 }), ("<", { $0 < $1 }), ("<=", { $0 <= $1 }),
      ("=", { $0 == $1 }), ("!=", { $0 != $1 }),
    ]
    let starts = (0..<10).map { Fixtures.time("2026-11-30") - Int64(9 - $0) * 86_400 }
    let source = FakeDataSource(frames: ["completions": Self.tenDays])
    for iteration in 0..<200 {
      let (unit, seconds) = units[Int(generator.next() % 4)]
      let amount = Int64(generator.next() % (unit == "m" ? 20_000 : unit == "h" ? 300 : 12))
      let (op, holds) = operators[Int(generator.next() % 6)]
      let instant = Fixtures.now - amount * seconds
      let expected = starts.filter { holds($0, instant) }.count
      let text = "load completions | where start_time \(op) -\(amount)\(unit) | count"
      let result = try await run(text, source: source)
      #expect(
        Table(result.frame).rows == [[.int(Int64(expected))]], "#\(iteration): \(text)")
    }
  }

  @Test("a duration of time differences still compares with a duration")
  func durationsOfDifferences() async throws {
    let result = try await run(
      "load completions | where end_time - start_time >= 1d and end_time - start_time < 25h | count"
    )
    #expect(Table(result.frame).rows == [[.int(5)]])
  }

  @Test("a number or a positive duration beside a time, or a duration beside a count, is an error")
  func errors() {
    expectError(
      "load completions | where start_time > 1️⃣5",
      "cannot compare 'start_time' (time) with the number '5'",
      help:
        "compare with a date (start_time >= 2026-11-01), a date-time (2026-11-01T08:00) or a time relative to now (start_time > -3d)"
    )
    expectError(
      "load completions | where start_time > 1️⃣3d2️⃣",
      "cannot compare 'start_time' (time) with the duration '3d'",
      help: "write 'start_time > -3d' for the last 3d, or a date (2026-11-01)")
    expectError(
      "load completions | where 1️⃣1h < end_time",
      "cannot compare 'end_time' (time) with the duration '1h'")
    expectError(
      "load completions | where num_model_requests > 1️⃣1d",
      "cannot compare 'num_model_requests' (a count) with the duration '1d'",
      help: "to keep recent rows write 'where start_time > -1d'")
    expectError(
      "load completions | where start_time = 1️⃣input_tokens",
      "cannot compare 'start_time' (time) with the number 'input_tokens'")
    expectError(
      "load completions | where start_time > 1️⃣-99999999999w",
      "cannot compare 'start_time' (time) with the duration '-99999999999w'")
  }

  /// Ten daily rows ending with the day of `Fixtures.now`.
  static let tenDays: Frame = {
    let last = Fixtures.time("2026-11-30")
    var start = ColumnBuilder(kind: .time)
    var end = ColumnBuilder(kind: .time)
    var requests = ColumnBuilder(kind: .int)
    for day in 0..<10 {
      let time = last - Int64(9 - day) * 86_400
      start.append(.time(time))
      end.append(.time(time + 86_400))
      requests.append(.int(Int64(day)))
    }
    return Frame(unchecked: [
      ("start_time", start.finish()), ("end_time", end.finish()),
      ("num_model_requests", requests.finish()),
    ])
  }()
}
