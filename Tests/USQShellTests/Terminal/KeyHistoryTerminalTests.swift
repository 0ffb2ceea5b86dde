import Foundation
import Testing

/// The configured admin key typed at the prompt, in a real terminal: whatever its shape
/// (`sk-admin-test` looks like no real key), it never reaches the history file (issue 16).
@Suite(.enabled(if: UsqBinary.canDrive, "needs tmux and .build/debug/usq"))
struct KeyHistoryTerminalTests {
  @Test("a line holding the configured key's text is kept out of history; others are saved")
  func configuredKeyNeverSaved() async throws {
    let folder = NSTemporaryDirectory() + "usq-terminal-key-\(UUID().uuidString)"
    let historyPath = folder + "/history"
    let session = try TmuxSession(
      TmuxSession.reportingExit([UsqBinary.path, "--demo"]),
      environment: [
        "USQ_HISTORY": historyPath, "NO_COLOR": "1", "LANG": "C.UTF-8",
        "OPENAI_ADMIN_KEY": "sk-admin-test",
      ])
    defer { session.kill() }
    #expect(await session.waitForLastLine("usq>"), "no prompt:\n\(session.capture())")
    #expect(await session.run("sk-admin-test"), "\(session.capture())")
    #expect(
      await session.run("load costs days=1 key=sk-admin-test | count"), "\(session.capture())")
    #expect(await session.run("settings"), "\(session.capture())")
    session.sendKeys("C-d")
    #expect(await session.exitStatus() == 0)
    let saved = try String(contentsOfFile: historyPath, encoding: .utf8)
    #expect(saved.contains("settings"))
    #expect(!saved.contains("sk-admin-test"), "\(saved)")
  }
}
