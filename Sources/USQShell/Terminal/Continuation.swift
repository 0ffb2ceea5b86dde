/// How typed lines group into statements: a line ending in `|` continues on the next line, and
/// (in scripts and piped input) a line starting with `|` continues the statement above it.
public enum Continuation {
  /// Whether the last significant character of `line` — outside strings and `#` comments — is `|`.
  public static func endsWithPipe(_ line: String) -> Bool {
    lastSignificantByte(of: line) == UInt8(ascii: "|")
  }

  /// Whether the first non-blank character of `line` is `|`.
  public static func startsWithPipe(_ line: String) -> Bool {
    line.utf8.first { !isBlank($0) } == UInt8(ascii: "|")
  }

  /// Whether `line` holds nothing to run: only blanks, or a `#` comment.
  public static func isBlankOrComment(_ line: String) -> Bool {
    guard let first = line.utf8.first(where: { !isBlank($0) }) else { return true }
    return first == UInt8(ascii: "#")
  }

  /// The last byte outside strings and comments that is not blank, or nil.
  static func lastSignificantByte(of line: String) -> UInt8? {
    var last: UInt8?
    var quote: UInt8?
    var escaped = false
    for byte in line.utf8 {
      if let open = quote {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == open {
          quote = nil
        }
        last = byte
        continue
      }
      if byte == UInt8(ascii: "#") { break }
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte }
      if !isBlank(byte) { last = byte }
    }
    return quote == nil ? last : nil
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
  }
}

/// Collects lines into whole statements; the lines of one statement are joined with `\n`.
///
/// Interactive use feeds one line at a time and asks `needsMore` to choose the prompt. Piped
/// input also joins a following line that starts with `|` (`joinsLeadingPipe`), which needs one
/// line of look-ahead: call `take(nextLine:)`.
public struct StatementAssembler: Sendable {
  /// The lines of the statement being collected.
  public private(set) var pending: [String] = []

  public init() {}

  /// Whether a statement has begun and its last line ends in `|`.
  public var needsMore: Bool {
    guard let last = pending.last else { return false }
    return Continuation.endsWithPipe(last)
  }

  /// Whether no line has been collected.
  public var isEmpty: Bool { pending.isEmpty }

  /// Adds a line; blank and comment-only lines are dropped (also inside a continuation).
  /// Returns the completed statement when the line does not end in `|`.
  public mutating func add(_ line: String) -> String? {
    if Continuation.isBlankOrComment(line) { return nil }
    pending.append(line)
    if needsMore { return nil }
    return flush()
  }

  /// Adds a line when a following line starting with `|` joins the statement (piped input).
  /// Returns the statement completed *before* this line, if this line starts a new one.
  public mutating func addJoiningLeadingPipe(_ line: String) -> String? {
    if Continuation.isBlankOrComment(line) { return nil }
    if !pending.isEmpty && !needsMore && !Continuation.startsWithPipe(line) {
      let done = flush()
      pending = [line]
      return done
    }
    pending.append(line)
    return nil
  }

  /// Returns the collected statement (lines joined with `\n`) and starts afresh; nil if empty.
  public mutating func flush() -> String? {
    guard !pending.isEmpty else { return nil }
    defer { pending = [] }
    return pending.joined(separator: "\n")
  }

  /// Drops the collected lines (Ctrl-C).
  public mutating func reset() { pending = [] }

  /// The form of a statement kept in history: its lines joined by a space, so recalling it
  /// gives one editable line.
  public static func historyLine(_ statement: String) -> String {
    statement.split(separator: "\n", omittingEmptySubsequences: true)
      .map { String($0).trimmingBlanks() }
      .joined(separator: " ")
  }
}

extension String {
  func trimmingBlanks() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }),
      let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" })
    else { return "" }
    return String(scalars[first...last])
  }
}
