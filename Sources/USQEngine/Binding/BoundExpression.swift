import USQFrame
import USQLanguage

/// A type-checked expression, ready to evaluate over a frame's columns.
public indirect enum BoundExpression: Sendable, Hashable {
  /// A column of the input.
  case column(String, ColumnKind)
  /// A literal, broadcast to every row.
  case literal(Value)
  /// `-x`.
  case negate(BoundExpression)
  /// `not x`.
  case not(BoundExpression)
  /// `a and b`, `a or b`.
  case logical(isAnd: Bool, BoundExpression, BoundExpression)
  /// `a + b` and friends.
  case arithmetic(ArithmeticOperator, BoundExpression, BoundExpression)
  /// `a = b` and friends.
  case comparison(ComparisonOperator, BoundExpression, BoundExpression)
  /// `x in (v, …)`.
  case inList(BoundExpression, [Value], isNegated: Bool)
  /// `x ~ "glob"`.
  case glob(BoundExpression, String, isNegated: Bool)
  /// `x is [not] null`.
  case isNull(BoundExpression, isNegated: Bool)
  /// A function call.
  case call(ScalarFunction, [BoundExpression])

  /// The kind of value it gives (`nil` for a bare `null`).
  public var kind: ColumnKind? {
    switch self {
    case .column(_, let kind): kind
    case .literal(let value): value.kind
    case .negate(let operand): operand.kind
    case .not, .logical, .comparison, .inList, .glob, .isNull: .bool
    case .arithmetic(let op, let lhs, let rhs): Self.arithmeticKind(op, lhs.kind, rhs.kind)
    case .call(let function, let arguments): function.resultKind(arguments.map(\.kind))
    }
  }

  /// The kind of `lhs op rhs`, or `nil` when the kinds do not fit (see `Column.arithmetic`).
  static func arithmeticKind(_ op: ArithmeticOperator, _ lhs: ColumnKind?, _ rhs: ColumnKind?)
    -> ColumnKind?
  {
    let left = lhs ?? (rhs == .time ? .int : rhs ?? .int)
    let right = rhs ?? (lhs == .time ? .int : lhs ?? .int)
    switch (left, right, op) {
    case (.int, .int, .divide), (.int, .double, _), (.double, .int, _), (.double, .double, _):
      return .double
    case (.int, .int, _): return .int
    case (.time, .int, .add), (.time, .int, .subtract), (.int, .time, .add): return .time
    case (.time, .time, .subtract): return .int
    default: return nil
    }
  }

  /// The columns it reads, in order of appearance.
  public var columnNames: [String] {
    switch self {
    case .column(let name, _): [name]
    case .literal: []
    case .negate(let operand), .not(let operand): operand.columnNames
    case .logical(_, let lhs, let rhs), .arithmetic(_, let lhs, let rhs),
      .comparison(_, let lhs, let rhs):
      lhs.columnNames + rhs.columnNames
    case .inList(let operand, _, _), .glob(let operand, _, _), .isNull(let operand, _):
      operand.columnNames
    case .call(_, let arguments): arguments.flatMap(\.columnNames)
    }
  }
}

/// The functions of expressions.
public enum ScalarFunction: String, Sendable, Hashable, CaseIterable {
  case day, week, month, hour, date, round, coalesce, lower, upper

  /// The argument counts it accepts.
  var arity: ClosedRange<Int> {
    switch self {
    case .round: 1...2
    case .coalesce: 1...64
    default: 1...1
    }
  }

  /// `day(t)` and friends, as a usage line for messages and help.
  var signature: String {
    switch self {
    case .day, .week, .month, .hour: "\(rawValue)(time)"
    case .date: "date(time)"
    case .round: "round(number[, digits])"
    case .coalesce: "coalesce(a, b, …)"
    case .lower, .upper: "\(rawValue)(string)"
    }
  }

  /// The result kind for arguments of `kinds` (assumed checked).
  func resultKind(_ kinds: [ColumnKind?]) -> ColumnKind? {
    switch self {
    case .day, .week, .month, .hour: .time
    case .date, .lower, .upper: .string
    case .round: kinds.first ?? nil
    case .coalesce:
      kinds.contains(.double) ? .double : kinds.compactMap { $0 }.first
    }
  }
}
