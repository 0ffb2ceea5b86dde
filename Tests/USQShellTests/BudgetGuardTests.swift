import Foundation
import Testing

/// `examples/budget-guard.usq` run as cron or CI would run it: the built binary, `--quiet`,
/// the exit code checked, passing and failing.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: EndToEndTests.binary)))
struct BudgetGuardTests {
  static let script = EndToEndTests.root.appendingPathComponent("examples/budget-guard.usq").path

  @Test("under both lines it exits 0 and, with --quiet, prints nothing at all")
  func passes() throws {
    let run = try EndToEndTests.usq(["run", Self.script, "--quiet", "--demo"])
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out == "")
    #expect(run.err == "")
    let loud = try EndToEndTests.usq(["run", Self.script, "--demo"])
    #expect(loud.status == 0)
    #expect(loud.out.contains("│ $113.66 │"))
  }

  @Test("over the daily line it exits 4 with the message and the failing row on stderr")
  func dailyFails() throws {
    let run = try EndToEndTests.usq(["run", Self.script, "daily=100", "--quiet", "--demo"])
    #expect(run.status == 4)
    #expect(run.out == "")
    #expect(
      run.err == """
        assertion failed: spend today is over $100
        first failing row (row 1; 1 row fails):
        ╭─────────╮
        │  amount │
        ├─────────┤
        │ $113.66 │
        ╰─────────╯

        """)
  }

  @Test("over the month-end estimate it exits 4 after the daily guard passed")
  func monthlyFails() throws {
    let run = try EndToEndTests.usq(["run", Self.script, "monthly=9000", "--demo"])
    #expect(run.status == 4)
    #expect(run.out.contains("│ $113.66 │"))
    #expect(run.err.hasPrefix("assertion failed: the month-end estimate is over $9000\n"))
    #expect(run.err.contains("│ 2026-11-01 │ $9,813.72 │"))
  }

  @Test("-c with a failing assert exits 4 too")
  func statement() throws {
    let run = try EndToEndTests.usq([
      "-c",
      "load costs days=1 | sum amount | assert amount < 100 message=\"daily spend over $100\"",
    ])
    #expect(run.status == 4)
    #expect(run.err.hasPrefix("assertion failed: daily spend over $100\n"))
  }
}
