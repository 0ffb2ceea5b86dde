/// Turns the bytes of a statement into tokens, one at a time; never throws.
///
/// The parser drives it: `next()` reads an ordinary token, `nextValue(stopsAtComma:)` reads
/// the value of a `key=value` option (or a path), which runs to the next blank, `|`, comma or end
/// of line. Problems become diagnostics in `diagnostics`; the offending text becomes an
/// `.invalid` token so that every call consumes at least one byte until `.end`.
public struct Lexer {
  let source: SourceFile
  let bytes: [UInt8]
  /// The 0-based UTF-8 offset of the next unread byte.
  public internal(set) var offset: Int = 0
  /// Diagnostics reported so far, in order.
  public var diagnostics: [Diagnostic] = []

  /// Creates a lexer at the start of `source`.
  public init(_ source: SourceFile) {
    self.source = source
    self.bytes = source.bytes
  }

  /// Tokenises the whole input in ordinary mode (no option values), `.end` included.
  public static func tokenize(_ source: SourceFile) -> ([Token], [Diagnostic]) {
    var lexer = Lexer(source)
    var tokens: [Token] = []
    while true {
      let token = lexer.next()
      tokens.append(token)
      if token.kind == .end { return (tokens, lexer.diagnostics) }
    }
  }

  // MARK: - Ordinary tokens

  /// Reads the next token, skipping blanks, line breaks and `#` comments.
  public mutating func next() -> Token {
    skipTrivia()
    guard offset < bytes.count else { return Token(.end, span: .at(bytes.count), text: "") }
    let start = offset
    let byte = bytes[offset]
    if Lexer.isWordStart(byte) { return word(from: start) }
    if Lexer.isDigit(byte) { return number(from: start) }
    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return string(from: start) }
    if let token = punctuation(from: start) { return token }
    return unexpected(from: start)
  }

  /// The next unread byte without consuming it (after no trivia), or `nil` at the end.
  public var nextByte: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  mutating func skipTrivia() {
    while offset < bytes.count {
      let byte = bytes[offset]
      if Lexer.isBlank(byte) || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        offset += 1
      } else if byte == UInt8(ascii: "#") {
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
      } else {
        return
      }
    }
  }

  mutating func word(from start: Int) -> Token {
    offset += 1
    while offset < bytes.count, Lexer.isWordContinuation(bytes[offset]) { offset += 1 }
    return token(.word, from: start)
  }

  mutating func punctuation(from start: Int) -> Token? {
    let byte = bytes[start]
    let following = start + 1 < bytes.count ? bytes[start + 1] : 0
    let twoByte: Token.Kind? =
      switch (byte, following) {
      case (UInt8(ascii: "="), UInt8(ascii: "=")): .equalEqual
      case (UInt8(ascii: "!"), UInt8(ascii: "=")): .notEqual
      case (UInt8(ascii: "<"), UInt8(ascii: "=")): .lessEqual
      case (UInt8(ascii: ">"), UInt8(ascii: "=")): .greaterEqual
      default: nil
      }
    if let twoByte {
      offset += 2
      return token(twoByte, from: start)
    }
    let oneByte: Token.Kind? =
      switch byte {
      case UInt8(ascii: "|"): .pipe
      case UInt8(ascii: ","): .comma
      case UInt8(ascii: "("): .leftParen
      case UInt8(ascii: ")"): .rightParen
      case UInt8(ascii: "="): .equal
      case UInt8(ascii: "<"): .less
      case UInt8(ascii: ">"): .greater
      case UInt8(ascii: "+"): .plus
      case UInt8(ascii: "-"): .minus
      case UInt8(ascii: "*"): .star
      case UInt8(ascii: "/"): .slash
      case UInt8(ascii: "~"): .tilde
      default: nil
      }
    guard let oneByte else { return nil }
    offset += 1
    return token(oneByte, from: start)
  }

  /// A run of characters no token starts with, reported once.
  mutating func unexpected(from start: Int) -> Token {
    repeat {
      offset += Lexer.scalarLength(bytes[offset])
    } while offset < bytes.count && !Lexer.startsToken(bytes[offset])
    offset = min(offset, bytes.count)
    let invalid = token(.invalid, from: start)
    diagnostics.append(LanguageMessages.unexpectedCharacters(invalid.text, at: invalid.span))
    return invalid
  }

  func token(_ kind: Token.Kind, from start: Int, value: Token.Value = .none) -> Token {
    let span = Span(start: start, end: offset)
    return Token(kind, span: span, text: source.text(of: span), value: value)
  }

  // MARK: - Option values and paths

  /// Reads one item of an option value (or a path): a quoted string, or the run of characters up
  /// to the next blank, line break, `|`, end of input and — when `stopsAtComma` — comma.
  ///
  /// Leading blanks are skipped when `skipsBlanks` (after `=`, not after a list's comma). An
  /// empty run gives an empty `.value` token at the position.
  public mutating func nextValue(stopsAtComma: Bool, skipsBlanks: Bool = true) -> Token {
    while skipsBlanks, offset < bytes.count, Lexer.isBlank(bytes[offset]) { offset += 1 }
    let start = offset
    if let byte = nextByte, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
      return string(from: start)
    }
    while offset < bytes.count {
      let byte = bytes[offset]
      if Lexer.isBlank(byte) || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        || byte == UInt8(ascii: "|") || (stopsAtComma && byte == UInt8(ascii: ","))
      {
        break
      }
      offset += 1
    }
    return token(.value, from: start)
  }

  /// Reads a bare glob after `~`: a run of word characters, `*`, `?`, `[` and `]` that starts
  /// with a letter, `_`, `*`, `?` or `[`, as one `.value` token (`gpt-4*`, `*mini`). Anything
  /// else is read as an ordinary token.
  public mutating func nextGlob() -> Token {
    skipTrivia()
    func isGlob(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "[")
        || byte == UInt8(ascii: "]")
    }
    guard let first = nextByte, Lexer.isWordStart(first) || isGlob(first) else { return next() }
    let start = offset
    while offset < bytes.count, Lexer.isWordContinuation(bytes[offset]) || isGlob(bytes[offset]) {
      offset += 1
    }
    let text = source.text(of: Span(start: start, end: offset))
    if !text.contains(where: { "*?[".contains($0) }) {
      offset = start
      return next()
    }
    return token(.value, from: start)
  }

  /// Reads the rest of the line, trimmed, as one `.value` token (for `help TOPIC`).
  public mutating func restOfLine() -> Token {
    while offset < bytes.count, Lexer.isBlank(bytes[offset]) { offset += 1 }
    let start = offset
    var end = start
    while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n"),
      bytes[offset] != UInt8(ascii: "#")
    {
      offset += 1
      if !Lexer.isBlank(bytes[offset - 1]) { end = offset }
    }
    offset = end
    return token(.value, from: start)
  }
}
