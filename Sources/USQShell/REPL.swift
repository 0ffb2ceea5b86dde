import CLibEdit

/// What the REPL does after a statement.
public enum HandleResult: Equatable, Sendable {
  /// Read the next statement.
  case `continue`
  /// The statement failed with this exit code (1 statement error, 3 API/network/auth); the REPL
  /// goes on, and with piped input the first failure's code becomes the exit code.
  case failed(exitCode: Int32)
  /// Leave the REPL.
  case quit
}

/// The seam between the terminal layer and the language: the `Session` runs statements.
@MainActor
public protocol StatementHandler: AnyObject {
  /// Runs one statement (its lines joined with `\n`) and prints its result.
  ///
  /// At a terminal the statement runs in a task that Ctrl-C cancels; on cancellation return
  /// promptly and print nothing — the REPL prints `cancelled`.
  func handle(_ statement: String) async -> HandleResult
  /// The completion source for the next line; read again before every prompt, so it can be a
  /// snapshot of the session (stored frames, settings).
  var completion: any CompletionSource { get }
}

/// The read–run loop. `quit`, `exit`, Ctrl-D and the end of stdin leave it; `history` lists the
/// history; every other statement goes to the handler.
///
/// At a terminal: lines ending in `|` continue with the `...> ` prompt, Ctrl-C drops the line
/// being typed or cancels the running statement, and history is saved after every statement.
/// Piped input: a line starting with `|` continues the statement above it, nothing is prompted
/// or stored, and `run()` returns the exit code of the first failure.
@MainActor
public final class REPL {
  private let reader: any LineReader
  private let handler: any StatementHandler
  private let writeError: @Sendable (String) -> Void
  private var firstFailure: Int32?

  public init(
    reader: any LineReader, handler: any StatementHandler,
    writeError: @escaping @Sendable (String) -> Void = ProgressLine.writeToStderr
  ) {
    self.reader = reader
    self.handler = handler
    self.writeError = writeError
  }

  /// A `LineEditor` when stdin is a terminal (falling back to plain reading if libedit cannot
  /// start), else a `PlainLineReader`.
  /// `secrets` (the configured key) never enter history, whatever they look like.
  public static func makeReader(
    facts: TerminalFacts, historyPath: String?, secrets: [String] = []
  ) -> any LineReader {
    guard facts.stdinIsTTY else { return PlainLineReader() }
    var options = LineEditor.Options(historyPath: historyPath, fallbackWidth: facts.width)
    options.secrets = secrets
    if let editor = try? LineEditor(options: options) { return editor }
    return PlainLineReader()
  }

  /// Runs until the end. Returns the exit code: with piped input the first failed statement's
  /// code (0 if none failed); at a terminal always 0.
  public func run() async -> Int32 {
    if reader.isInteractive { Interrupts.install() }
    var assembler = StatementAssembler()
    var quitting = false
    reading: while true {
      reader.setCompletion(handler.completion)
      let input = reader.readLine(assembler.needsMore ? .continuation : .primary)
      switch input {
      case .end:
        break reading
      case .cancelled:
        assembler.reset()
      case .line(let text):
        let statement =
          reader.isInteractive ? assembler.add(text) : assembler.addJoiningLeadingPipe(text)
        if let statement, await execute(statement) == .quit {
          quitting = true
          break reading
        }
      }
    }
    if !quitting, !reader.isInteractive, let last = assembler.flush() {
      _ = await execute(last)
    }
    reader.close()
    return firstFailure ?? 0
  }

  private func execute(_ statement: String) async -> HandleResult {
    reader.remember(statement)
    let word = statement.trimmingBlanks()
    if word == "quit" || word == "exit" { return .quit }
    if word == "history" {
      printHistory()
      return .continue
    }
    let result: HandleResult
    if reader.isInteractive {
      _ = Interrupts.take()
      let task = Task { @MainActor [handler] in await handler.handle(statement) }
      let watcher = Interrupts.watch(cancelling: task)
      result = await task.value
      watcher.cancel()
      if await watcher.value { writeError("\r\u{1B}[Kcancelled\n") }
    } else {
      result = await handler.handle(statement)
    }
    if case .failed(let code) = result, !reader.isInteractive, firstFailure == nil {
      firstFailure = code
    }
    return result
  }

  private func printHistory() {
    let entries = reader.historyEntries()
    let digits = String(entries.count).count
    var text = ""
    for (index, entry) in entries.enumerated() {
      let number = String(index + 1)
      text += String(repeating: " ", count: digits - number.count) + number + "  " + entry + "\n"
    }
    var error: Int32 = 0
    _ = usq_write(usq_stdout(), text, &error)
  }
}
