import Foundation
import Testing

/// Drives `.build/debug/usq` in a real terminal (tmux). Build it first: `swift build --product usq`.
/// Each test runs its own tmux server; history goes to a temporary `USQ_HISTORY`.
@Suite(
  .serialized,
  .enabled(if: UsqBinary.canDrive, "needs tmux and .build/debug/usq (swift build --product usq)")
)
struct TerminalTests {
  let folder = NSTemporaryDirectory() + "usq-terminal-\(UUID().uuidString)"
  var historyPath: String { folder + "/history" }

  func start(_ arguments: [String] = [], environment: [String: String] = [:]) async throws
    -> TmuxSession
  {
    var env = ["USQ_HISTORY": historyPath, "NO_COLOR": "1", "LANG": "C.UTF-8"]
    env.merge(environment) { _, new in new }
    let session = try TmuxSession(
      TmuxSession.reportingExit([UsqBinary.path] + arguments), environment: env)
    #expect(await session.waitForLastLine("usq>"), "no prompt:\n\(session.capture())")
    return session
  }

  @Test("the prompt appears, and Ctrl-D on an empty line leaves with status 0")
  func promptAndCtrlD() async throws {
    let session = try await start()
    defer { session.kill() }
    session.sendKeys("C-d")
    #expect(await session.exitStatus() == 0, "\(session.capture())")
  }

  @Test("quit leaves with status 0 and saves the statement typed before it")
  func quitSavesHistory() async throws {
    let session = try await start()
    defer { session.kill() }
    #expect(await session.run("settings"), "\(session.capture())")
    session.type("quit")
    session.sendKeys("Enter")
    #expect(await session.exitStatus() == 0)
    let saved = try String(contentsOfFile: historyPath, encoding: .utf8)
    #expect(saved.contains("settings\n"))
  }

  @Test("Up recalls a statement after a restart; a line with a key is never stored")
  func historyAcrossRestarts() async throws {
    do {
      let first = try await start()
      defer { first.kill() }
      #expect(await first.run("settings"), "\(first.capture())")
      #expect(
        await first.run("set key=sk-proj-abcdefghijklmnopqrstuvwxyz0123"), "\(first.capture())")
      first.sendKeys("C-d")
      #expect(await first.exitStatus() == 0)
    }
    let saved = try String(contentsOfFile: historyPath, encoding: .utf8)
    #expect(!saved.contains("sk-proj"))
    let second = try await start()
    defer { second.kill() }
    second.sendKeys("Up")
    #expect(await second.waitForLastLine("usq> settings"), "\(second.capture())")
  }

  @Test("Ctrl-R searches the history backwards and Enter runs the match")
  func reverseSearch() async throws {
    let session = try await start()
    defer { session.kill() }
    for statement in ["frames", "settings"] {
      #expect(await session.run(statement), "\(session.capture())")
    }
    session.sendKeys("C-r")
    session.type("fram")
    #expect(await session.waitFor("usq> frames\nbck:fram"), "\(session.capture())")
    session.sendKeys("Enter")
    // `frames` ran a second time; the search line became the recalled statement.
    #expect(
      await session.waitUntil { screen in
        screen.components(separatedBy: "usq> frames\n").count == 3 && screen.hasSuffix("usq>")
      }, "\(session.capture())")
  }

  @Test("Ctrl-C inside a Ctrl-R search and after a completion listing still drops the line")
  func ctrlCAfterSearchAndListing() async throws {
    let session = try await start()
    defer { session.kill() }
    #expect(await session.run("frames"), "\(session.capture())")
    session.sendKeys("C-r")
    session.type("fra")
    #expect(await session.waitFor("bck:fra"))
    session.sendKeys("C-c")
    #expect(await session.waitFor("usq> frames^C\nusq>"), "\(session.capture())")
    session.sendKeys("Tab")
    try await Task.sleep(for: .milliseconds(200))
    session.sendKeys("Tab")
    #expect(await session.waitFor("describe"), "\(session.capture())")
    session.sendKeys("C-c")
    #expect(await session.waitFor("usq> ^C\nusq>"), "\(session.capture())")
    session.type("quit")
    session.sendKeys("Enter")
    #expect(await session.exitStatus() == 0)
  }

  @Test("Ctrl-C while editing drops the line and shows a fresh prompt")
  func ctrlCWhileEditing() async throws {
    let session = try await start()
    defer { session.kill() }
    session.type("load completions half typed")
    session.sendKeys("Left", "Left", "C-c")
    #expect(
      await session.waitFor("usq> load completions half typed^C\nusq>"), "\(session.capture())")
    // Twice more in a row, then the shell still works.
    session.sendKeys("C-c")
    session.sendKeys("C-c")
    #expect(await session.waitFor("usq> ^C\nusq> ^C\nusq>"), "\(session.capture())")
    session.type("quit")
    session.sendKeys("Enter")
    #expect(await session.exitStatus() == 0)
  }

  @Test("a line ending in | continues with the ...> prompt; Ctrl-C there drops the statement")
  func continuationPrompt() async throws {
    let session = try await start()
    defer { session.kill() }
    session.type("load completions days=1 |")
    session.sendKeys("Enter")
    #expect(await session.waitForLastLine("...>"), "\(session.capture())")
    session.sendKeys("C-c")
    #expect(await session.waitForLastLine("usq>"), "\(session.capture())")
  }

  @Test("Tab completes an endpoint, a stage, a group key and a column")
  func tabCompletion() async throws {
    let session = try await start()
    defer { session.kill() }
    session.type("load compl")
    session.sendKeys("Tab")
    #expect(await session.waitForLastLine("usq> load completions"), "\(session.capture())")
    session.type("group=pro")
    session.sendKeys("Tab")
    #expect(
      await session.waitForLastLine("usq> load completions group=project_id"),
      "\(session.capture())")
    session.type("| so")
    session.sendKeys("Tab")
    #expect(
      await session.waitForLastLine("usq> load completions group=project_id | sort"),
      "\(session.capture())")
    session.type("num_m")
    session.sendKeys("Tab")
    #expect(
      await session.waitForLastLine(
        "usq> load completions group=project_id | sort num_model_requests"),
      "\(session.capture())")
  }

  @Test("Tab completes a file path after read, folder first, then the file")
  func pathCompletion() async throws {
    try FileManager.default.createDirectory(
      atPath: folder + "/data/exports", withIntermediateDirectories: true)
    _ = FileManager.default.createFile(
      atPath: folder + "/data/exports/usage.csv", contents: Data("a\n1\n".utf8))
    let session = try TmuxSession(
      TmuxSession.reportingExit([UsqBinary.path]),
      environment: ["USQ_HISTORY": historyPath, "LANG": "C.UTF-8"],
      workingDirectory: folder + "/data")
    defer { session.kill() }
    #expect(await session.waitForLastLine("usq>"))
    session.type("read ex")
    session.sendKeys("Tab")
    #expect(await session.waitForLastLine("usq> read exports/"), "\(session.capture())")
    session.sendKeys("Tab")
    #expect(await session.waitForLastLine("usq> read exports/usage.csv"), "\(session.capture())")
  }

  @Test("a second Tab lists the candidates in columns and redraws the line")
  func tabListing() async throws {
    let session = try await start()
    defer { session.kill() }
    session.type("load completions | sort input_")
    session.sendKeys("Tab")
    try await Task.sleep(for: .milliseconds(200))
    session.sendKeys("Tab")
    #expect(await session.waitFor("input_cached_tokens"), "\(session.capture())")
    let screen = session.capture()
    let listing = screen.split(separator: "\n").filter {
      !$0.hasPrefix("usq>") && !$0.hasPrefix("usq ")
    }
    #expect(listing.contains { $0.hasPrefix("input_tokens ") })
    #expect(
      listing.contains {
        $0.contains(" input_cached_tokens") || $0.hasPrefix("input_cached_tokens")
      })
    #expect(!listing.contains { $0.contains("output_tokens") })
    #expect(session.lastLine() == "usq> load completions | sort input_")
  }

  @Test("non-ASCII typed in the C locale does not crash; the shell keeps working")
  func nonASCIIInCLocale() async throws {
    let session = try await start(environment: ["LANG": "C", "LC_ALL": "C"])
    defer { session.kill() }
    session.type("# héllo ✓ 日本")
    session.sendKeys("Left", "BSpace", "Enter")
    #expect(await session.waitForLastLine("usq>"), "\(session.capture())")
    session.type("é")
    session.sendKeys("C-c")
    #expect(await session.waitForLastLine("usq>"))
    session.sendKeys("C-d")
    #expect(await session.exitStatus() == 0, "\(session.capture())")
  }

  @Test("Ctrl-Z suspends and fg resumes editing the same line")
  func suspendAndResume() async throws {
    let session = try TmuxSession(
      ["env", "PS1=sh$ ", "bash", "--norc", "--noprofile"],
      environment: ["USQ_HISTORY": historyPath, "LANG": "C.UTF-8"])
    defer { session.kill() }
    #expect(await session.waitForLastLine("sh$"), "\(session.capture())")
    session.type(TmuxSession.shellQuoted(UsqBinary.path))
    session.sendKeys("Enter")
    #expect(await session.waitForLastLine("usq>"))
    session.type("abc")
    session.sendKeys("C-z")
    #expect(await session.waitFor("Stopped"), "\(session.capture())")
    #expect(await session.waitForLastLine("sh$"))
    session.type("fg")
    session.sendKeys("Enter")
    #expect(await session.waitForLastLine("usq> abc"), "\(session.capture())")
    session.type("d")
    session.sendKeys("C-c")
    #expect(await session.waitFor("usq> abcd^C"), "\(session.capture())")
    session.sendKeys("C-d")
    #expect(await session.waitForLastLine("sh$"), "\(session.capture())")
  }
}

/// Statements of the real session, in a terminal: tables, continuation, and Ctrl-C cancelling a
/// slow load served by `usq serve --latency-ms 2000`.
@Suite(
  .serialized,
  .enabled(if: UsqBinary.canDrive, "needs tmux and .build/debug/usq (swift build --product usq)"))
struct StatementTerminalTests {
  let folder = NSTemporaryDirectory() + "usq-terminal-\(UUID().uuidString)"

  func start(environment: [String: String] = [:], arguments: [String] = []) async throws
    -> TmuxSession
  {
    var env = ["USQ_HISTORY": folder + "/history", "LANG": "C.UTF-8", "NO_COLOR": "1"]
    env.merge(environment) { _, new in new }
    let session = try TmuxSession(
      TmuxSession.reportingExit([UsqBinary.path] + arguments), environment: env, width: 120)
    #expect(await session.waitForLastLine("usq>"), "\(session.capture())")
    return session
  }

  @Test("a statement prints its table under the line, then the prompt returns")
  func statementPrintsTable() async throws {
    let session = try await start()
    defer { session.kill() }
    session.type("load completions days=2 | count")
    session.sendKeys("Enter")
    #expect(await session.waitFor("│ count │"), "\(session.capture())")
    #expect(await session.waitForLastLine("usq>"), "\(session.capture())")
  }

  @Test("a statement continued over two lines runs as one")
  func continuedStatement() async throws {
    let session = try await start()
    defer { session.kill() }
    session.type("load completions days=2 |")
    session.sendKeys("Enter")
    #expect(await session.waitForLastLine("...>"))
    session.type("count")
    session.sendKeys("Enter")
    #expect(await session.waitFor("│ count │"), "\(session.capture())")
    #expect(await session.waitForLastLine("usq>"))
  }

  @Test(
    "Ctrl-C during a slow load returns to the prompt within a second, and the next statement works")
  func ctrlCCancelsLoad() async throws {
    let server = try BackgroundProcess(
      [UsqBinary.path, "serve", "--port", "0", "--latency-ms", "2000", "--key", "sk-admin-test"])
    defer { server.stop() }
    let port = try #require(
      await server.waitForLine(prefix: "PORT="), "usq serve printed no port: \(server.output)")
    let session = try await start(
      environment: [
        "OPENAI_BASE_URL": "http://127.0.0.1:\(port)/v1", "OPENAI_ADMIN_KEY": "sk-admin-test",
      ],
      arguments: ["--no-cache"])
    defer { session.kill() }
    session.type("load completions days=2 | count")
    session.sendKeys("Enter")
    try await Task.sleep(for: .milliseconds(500))
    let pressed = ContinuousClock.now
    session.sendKeys("C-c")
    #expect(await session.waitForLastLine("usq>", timeout: .seconds(1)), "\(session.capture())")
    #expect(ContinuousClock.now - pressed < .seconds(1))
    #expect(!session.capture().contains("│ count │"))
    session.type("load completions days=2 | count")
    session.sendKeys("Enter")
    #expect(await session.waitFor("│ count │", timeout: .seconds(20)), "\(session.capture())")
    #expect(await session.waitForLastLine("usq>"))
  }
}
