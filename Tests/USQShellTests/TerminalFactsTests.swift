import Testing

@testable import USQShell

@Suite struct TerminalFactsTests {
  @Test("width: COLUMNS first, then the window, then 80")
  func widthOrder() {
    #expect(TerminalFacts.resolveWidth(environment: ["COLUMNS": "132"], windowColumns: 100) == 132)
    #expect(TerminalFacts.resolveWidth(environment: ["COLUMNS": " 90 "], windowColumns: nil) == 90)
    #expect(TerminalFacts.resolveWidth(environment: [:], windowColumns: 100) == 100)
    #expect(TerminalFacts.resolveWidth(environment: ["COLUMNS": "wide"], windowColumns: 100) == 100)
    #expect(TerminalFacts.resolveWidth(environment: ["COLUMNS": "0"], windowColumns: nil) == 80)
    #expect(TerminalFacts.resolveWidth(environment: ["COLUMNS": "-5"], windowColumns: 0) == 80)
    #expect(TerminalFacts.resolveWidth(environment: [:], windowColumns: nil) == 80)
  }

  @Test("height: LINES first, then the window, then 24")
  func heightOrder() {
    #expect(TerminalFacts.resolveHeight(environment: ["LINES": "50"], windowRows: 30) == 50)
    #expect(TerminalFacts.resolveHeight(environment: [:], windowRows: 30) == 30)
    #expect(TerminalFacts.resolveHeight(environment: [:], windowRows: nil) == 24)
  }

  @Test("colour: only on a terminal, off for a non-empty NO_COLOR and for TERM=dumb")
  func color() {
    #expect(TerminalFacts.resolveColor(environment: [:], stdoutIsTTY: true))
    #expect(!TerminalFacts.resolveColor(environment: [:], stdoutIsTTY: false))
    #expect(!TerminalFacts.resolveColor(environment: ["NO_COLOR": "1"], stdoutIsTTY: true))
    #expect(TerminalFacts.resolveColor(environment: ["NO_COLOR": ""], stdoutIsTTY: true))
    #expect(!TerminalFacts.resolveColor(environment: ["TERM": "dumb"], stdoutIsTTY: true))
  }

  @Test("reading the facts under the test runner (stdin is not a terminal) yields sane values")
  func readHere() {
    let facts = TerminalFacts.read(environment: ["COLUMNS": "77", "NO_COLOR": "1"])
    #expect(facts.width == 77)
    #expect(!facts.color)
    #expect(facts.height >= 1)
  }
}

@Suite struct HistoryPathTests {
  @Test("USQ_HISTORY wins; empty means no history file")
  func explicit() {
    #expect(
      HistoryPath.resolve(environment: ["USQ_HISTORY": "/state/h", "HOME": "/users/a"])
        == "/state/h")
    #expect(HistoryPath.resolve(environment: ["USQ_HISTORY": "", "HOME": "/users/a"]) == nil)
  }

  @Test("then the XDG state folder, then ~/.local/state")
  func xdgThenHome() {
    #expect(
      HistoryPath.resolve(environment: ["XDG_STATE_HOME": "/s", "HOME": "/users/a"])
        == "/s/usq/history")
    #expect(
      HistoryPath.resolve(environment: ["XDG_STATE_HOME": "/s/", "HOME": "/users/a"])
        == "/s/usq/history")
    #expect(
      HistoryPath.resolve(environment: ["XDG_STATE_HOME": "relative", "HOME": "/users/a"])
        == "/users/a/.local/state/usq/history")
    #expect(
      HistoryPath.resolve(environment: ["HOME": "/users/a"]) == "/users/a/.local/state/usq/history")
    #expect(HistoryPath.resolve(environment: [:]) == nil)
  }
}
