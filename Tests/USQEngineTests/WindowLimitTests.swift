import Testing
import USQBasics
import USQLanguage

@testable import USQEngine

/// Windows are checked at bind time against documented limits (issue 16): nothing before
/// 2020-01-01 (`WindowCalculator.earliestStart`), the largest `days=`/`hours=`/`minutes=` said in
/// the message, and a warning for a window that starts in the future.
@Suite struct WindowLimitTests {
  static let seed: UInt64 = 0x16_0A1D
  /// Fixtures.now, 2026-11-30T12:34:56Z: days since 2020-01-01 (its first day included).
  static let mostDays = 2_526

  @Test("the examples of the issue: each refused at its value, with the limit")
  func examples() {
    expectError(
      "load completions days=1️⃣30000",
      "'days=30000' reaches back before 2020-01-01, the earliest time usq loads",
      help: "use days=\(Self.mostDays) or fewer, or since=DATE")
    expectError(
      "load completions days=1️⃣100000",
      "'days=100000' reaches back before 2020-01-01, the earliest time usq loads")
    expectError(
      "load completions since=1️⃣1960-01-01",
      "'since=1960-01-01' is before 2020-01-01, the earliest time usq loads")
    expectError(
      "load completions since=1️⃣-99999999d",
      "'since=-99999999d' is before 2020-01-01, the earliest time usq loads")
    expectError(
      "load completions since=2026-01-01 until=1️⃣2019-12-31",
      "'until=2019-12-31' is not after 2020-01-01, the earliest time usq loads")
    #expect(bindPlan("load completions days=\(Self.mostDays)")?.request?.startTime == 1_577_836_800)
  }

  @Test("a window starting in the future is a warning that it is empty, not silence")
  func future() throws {
    let (plan, diagnostics) = bind("load completions since=2027-01-01")
    #expect(plan != nil)
    let warning = try #require(diagnostics.first)
    #expect(warning.severity == .warning)
    #expect(warning.message == "'since=2027-01-01' is in the future: the window is empty")
  }

  @Test("1,000 generated window options: a request inside the limits, or an error at the option")
  func generated() {
    var generator = SeededGenerator(seed: Self.seed)
    for iteration in 0..<1_000 {
      let options = Self.options(&generator)
      let text = "load completions " + options
      let (plan, diagnostics) = bind(text)
      let context = "seed \(Self.seed) #\(iteration): \(text)"
      let errors = diagnostics.filter { $0.severity == .error }
      if let request = plan?.request {
        #expect(errors.isEmpty, "\(context)")
        #expect(request.startTime >= WindowCalculator.earliestStart, "\(context)")
        if let end = request.endTime { #expect(end > request.startTime, "\(context)") }
        let explained = plan?.explain(dataSource: FakeDataSource(frames: [:])) ?? ""
        #expect(!explained.contains("start_time=-"), "\(context)")
      } else {
        let error = errors.first
        #expect(error != nil, "\(context): no plan and no error")
        #expect(
          error.map { $0.span.start >= "load completions ".utf8.count } ?? false, "\(context)")
        #expect(error.map { !$0.message.isEmpty } ?? false, "\(context)")
      }
    }
  }

  /// One to three window options with values around and far beyond the limits.
  static func options(_ generator: inout SeededGenerator) -> String {
    func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
    let counts = [
      "0", "1", "7", "2526", "2527", "30000", "100000", "60613", "60614", "3636721", "3636722",
      "9223372036854775807", "99999999999999999999", "-5", "1_000", "x",
    ]
    let times = [
      "2026-11-01", "2019-12-31", "2020-01-01", "1960-01-01", "1970-01-01T00:00Z", "2027-01-01",
      "-7d", "-36h", "-99999999d", "-9999999999999w", "-2526d", "-2528d", "now", "+3d",
      "2026-13-01",
    ]
    var parts: [String] = []
    for _ in 0..<(1 + Int(generator.next() % 3)) {
      switch generator.next() % 6 {
      case 0: parts.append("days=" + pick(counts))
      case 1: parts.append("hours=" + pick(counts))
      case 2: parts.append("minutes=" + pick(counts))
      case 3: parts.append("since=" + pick(times))
      case 4: parts.append("until=" + pick(times))
      default: parts.append("bucket=" + pick(["1d", "1h", "1m"]))
      }
    }
    return parts.joined(separator: " ")
  }
}
