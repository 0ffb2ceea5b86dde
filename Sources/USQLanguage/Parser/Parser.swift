/// Parses one statement into a syntax tree plus diagnostics; never throws.
///
/// A hand-written recursive-descent parser with one method per grammar rule (see the grammar
/// comments on each method and on `ExpressionSyntax`). After the first error in a stage it stays
/// quiet until it resynchronises at the next `|` or the end of the statement; every loop consumes
/// at least one token per iteration.
///
/// ```
/// let (statement, diagnostics) = Parser.parse(SourceFile("load completions | top 5"))
/// ```
public struct Parser {
  let source: SourceFile
  var lexer: Lexer
  /// The token being looked at.
  var current: Token
  /// The token before `current`.
  var previous: Token
  /// One ordinary token of lookahead beyond `current`, when asked for.
  var peeked: Token?
  var diagnostics: [Diagnostic] = []
  /// Set after an error until the next stage starts (STYLE rule 14).
  var isQuiet = false
  /// Every token that became `current`, in order (for token dumps).
  var consumed: [Token] = []
  /// How deeply expressions are nested (parentheses, `not`, unary minus) at this point.
  var depth = 0
  /// The deepest nesting accepted, so that no input can exhaust the stack.
  static let maximumDepth = 200
  /// The most operators on one path of an expression tree (`ExpressionSyntax.height` − 1):
  /// chained or nested, `1 + 1 + … + 1` counting one per `+`. Every pass after the parser walks
  /// the tree recursively on a worker thread's stack; a debug build survives about 2,500 levels,
  /// so 1,000 keeps a wide margin. Documented in `help expressions`.
  public static let maximumOperatorDepth = 1_000

  init(_ source: SourceFile) {
    self.source = source
    self.lexer = Lexer(source)
    let start = Token(.end, span: .at(0), text: "")
    self.current = start
    self.previous = start
    self.current = lex { $0.next() }
    consumed.append(current)
  }

  /// Parses `source` as one statement (a pipeline or a shell command).
  ///
  /// - Returns: the best-effort statement and every diagnostic, in source order. When any
  ///   diagnostic is an error the tree may hold `.missing` placeholders and must not be run.
  public static func parse(_ source: SourceFile) -> (Statement, [Diagnostic]) {
    var parser = Parser(source)
    let statement = parser.statement()
    return (statement, parser.diagnostics)
  }

  /// The tokens the parser read from `source`, option values and paths included, `.end` last;
  /// for token dumps and tests.
  public static func tokens(_ source: SourceFile) -> [Token] {
    var parser = Parser(source)
    _ = parser.statement()
    return parser.consumed
  }

  // MARK: - Tokens

  mutating func lex(_ read: (inout Lexer) -> Token) -> Token {
    let known = lexer.diagnostics.count
    let token = read(&lexer)
    for diagnostic in lexer.diagnostics[known...] { report(diagnostic) }
    return token
  }

  /// Moves to the next ordinary token.
  mutating func advance() {
    previous = current
    if let peeked {
      current = peeked
      self.peeked = nil
    } else {
      current = lex { $0.next() }
    }
    consumed.append(current)
  }

  /// Moves to the next token read in value mode (an option value item or a path).
  mutating func advanceIntoValue(stopsAtComma: Bool, skipsBlanks: Bool = true) {
    assert(peeked == nil, "value mode after a lookahead would skip the peeked token")
    previous = current
    current = lex { $0.nextValue(stopsAtComma: stopsAtComma, skipsBlanks: skipsBlanks) }
    consumed.append(current)
  }

  /// The ordinary token after `current`, read once and kept.
  mutating func peek() -> Token {
    if let peeked { return peeked }
    let token = lex { $0.next() }
    peeked = token
    return token
  }

  /// Whether `current` is the word `keyword`; if so, consumes it.
  mutating func match(word keyword: String) -> Bool {
    guard current.isWord(keyword) else { return false }
    advance()
    return true
  }

  /// Whether `current` has `kind`; if so, consumes it.
  mutating func match(_ kind: Token.Kind) -> Bool {
    guard current.kind == kind else { return false }
    advance()
    return true
  }

  /// Whether the current token ends a stage (`|` or end of input).
  var isAtStageEnd: Bool { current.kind == .pipe || current.kind == .end }

  // MARK: - Diagnostics

  /// Records a diagnostic unless the parser is quiet after an earlier error in this stage.
  mutating func report(_ diagnostic: Diagnostic) {
    guard !isQuiet else { return }
    diagnostics.append(diagnostic)
    if diagnostic.severity == .error { isQuiet = true }
  }

  /// Reports that `what` was expected at the current token.
  mutating func reportExpected(_ what: String, help: String? = nil, notes: [String] = []) {
    report(LanguageMessages.expected(what, found: current, help: help, notes: notes))
  }

  /// Skips to the next `|` or the end of input (each step consumes a token).
  mutating func synchronize() {
    while !isAtStageEnd { advance() }
  }

  /// The span from `start` to the end of the previous token.
  func span(from start: Int) -> Span { Span(start: start, end: max(start, previous.span.end)) }
}
