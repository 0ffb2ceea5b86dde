/// One token of a statement, with its span and (for literals) its decoded value.
public struct Token: Hashable, Sendable, CustomStringConvertible {
  /// The kinds of token.
  public enum Kind: String, Hashable, Sendable {
    /// `[A-Za-z_][A-Za-z0-9_.:-]*`; keywords are words the parser recognises in context. Dumped
    /// as `ident`, as in STYLE rule 22.
    case word = "ident"
    /// `42`, `1_000_000`.
    case integer
    /// `2.5`, `1e6`.
    case float
    /// `"…"` or `'…'`.
    case string
    /// `5%`.
    case percent
    /// `90m`, `36h`, `7d`, `2w`.
    case duration
    /// A date or date-time literal.
    case datetime
    /// A bare option value, path or topic: a run of non-blank characters (value mode only).
    case value
    /// `|`.
    case pipe
    /// `,`.
    case comma
    /// `(`.
    case leftParen = "lparen"
    /// `)`.
    case rightParen = "rparen"
    /// `=`.
    case equal
    /// `==`.
    case equalEqual = "equalequal"
    /// `!=`.
    case notEqual = "notequal"
    /// `<`.
    case less
    /// `<=`.
    case lessEqual = "lessequal"
    /// `>`.
    case greater
    /// `>=`.
    case greaterEqual = "greaterequal"
    /// `+`.
    case plus
    /// `-`.
    case minus
    /// `*`.
    case star
    /// `/`.
    case slash
    /// `~`.
    case tilde
    /// Text the lexer could not read; it has already reported a diagnostic.
    case invalid
    /// The end of the input (an empty span at its end).
    case end
  }

  /// The decoded value of a literal token.
  public enum Value: Hashable, Sendable {
    /// Not a literal.
    case none
    /// A string, unescaped.
    case string(String)
    /// An integer.
    case integer(Int64)
    /// A float.
    case float(Double)
    /// A percentage (the number before `%`).
    case percent(Double)
    /// A duration.
    case duration(DurationLiteral)
    /// A date or date-time.
    case dateTime(DateTimeLiteral)
  }

  /// What kind of token.
  public var kind: Kind
  /// Where it is.
  public var span: Span
  /// The text exactly as written.
  public var text: String
  /// The decoded value (strings unescaped, numbers parsed).
  public var value: Value

  /// Creates a token.
  public init(_ kind: Kind, span: Span, text: String, value: Value = .none) {
    self.kind = kind
    self.span = span
    self.text = text
    self.value = value
  }

  /// The dump line of STYLE rule 22: `0..4 ident load`.
  public var description: String {
    kind == .end ? "\(span) end" : "\(span) \(kind.rawValue) \(text)"
  }

  /// Whether this is the word `text` (keywords are case-sensitive, lowercase).
  public func isWord(_ text: String) -> Bool { kind == .word && self.text == text }

  /// The string value: the decoded string for `.string`, the text otherwise.
  public var stringValue: String {
    if case .string(let decoded) = value { return decoded }
    return text
  }
}
