import Foundation
import Testing
import USQBasics

@testable import USQRender

/// The window as the user changes it: a resize takes effect at the next statement (`width auto`
/// follows the window), and Ctrl-L clears the screen at the prompt, keeping the line being typed.
@Suite(
  .serialized,
  .enabled(if: UsqBinary.canDrive, "needs tmux and .build/debug/usq (swift build --product usq)"))
struct ResizeAndClearTests {
  let folder = NSTemporaryDirectory() + "usq-terminal-\(UUID().uuidString)"

  /// usq in a `width`-column pane; with `withoutTerm`, TERM unset (no terminfo to clear with).
  func start(width: Int, withoutTerm: Bool = false) async throws -> TmuxSession {
    let environment = [
      "USQ_HISTORY": folder + "/history", "LANG": "C.UTF-8", "NO_COLOR": "1",
      "USQ_NOW": "2026-11-30T12:00:00Z",
    ]
    let command = (withoutTerm ? ["env", "-u", "TERM"] : []) + [UsqBinary.path, "--demo"]
    let session = try TmuxSession(
      TmuxSession.reportingExit(command), environment: environment, width: width, height: 40)
    #expect(await session.waitForLastLine("usq>"), "\(session.capture())")
    return session
  }

  /// The width of the last table's top border on the screen.
  static func lastTableWidth(_ screen: String) -> Int? {
    screen.split(separator: "\n").last { $0.hasPrefix("╭") }.map { DisplayWidth.of(String($0)) }
  }

  @Test("after a resize to 40 columns the next table fits them; back at 200 it is whole again")
  func resizeIsFollowed() async throws {
    let session = try await start(width: 120)
    defer { session.kill() }
    let statement =
      "let t = load completions days=2 group=model | sum input_tokens, output_tokens, "
      + "input_cached_tokens by model"
    #expect(await session.run(statement), "\(session.capture())")
    #expect(await session.run("from t"), "\(session.capture())")
    let wide = try #require(Self.lastTableWidth(session.capture()), "\(session.capture())")
    #expect(wide == 80, "\(session.capture())")

    await resizeAndClear(session, width: 40)
    #expect(await session.run("from t"), "\(session.capture())")
    let narrow = try #require(Self.lastTableWidth(session.capture()), "\(session.capture())")
    #expect(narrow <= 40, "\(session.capture())")
    #expect(session.capture().contains("not shown for lack of"), "\(session.capture())")

    await resizeAndClear(session, width: 200)
    #expect(await session.run("from t"), "\(session.capture())")
    let widest = try #require(Self.lastTableWidth(session.capture()), "\(session.capture())")
    #expect(widest == wide, "\(session.capture())")
    #expect(!session.capture().contains("not shown"), "\(session.capture())")
  }

  /// Resizes the window, then clears the screen (Ctrl-L) and waits for the bare prompt.
  func resizeAndClear(_ session: TmuxSession, width: Int) async {
    session.resize(width: width, height: 40)
    try? await Task.sleep(for: .milliseconds(200))
    session.sendKeys("C-l")
    #expect(await session.waitUntil { $0 == "usq>" }, "\(session.capture())")
  }

  @Test(
    "Ctrl-L clears the screen and keeps the line being typed, with TERM set and unset",
    arguments: [false, true])
  func ctrlLClears(withoutTerm: Bool) async throws {
    let session = try await start(width: 100, withoutTerm: withoutTerm)
    defer { session.kill() }
    #expect(await session.run("settings"), "\(session.capture())")
    #expect(session.capture().contains("│ setting"))
    session.type("fram")
    session.sendKeys("C-l")
    // Without terminfo, libedit starts its redraw on a new line: one blank line above at most.
    #expect(
      await session.waitUntil { screen in
        screen == "usq> fram" || (withoutTerm && screen == "\nusq> fram")
      }, "not cleared:\n\(session.capture())")
    session.type("es")
    session.sendKeys("Enter")
    #expect(await session.waitFor("no stored frames yet"), "\(session.capture())")
  }
}
