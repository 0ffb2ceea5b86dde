/// An expression of `where` and `derive`, with its span and source text.
///
/// ```
/// expression := or
/// or         := and { "or" and }
/// and        := not { "and" not }
/// not        := "not" not | comparison
/// comparison := sum [ ( "=" | "==" | "!=" | "<" | "<=" | ">" | ">=" ) sum
///                   | [ "not" ] "in" "(" expression { "," expression } ")"
///                   | [ "not" ] "~" sum
///                   | "is" [ "not" ] "null" ]
/// sum        := product { ( "+" | "-" ) product }
/// product    := unary { ( "*" | "/" ) unary }
/// unary      := "-" unary | primary
/// primary    := literal | WORD | WORD "(" [ expression { "," expression } ] ")" | "(" expression ")"
/// ```
public struct ExpressionSyntax: Hashable, Sendable {
  /// The shapes of expression.
  public indirect enum Kind: Hashable, Sendable {
    /// An integer literal (`42`, `1_000_000`).
    case integer(Int64)
    /// A floating-point literal (`2.5`, `1e6`).
    case float(Double)
    /// A quoted string: always a string.
    case string(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// A percentage (`5%` is `5.0`).
    case percent(Double)
    /// A duration, in seconds (`90m` is `5400`).
    case duration(DurationLiteral)
    /// A date or date-time literal.
    case dateTime(DateTimeLiteral)
    /// A bare word: a column of the input if there is one, else a string (`gpt-4o`).
    case word(String)
    /// `-x` or `not x`.
    case unary(UnaryOperator, ExpressionSyntax)
    /// `left op right`; `operatorSpan` covers the operator.
    case binary(BinaryOperator, ExpressionSyntax, ExpressionSyntax, operatorSpan: Span)
    /// `x in (a, b, …)` or `x not in (…)`.
    case inList(ExpressionSyntax, [ExpressionSyntax], isNegated: Bool)
    /// `x ~ "glob*"` (or `x not ~ "…"`): glob match with `*` and `?`.
    case match(ExpressionSyntax, pattern: ExpressionSyntax, isNegated: Bool)
    /// `x is null` or `x is not null`.
    case isNull(ExpressionSyntax, isNegated: Bool)
    /// `f(a, b, …)`; the binder checks the function name and arity.
    case call(function: Name, arguments: [ExpressionSyntax])
    /// A placeholder where the parser reported an error; never present without an error diagnostic.
    case missing
  }

  /// The shape.
  public var kind: Kind {
    didSet { height = Self.height(of: kind) }
  }
  /// Nodes on the longest path from this one down to a leaf (a literal or word is 1).
  ///
  /// The parser keeps it at most `Parser.maximumOperatorDepth` + 1, so every pass that walks the tree
  /// recursively (binding, evaluation, printing, equality, release) has a bounded depth.
  public private(set) var height: Int
  /// The whole expression, parentheses around it included.
  public var span: Span
  /// The source text of `span` (literal text for numbers, e.g. `1_000`), for messages and names.
  public var text: String {
    get { String(slice) }
    set { slice = Substring(newValue) }
  }
  /// `text` as a slice of the statement, so nested expressions share one buffer (no copies).
  var slice: Substring

  /// Creates an expression.
  public init(kind: Kind, span: Span, text: String) {
    self.kind = kind
    self.height = Self.height(of: kind)
    self.span = span
    self.slice = Substring(text)
  }

  init(kind: Kind, span: Span, slice: Substring) {
    self.kind = kind
    self.height = Self.height(of: kind)
    self.span = span
    self.slice = slice
  }

  /// One more than the tallest child's height (children already know theirs: no recursion).
  static func height(of kind: Kind) -> Int {
    let children: [ExpressionSyntax] =
      switch kind {
      case .unary(_, let operand): [operand]
      case .binary(_, let left, let right, _): [left, right]
      case .inList(let subject, let items, _): [subject] + items
      case .match(let subject, let pattern, _): [subject, pattern]
      case .isNull(let subject, _): [subject]
      case .call(_, let arguments): arguments
      default: []
      }
    return 1 + (children.map(\.height).max() ?? 0)
  }
}

/// A prefix operator.
public enum UnaryOperator: String, Hashable, Sendable {
  /// `-x`.
  case negate = "-"
  /// `not x`.
  case not = "not"
}

/// An infix operator, from lowest to highest precedence group.
public enum BinaryOperator: String, Hashable, Sendable {
  /// `or`.
  case or = "or"
  /// `and`.
  case and = "and"
  /// `=` or `==`.
  case equal = "="
  /// `!=`.
  case notEqual = "!="
  /// `<`.
  case less = "<"
  /// `<=`.
  case lessOrEqual = "<="
  /// `>`.
  case greater = ">"
  /// `>=`.
  case greaterOrEqual = ">="
  /// `+`.
  case add = "+"
  /// `-` (needs blanks around it: `a-b` is one word).
  case subtract = "-"
  /// `*`.
  case multiply = "*"
  /// `/` (always gives a float; by zero gives null).
  case divide = "/"

  /// Whether this is one of the six comparisons.
  public var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
    default: false
    }
  }

  /// Whether this is `+ - * /`.
  public var isArithmetic: Bool {
    switch self {
    case .add, .subtract, .multiply, .divide: true
    default: false
    }
  }
}
