import USQBasics
import USQFrame
import USQLanguage

/// Type-checks expressions against the columns flowing into a stage.
///
/// A bare word that is not a column is a string where a value is compared (`model = gpt-4o`);
/// where a column is needed (an operand of arithmetic, a function argument, the subject of
/// `in`, `~`, `is null`) it is an unknown column, with "did you mean".
struct ExpressionBinder {
  let schema: StageSchema

  /// What a bare word may be at a position.
  enum WordRole {
    /// A column, else a string.
    case value
    /// A column; anything else is an unknown column.
    case column
  }

  /// Binds a `where` condition: it must give a Boolean.
  func bindCondition(_ syntax: ExpressionSyntax, _ state: inout BindState) -> BoundExpression? {
    guard let bound = bind(syntax, role: .column, &state) else { return nil }
    guard bound.kind == .bool || bound.kind == nil else {
      state.report(ExpressionMessages.notBoolean(syntax, kind: bound.kind))
      return nil
    }
    return bound
  }

  /// Binds a `derive` value.
  func bindValue(_ syntax: ExpressionSyntax, _ state: inout BindState) -> BoundExpression? {
    if case .word(let word) = syntax.kind, schema[word] == nil, !schema.isOpen,
      word.contains("-"), DidYouMean.subtraction(for: word, columns: Set(schema.names)) != nil
    {
      return bind(syntax, role: .column, &state)
    }
    return bind(syntax, role: .value, &state)
  }

  func bind(_ syntax: ExpressionSyntax, role: WordRole, _ state: inout BindState)
    -> BoundExpression?
  {
    switch syntax.kind {
    case .word(let word): return bindWord(word, syntax, role: role, &state)
    case .unary(let op, let operand): return bindUnary(op, operand, syntax, &state)
    case .binary(let op, let lhs, let rhs, _): return bindBinary(op, lhs, rhs, syntax, &state)
    case .inList(let subject, let items, let isNegated):
      return bindInList(subject, items, isNegated: isNegated, &state)
    case .match(let subject, let pattern, let isNegated):
      return bindMatch(subject, pattern, isNegated: isNegated, syntax, &state)
    case .isNull(let subject, let isNegated):
      guard let operand = bind(subject, role: .column, &state) else { return nil }
      return .isNull(operand, isNegated: isNegated)
    case .call(let function, let arguments): return bindCall(function, arguments, &state)
    case .missing: return nil
    default:
      return Self.literal(syntax).map(BoundExpression.literal)
    }
  }

  /// The value of a literal (numbers, strings, dates, durations, `-` before a number).
  static func literal(_ syntax: ExpressionSyntax) -> Value? {
    switch syntax.kind {
    case .integer(let value): .int(value)
    case .float(let value): .double(value)
    case .percent(let value): .double(value)
    case .string(let text): .string(text)
    case .bool(let flag): .bool(flag)
    case .null: .null
    case .duration(let duration): .int(duration.seconds)
    case .dateTime(let date): .time(date.epochSeconds)
    case .unary(.negate, let operand):
      switch literal(operand) {
      case .int(let value)?: value == .min ? nil : .int(-value)
      case .double(let value)?: .double(-value)
      default: nil
      }
    default: nil
    }
  }

  // MARK: - Shapes

  private func bindWord(
    _ word: String, _ syntax: ExpressionSyntax, role: WordRole, _ state: inout BindState
  ) -> BoundExpression? {
    let name = Name(word, span: syntax.span)
    if let column = schema[word] {
      state.use(column, at: syntax.span)
      return .column(word, column.kind)
    }
    if schema.isOpen { return .column(word, .string) }
    if role == .value { return .literal(.string(word)) }
    state.report(BindMessages.unknownColumn(name, in: schema))
    return nil
  }

  private func bindUnary(
    _ op: UnaryOperator, _ operand: ExpressionSyntax, _ syntax: ExpressionSyntax,
    _ state: inout BindState
  ) -> BoundExpression? {
    if let value = Self.literal(syntax) { return .literal(value) }
    guard let bound = bind(operand, role: .column, &state) else { return nil }
    switch op {
    case .negate:
      guard bound.kind?.isNumeric ?? true else {
        state.report(ExpressionMessages.badOperand(syntax, op: "-", kind: bound.kind))
        return nil
      }
      return .negate(bound)
    case .not:
      guard bound.kind == .bool || bound.kind == nil else {
        state.report(ExpressionMessages.badOperand(syntax, op: "not", kind: bound.kind))
        return nil
      }
      return .not(bound)
    }
  }

  private func bindBinary(
    _ op: BinaryOperator, _ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax,
    _ syntax: ExpressionSyntax, _ state: inout BindState
  ) -> BoundExpression? {
    if op.isComparison { return bindComparison(op, lhs, rhs, syntax, &state) }
    let left = bind(lhs, role: .column, &state)
    let right = bind(rhs, role: .column, &state)
    guard let left, let right else { return nil }
    if op == .and || op == .or {
      for (side, bound) in [(lhs, left), (rhs, right)]
      where bound.kind != .bool && bound.kind != nil {
        state.report(ExpressionMessages.notBoolean(side, kind: bound.kind))
        return nil
      }
      return .logical(isAnd: op == .and, left, right)
    }
    let arithmetic = Self.arithmeticOperator(op)
    guard BoundExpression.arithmeticKind(arithmetic, left.kind, right.kind) != nil else {
      state.report(ExpressionMessages.arithmeticMismatch(syntax, op: op, left.kind, right.kind))
      return nil
    }
    return .arithmetic(arithmetic, left, right)
  }

  private func bindComparison(
    _ op: BinaryOperator, _ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax,
    _ syntax: ExpressionSyntax, _ state: inout BindState
  ) -> BoundExpression? {
    let leftRole: WordRole = refersToColumn(rhs) ? .value : .column
    let rightRole: WordRole = refersToColumn(lhs) || leftRole == .column ? .value : .column
    let left = bind(lhs, role: leftRole, &state)
    let right = bind(rhs, role: rightRole, &state)
    guard var left, var right else { return nil }
    left = Self.coerced(left, syntax: lhs, toward: right.kind)
    right = Self.coerced(right, syntax: rhs, toward: left.kind)
    if let word = unknownWord(lhs, left, against: right.kind)
      ?? unknownWord(rhs, right, against: left.kind)
    {
      state.report(BindMessages.unknownColumn(word, in: schema))
      return nil
    }
    guard let (resolvedLeft, resolvedRight) = resolvingTimes(left, lhs, right, rhs, &state) else {
      return nil
    }
    (left, right) = (resolvedLeft, resolvedRight)
    guard Self.areComparable(left.kind, right.kind) else {
      state.report(ExpressionMessages.comparisonMismatch(syntax, lhs, rhs, left.kind, right.kind))
      return nil
    }
    return .comparison(Self.comparisonOperator(op), left, right)
  }

  private func bindInList(
    _ subject: ExpressionSyntax, _ items: [ExpressionSyntax], isNegated: Bool,
    _ state: inout BindState
  ) -> BoundExpression? {
    guard let bound = bind(subject, role: .column, &state) else { return nil }
    var values: [Value] = []
    for item in items {
      var value: Value
      if case .word(let word) = item.kind {
        value = .string(word)
      } else if bound.kind == .string, case .dateTime(let date) = item.kind {
        value = .string(date.text)
      } else if let literal = Self.literal(item) {
        value = literal
      } else {
        state.report(ExpressionMessages.expectedLiteral(item))
        return nil
      }
      if case .literal(let coerced) = Self.coerced(.literal(value), toward: bound.kind) {
        value = coerced
      }
      guard Self.areComparable(bound.kind, value.kind) else {
        state.report(
          ExpressionMessages.comparisonMismatch(item, subject, item, bound.kind, value.kind))
        return nil
      }
      values.append(value)
    }
    return .inList(bound, values, isNegated: isNegated)
  }

  private func bindMatch(
    _ subject: ExpressionSyntax, _ pattern: ExpressionSyntax, isNegated: Bool,
    _ syntax: ExpressionSyntax, _ state: inout BindState
  ) -> BoundExpression? {
    guard let bound = bind(subject, role: .column, &state) else { return nil }
    guard bound.kind == .string || bound.kind == nil else {
      state.report(ExpressionMessages.badOperand(subject, op: "~", kind: bound.kind))
      return nil
    }
    let text: String
    switch pattern.kind {
    case .string(let value), .word(let value): text = value
    default:
      state.report(ExpressionMessages.expectedPattern(pattern))
      return nil
    }
    return .glob(bound, text, isNegated: isNegated)
  }

  // MARK: - Helpers

  /// Whether `syntax` mentions a column of the schema (so a bare word beside it is a string).
  private func refersToColumn(_ syntax: ExpressionSyntax) -> Bool {
    switch syntax.kind {
    case .word(let word): schema[word] != nil || schema.isOpen
    case .unary(_, let operand): refersToColumn(operand)
    case .binary(_, let lhs, let rhs, _): refersToColumn(lhs) || refersToColumn(rhs)
    case .call(_, let arguments): arguments.contains(where: refersToColumn)
    case .inList(let subject, _, _), .match(let subject, _, _), .isNull(let subject, _):
      refersToColumn(subject)
    default: false
    }
  }

  /// A bare word taken as a string but compared with a number, time or Boolean: surely a
  /// misspelt column.
  private func unknownWord(
    _ syntax: ExpressionSyntax, _ bound: BoundExpression, against kind: ColumnKind?
  )
    -> Name?
  {
    guard case .word(let word) = syntax.kind, case .literal(.string) = bound, let kind,
      kind != .string
    else { return nil }
    return Name(word, span: syntax.span)
  }

  /// A date literal compared with a string column becomes its text (`date(start_time) =
  /// 2026-11-30`); otherwise as `coerced(_:toward:)`.
  static func coerced(
    _ expression: BoundExpression, syntax: ExpressionSyntax, toward kind: ColumnKind?
  )
    -> BoundExpression
  {
    if kind == .string, case .dateTime(let date) = syntax.kind {
      return .literal(.string(date.text))
    }
    return coerced(expression, toward: kind)
  }

  /// A string literal compared with a time becomes a time when it reads as a date.
  static func coerced(_ expression: BoundExpression, toward kind: ColumnKind?) -> BoundExpression {
    guard kind == .time, case .literal(.string(let text)) = expression,
      let seconds = ISODate.parse(text)
    else { return expression }
    return .literal(.time(seconds))
  }

  static func areComparable(_ lhs: ColumnKind?, _ rhs: ColumnKind?) -> Bool {
    guard let lhs, let rhs else { return true }
    if lhs == rhs { return true }
    let numericLike: Set<ColumnKind> = [.int, .double]
    if numericLike.contains(lhs) && numericLike.contains(rhs) { return true }
    return (lhs == .time && rhs == .int) || (lhs == .int && rhs == .time)
  }

  static func arithmeticOperator(_ op: BinaryOperator) -> ArithmeticOperator {
    switch op {
    case .subtract: .subtract
    case .multiply: .multiply
    case .divide: .divide
    default: .add
    }
  }

  static func comparisonOperator(_ op: BinaryOperator) -> ComparisonOperator {
    switch op {
    case .notEqual: .notEqual
    case .less: .less
    case .lessOrEqual: .lessOrEqual
    case .greater: .greater
    case .greaterOrEqual: .greaterOrEqual
    default: .equal
    }
  }
}
