import Testing

@testable import USQShell

/// Records statements; `fail…` fails with exit code 1, `api…` with 3.
@MainActor
final class RecordingHandler: StatementHandler {
  var statements: [String] = []
  var completion: any CompletionSource { NoCompletion() }

  func handle(_ statement: String) async -> HandleResult {
    statements.append(statement)
    if statement.hasPrefix("fail") { return .failed(exitCode: 1) }
    if statement.hasPrefix("api") { return .failed(exitCode: 3) }
    return .continue
  }
}

@MainActor
func runPiped(_ lines: [String]) async -> (code: Int32, statements: [String]) {
  var iterator = lines.makeIterator()
  let reader = PlainLineReader { iterator.next() }
  let handler = RecordingHandler()
  let code = await REPL(reader: reader, handler: handler, writeError: { _ in }).run()
  return (code, handler.statements)
}

@Suite @MainActor struct REPLTests {
  @Test("piped statements run in order; leading-| lines join; blanks and comments are skipped")
  func pipedStatements() async {
    let (code, statements) = await runPiped([
      "load completions", "  | top 5", "", "# note", "frames", "load costs |", "sum amount",
    ])
    #expect(code == 0)
    #expect(statements == ["load completions\n  | top 5", "frames", "load costs |\nsum amount"])
  }

  @Test("piped input keeps going after a failure and exits with the first failure's code")
  func firstFailure() async {
    let (code, statements) = await runPiped(["api one", "fail two", "three"])
    #expect(code == 3)
    #expect(statements == ["api one", "fail two", "three"])
  }

  @Test("quit and exit stop reading and are not handed to the handler")
  func quit() async {
    #expect(await runPiped(["one", "quit", "two"]).statements == ["one"])
    #expect(await runPiped(["one", "  exit  ", "two"]).statements == ["one"])
  }

  @Test("a last line without a newline and a trailing carriage return are read")
  func carriageReturn() async {
    #expect(await runPiped(["frames\r", "settings"]).statements == ["frames", "settings"])
  }

  @Test("history with piped input prints nothing and reaches no handler")
  func historyIsShellCommand() async {
    #expect(await runPiped(["history", "frames"]).statements == ["frames"])
  }
}

@Suite(.serialized) struct InterruptTests {
  @Test("SIGINT cancels the watched task at once")
  func sigintCancelsTask() async throws {
    #expect(Interrupts.install())
    _ = Interrupts.take()
    // The task would sleep for ten minutes: only the cancellation can end it in time.
    let task = Task { () -> Bool in
      do {
        try await Task.sleep(for: .seconds(600))
        return false
      } catch {
        return true
      }
    }
    let watcher = Interrupts.watch(cancelling: task)
    try await Task.sleep(for: .milliseconds(50))
    Interrupts.raiseForTesting()
    let cancelled = await task.value
    watcher.cancel()
    #expect(cancelled)
    #expect(await watcher.value)
    #expect(!Interrupts.isPending)
  }

  @Test("run reports no interruption when none arrived, and the value")
  func runWithoutInterrupt() async throws {
    #expect(Interrupts.install())
    let (result, interrupted) = await Interrupts.run { 42 }
    #expect(try result.get() == 42)
    #expect(!interrupted)
  }
}
