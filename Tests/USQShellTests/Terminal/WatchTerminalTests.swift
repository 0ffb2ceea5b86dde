import Foundation
import Testing

/// `watch` in a real terminal (tmux) against the demo, with "now" moving one hour per refresh
/// (`USQ_NOW_STEP`): the alternate screen, the status line, two refreshes, a resize, `q` and
/// Ctrl-C, and the screen restored with `_` holding the last result.
@Suite(
  .serialized,
  .enabled(if: UsqBinary.canDrive, "needs tmux and .build/debug/usq (swift build --product usq)"))
struct WatchTerminalTests {
  let folder = NSTemporaryDirectory() + "usq-watch-\(UUID().uuidString)"
  static let statement = "watch every=10s load completions days=7 | sum num_model_requests by model"

  func start() async throws -> TmuxSession {
    let environment = [
      "USQ_HISTORY": folder + "/history", "LANG": "C.UTF-8", "NO_COLOR": "1",
      "USQ_NOW": "2026-11-30T12:00:00Z", "USQ_NOW_STEP": "1h",
    ]
    let session = try TmuxSession(
      TmuxSession.reportingExit([UsqBinary.path, "--demo"]), environment: environment, width: 100,
      height: 30)
    #expect(await session.waitForLastLine("usq>"), "\(session.capture())")
    return session
  }

  /// A session showing the first refresh of `statement`.
  func startWatching() async throws -> TmuxSession {
    let session = try await start()
    session.type(Self.statement)
    session.sendKeys("Enter")
    #expect(await session.waitFor("refreshed 12:00:00"), "\(session.capture())")
    #expect(session.format("#{alternate_on}") == "1")
    return session
  }

  /// The first line of the screen.
  static func status(_ session: TmuxSession) -> String {
    session.capture().split(separator: "\n").first.map(String.init) ?? ""
  }

  @Test("two refreshes 10 s apart, only the open day fetched again; q restores the screen")
  func refreshes() async throws {
    let session = try await startWatching()
    defer { session.kill() }
    let first = Self.status(session)
    #expect(first.hasPrefix("watch every 10s · refreshed 12:00:00 · next in "), "\(first)")
    #expect(first.hasSuffix("s · 2 requests · q to stop"), "\(first)")
    #expect(session.capture().contains("│ gpt-4.1-2025-04-14      │              9,455 │"))

    // A resize redraws the last result at once (no refresh: still 12:00:00).
    session.resize(width: 90, height: 24)
    #expect(
      await session.waitUntil { screen in
        screen.split(separator: "\n").count <= 24 && screen.contains("refreshed 12:00:00")
          && screen.contains("│ o4-mini-2025-04-16")
      }, "\(session.capture())")

    #expect(
      await session.waitFor("refreshed 13:00:00", timeout: .seconds(15)), "\(session.capture())")
    let second = Self.status(session)
    #expect(second.hasSuffix("s · 1 request · q to stop"), "\(second)")
    #expect(session.capture().contains("│ gpt-4.1-2025-04-14      │              9,566 │"))

    session.sendKeys("q")
    #expect(await session.waitForLastLine("usq>"), "\(session.capture())")
    #expect(session.format("#{alternate_on}") == "0")
    let screen = session.capture()
    #expect(!screen.contains("q to stop"))
    #expect(screen.contains("usq> \(Self.statement)"))
    #expect(
      screen.contains(
        "watch stopped after 2 refreshes; `_` is the last result (11 rows × 2 columns)"))
    #expect(await session.run("_ | where model = gpt-4.1-2025-04-14"))
    #expect(session.capture().contains("│ gpt-4.1-2025-04-14 │              9,566 │"))
  }

  @Test("Ctrl-C leaves watch too, and the next statement runs")
  func ctrlC() async throws {
    let session = try await startWatching()
    defer { session.kill() }
    session.sendKeys("C-c")
    #expect(await session.waitForLastLine("usq>"), "\(session.capture())")
    #expect(session.format("#{alternate_on}") == "0")
    #expect(session.capture().contains("watch stopped after 1 refresh"))
    #expect(await session.run("_ | count"))
    #expect(session.capture().contains("│    11 │"))
  }

  @Test("every=1s is an error with a caret, before anything is drawn")
  func tooOften() async throws {
    let session = try await start()
    defer { session.kill() }
    #expect(await session.run("watch every=1s load costs | sum amount"))
    let screen = session.capture()
    #expect(screen.contains("error: 'watch' refreshes at most every 10s, found '1s'"))
    #expect(screen.contains("^^ too often"))
    #expect(session.format("#{alternate_on}") == "0")
  }

  @Test("without a terminal (stdin piped) watch is an error, exit 1")
  func noTerminal() throws {
    let run = try EndToEndTests.usq(["--demo"], stdin: "watch load costs days=1 | sum amount\n")
    #expect(run.status == 1)
    #expect(run.out == "")
    #expect(run.err.hasPrefix("error: 'watch' needs a terminal (stdin and stdout)\n"))
  }
}
