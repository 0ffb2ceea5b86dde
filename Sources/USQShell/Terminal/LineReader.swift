/// One read from the keyboard or stdin.
public enum LineInput: Equatable, Sendable {
  /// A line, without its line break.
  case line(String)
  /// Ctrl-C while editing: the line was dropped.
  case cancelled
  /// Ctrl-D on an empty line, or the end of stdin.
  case end
}

/// Which prompt to show.
public enum PromptKind: Sendable {
  /// `usq> `
  case primary
  /// `...> `, after a line ending in `|`.
  case continuation
}

/// Where the REPL gets its lines: `LineEditor` on a terminal, `PlainLineReader` otherwise.
public protocol LineReader: AnyObject {
  /// Whether a person is typing (prompt, history, Ctrl-C cancels statements).
  var isInteractive: Bool { get }
  /// Reads one line.
  func readLine(_ prompt: PromptKind) -> LineInput
  /// Keeps an entered statement in history (and saves the history file); lines holding key
  /// material are never kept.
  func remember(_ statement: String)
  /// The history, oldest first.
  func historyEntries() -> [String]
  /// The completion source for the following reads.
  func setCompletion(_ source: any CompletionSource)
  /// Saves the history and releases the terminal.
  func close()
}

/// Reads plain lines from stdin: no prompt, no history, no libedit.
public final class PlainLineReader: LineReader {
  private let next: () -> String?

  /// Reads from stdin.
  public convenience init() {
    self.init { Swift.readLine(strippingNewline: true) }
  }

  /// Reads from `next` (tests pass an array's iterator).
  public init(next: @escaping () -> String?) {
    self.next = next
  }

  public var isInteractive: Bool { false }

  public func readLine(_ prompt: PromptKind) -> LineInput {
    guard var line = next() else { return .end }
    if line.hasSuffix("\r") { line.removeLast() }
    return .line(line)
  }

  public func remember(_ statement: String) {}
  public func historyEntries() -> [String] { [] }
  public func setCompletion(_ source: any CompletionSource) {}
  public func close() {}
}
