import Testing
import USQVocabulary

@testable import USQEngine

@Suite struct WindowTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var options: String
    var start: String
    var end: String?
    var width: BucketWidth
    var limit: Int
    var testDescription: String { options.isEmpty ? "(no options)" : options }
  }

  static let cases = [
    Case(options: "", start: "2026-11-24", width: .day, limit: 31),
    Case(options: "days=1", start: "2026-11-30", width: .day, limit: 31),
    Case(options: "days=30", start: "2026-11-01", width: .day, limit: 31),
    Case(options: "hours=3", start: "2026-11-30T10:00", width: .hour, limit: 168),
    Case(options: "minutes=5", start: "2026-11-30T12:30", width: .minute, limit: 1_440),
    Case(options: "hours=5 bucket=1d", start: "2026-11-30", width: .day, limit: 31),
    Case(options: "days=2 bucket=1h", start: "2026-11-29", width: .hour, limit: 168),
    Case(
      options: "since=2026-11-01 until=2026-11-15", start: "2026-11-01", end: "2026-11-15",
      width: .day, limit: 31),
    Case(options: "since=-7d", start: "2026-11-23T12:34:56Z", width: .day, limit: 31),
    Case(options: "since=-36h bucket=1h", start: "2026-11-29T00:34:56Z", width: .hour, limit: 168),
    Case(
      options: "since=2026-11-01T08:00+02:00", start: "2026-11-01T06:00", width: .day, limit: 31),
    Case(
      options: "until=2026-11-15", start: "2026-11-09", end: "2026-11-15", width: .day, limit: 31),
    Case(options: "days=3 limit=5", start: "2026-11-28", width: .day, limit: 5),
  ]

  @Test("load windows with now = 2026-11-30T12:34:56Z", arguments: cases)
  func window(_ testCase: Case) throws {
    let request = try #require(bindPlan("load completions \(testCase.options)")?.request)
    #expect(request.startTime == Fixtures.time(testCase.start))
    #expect(request.endTime == testCase.end.map(Fixtures.time))
    #expect(request.bucketWidth == testCase.width)
    #expect(request.limit == testCase.limit)
  }

  @Test("costs default to daily buckets with its own maximum limit")
  func costs() throws {
    let request = try #require(bindPlan("load costs days=30")?.request)
    #expect(request.bucketWidth == .day)
    #expect(request.limit == 180)
    #expect(request.startTime == Fixtures.time("2026-11-01"))
  }

  @Test("lists have no window")
  func lists() throws {
    let request = try #require(bindPlan("load projects")?.request)
    #expect(request.endpoint.kind == .list)
    #expect(request.bucketWidth == nil)
    #expect(request.limit == nil)
  }
}
