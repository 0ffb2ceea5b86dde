import Foundation
import Testing

@testable import USQShell

/// Loaded windows rarely start on a month or a week: the first bucket after `bucket month` or
/// `bucket week` holds only part of its period, and the table and charts say so.
@Suite struct PartialBucketTests {
  static func run(_ statement: String) async -> String {
    let output = TextBuffer()
    let session = TestSession.make(output: output, width: 100)
    #expect(await session.execute(statement, origin: .commandLine) == .ok)
    return output.text
  }

  @Test(
    "after bucket month the first month is partial (the data starts 2026-10-02), the last in progress"
  )
  func month() async {
    let text = await Self.run(
      "load completions days=60 | bucket month | select start_time, end_time, num_model_requests")
    #expect(text.contains("│ 2026-10-01* │"))
    #expect(text.contains("* 2026-10-01: partial bucket, the loaded data starts 2026-10-02\n"))
    #expect(text.contains("* bucket still in progress\n"))
  }

  @Test("the first bucket week is partial; whole days are not")
  func week() async {
    let weeks = await Self.run("load completions days=14 | bucket week | chart bar")
    #expect(weeks.contains("2026-11-16* │░"))
    #expect(weeks.contains("* 2026-11-16: partial bucket, the loaded data starts 2026-11-17"))
    let days = await Self.run("load completions days=3 | select start_time, end_time")
    #expect(!days.contains("partial bucket"))
  }

  @Test("today alone is still in progress: the table stars it, bars of any x are hatched")
  func todayAlone() async {
    let table = await Self.run(
      "load completions days=2 group=model | select start_time, end_time, model | tail 1")
    #expect(table.contains("│ 2026-11-30* │ 2026-11-30 12:00 │"))
    let bars = await Self.run(
      "load completions days=1 group=model | top 2 by num_model_requests | chart bar x=model")
    #expect(bars.contains("gpt-4o-mini-2024-07-18*  │░"))
    #expect(bars.contains("* bucket still in progress, drawn hatched ░"))
  }

  @Test("a sparkline's min and last are not the half-finished day")
  func spark() async {
    let text = await Self.run(
      "load completions days=14 group=model | where model = o3-2025-04-16 | chart spark by=model")
    #expect(text.contains("2026-11-30: bucket still in progress (left out of min, max and last)"))
  }
}
