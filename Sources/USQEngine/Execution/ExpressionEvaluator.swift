import USQFrame

/// Evaluates bound expressions a column at a time through the frame kernels; literals stay
/// scalars until a kernel needs a column, and are then broadcast.
enum ExpressionEvaluator {
  /// A value per row, or one value for every row.
  enum Operand {
    case column(Column)
    case scalar(Value)
  }

  /// The expression as a column of `frame.rowCount` rows.
  static func column(_ expression: BoundExpression, in frame: Frame, nullKind: ColumnKind? = nil)
    throws -> Column
  {
    switch try evaluate(expression, in: frame) {
    case .column(let column): return column
    case .scalar(let value):
      return Column.constant(
        value, count: frame.rowCount, nullKind: nullKind ?? expression.kind ?? .string)
    }
  }

  /// The expression as a Boolean column (a bare `null` is all-null Booleans).
  static func booleans(_ expression: BoundExpression, in frame: Frame) throws -> BoolColumn {
    try column(expression, in: frame, nullKind: .bool).boolColumn()
  }

  /// The expression as a Boolean mask (null where the condition is null).
  static func mask(_ expression: BoundExpression, in frame: Frame) throws -> BoolColumn {
    try booleans(expression, in: frame)
  }

  static func evaluate(_ expression: BoundExpression, in frame: Frame) throws -> Operand {
    switch expression {
    case .column(let name, _): return .column(try frame.column(name))
    case .literal(let value): return .scalar(value)
    case .negate(let operand):
      return try arithmetic(.subtract, .scalar(.int(0)), evaluate(operand, in: frame), frame)
    case .not(let operand):
      return .column(.bool(try booleans(operand, in: frame).negated()))
    case .logical(let isAnd, let lhs, let rhs):
      let left = try booleans(lhs, in: frame)
      let right = try booleans(rhs, in: frame)
      return .column(.bool(isAnd ? BoolColumn.and(left, right) : BoolColumn.or(left, right)))
    case .arithmetic(let op, let lhs, let rhs):
      return try arithmetic(op, evaluate(lhs, in: frame), evaluate(rhs, in: frame), frame)
    case .comparison(let op, let lhs, let rhs):
      return try comparison(op, evaluate(lhs, in: frame), evaluate(rhs, in: frame), frame)
    case .inList(let operand, let values, let isNegated):
      let result = try column(operand, in: frame).isIn(values)
      return .column(.bool(isNegated ? result.negated() : result))
    case .glob(let operand, let pattern, let isNegated):
      let result = try column(operand, in: frame).matchesGlob(pattern)
      return .column(.bool(isNegated ? result.negated() : result))
    case .isNull(let operand, let isNegated):
      let input = try column(operand, in: frame)
      return .column(.bool(isNegated ? input.isNotNull() : input.isNull()))
    case .call(let function, let arguments):
      return .column(try call(function, arguments, frame))
    }
  }

  private static func arithmetic(
    _ op: ArithmeticOperator, _ lhs: Operand, _ rhs: Operand, _ frame: Frame
  ) throws -> Operand {
    switch (lhs, rhs) {
    case (.column(let left), .column(let right)):
      return .column(try Column.arithmetic(op, left, right))
    case (.column(let left), .scalar(let right)):
      return .column(try Column.arithmetic(op, left, right))
    case (.scalar(let left), .column(let right)):
      return .column(try Column.arithmetic(op, left, right))
    case (.scalar(let left), .scalar(let right)):
      let single = try Column.arithmetic(op, Column.constant(left, count: 1), right)
      return .scalar(single[0])
    }
  }

  private static func comparison(
    _ op: ComparisonOperator, _ lhs: Operand, _ rhs: Operand, _ frame: Frame
  ) throws -> Operand {
    let result: BoolColumn
    switch (lhs, rhs) {
    case (.column(let left), .column(let right)): result = try Column.compare(op, left, right)
    case (.column(let left), .scalar(let right)): result = try Column.compare(op, left, right)
    case (.scalar(let left), .column(let right)): result = try Column.compare(op, left, right)
    case (.scalar(let left), .scalar(let right)):
      let kind = left.kind ?? right.kind ?? .int
      let single = try Column.compare(op, Column.constant(left, count: 1, nullKind: kind), right)
      return .scalar(Column.bool(single)[0])
    }
    return .column(.bool(result))
  }

  private static func call(
    _ function: ScalarFunction, _ arguments: [BoundExpression], _ frame: Frame
  )
    throws -> Column
  {
    let first = try column(arguments[0], in: frame)
    switch function {
    case .day: return try first.flooringTime(to: .day)
    case .week: return try first.flooringTime(to: .week)
    case .month: return try first.flooringTime(to: .month)
    case .hour: return try first.flooringTime(to: .hour)
    case .date: return try first.formattingDate()
    case .lower: return try first.lowercased()
    case .upper: return try first.uppercased()
    case .round:
      var digits = 0
      if arguments.count > 1, case .literal(.int(let value)) = arguments[1] {
        digits = Int(clamping: value)
      }
      return try first.rounded(digits: digits)
    case .coalesce:
      let kind = function.resultKind(arguments.map(\.kind)) ?? .string
      var columns: [Column] = []
      for argument in arguments {
        var value = try column(argument, in: frame)
        if kind == .double, case .int(let ints) = value {
          value = .double(
            DoubleColumn(
              values: ContiguousArray(ints.values.lazy.map { Double($0) }), validity: ints.validity)
          )
        }
        if value.kind != kind, value.nullCount == value.count {
          value = Column.nulls(kind, count: value.count)
        }
        columns.append(value)
      }
      return try Column.coalesce(columns)
    }
  }
}
