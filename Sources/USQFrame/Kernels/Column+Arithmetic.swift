/// `+ - * /` between columns and scalars.
public enum ArithmeticOperator: String, Sendable, CaseIterable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
}

/// One side of a binary kernel: a column's values or one scalar for every row.
enum Side<Element> {
  case values(ContiguousArray<Element>)
  case scalar(Element)

  /// The value at `index` (for slow paths; loops switch on the case first).
  subscript(index: Int) -> Element {
    switch self {
    case .values(let values): values[index]
    case .scalar(let value): value
    }
  }
}

extension Column {
  /// `lhs op rhs` row by row.
  ///
  /// Kinds: int ⊕ int gives int for `+ - *` and double for `/`; a double on either side gives
  /// double; `time ± int` gives time, `int + time` gives time, `time - time` gives int (seconds).
  /// A null on either side gives null; division by zero gives null; an int `+ - *` that
  /// overflows Int64 gives **null** for that row (never a wrapped value).
  ///
  /// ```swift
  /// let total = try Column.arithmetic(.add, frame["input_tokens"]!, frame["output_tokens"]!)
  /// ```
  /// - Throws: `FrameError.typeMismatch` for other kinds (strings, bools, `time * x`).
  public static func arithmetic(_ op: ArithmeticOperator, _ lhs: Column, _ rhs: Column)
    throws(FrameError) -> Column
  {
    precondition(lhs.count == rhs.count, "operand lengths differ")
    return try ArithmeticKernel.run(
      op, ArithmeticOperand(lhs), ArithmeticOperand(rhs), count: lhs.count)
  }

  /// `lhs op rhs` with a scalar right side (a literal); see `arithmetic(_:_:_:)` for kinds.
  public static func arithmetic(_ op: ArithmeticOperator, _ lhs: Column, _ rhs: Value)
    throws(FrameError) -> Column
  {
    try ArithmeticKernel.run(op, ArithmeticOperand(lhs), ArithmeticOperand(rhs), count: lhs.count)
  }

  /// `lhs op rhs` with a scalar left side (a literal); see `arithmetic(_:_:_:)` for kinds.
  public static func arithmetic(_ op: ArithmeticOperator, _ lhs: Value, _ rhs: Column)
    throws(FrameError) -> Column
  {
    try ArithmeticKernel.run(op, ArithmeticOperand(lhs), ArithmeticOperand(rhs), count: rhs.count)
  }
}

// MARK: - Operands

/// An operand reduced to what arithmetic needs: its kind, its numbers and validity.
struct ArithmeticOperand {
  var kind: ColumnKind?
  var integers: Side<Int64>?
  var doubles: Side<Double>?
  var validity: Bitmap?
  var isNullScalar = false

  init(_ column: Column) {
    kind = column.kind
    validity = column.validity
    switch column {
    case .int(let values), .time(let values): integers = .values(values.values)
    case .double(let values): doubles = .values(values.values)
    case .bool, .string: break
    }
  }

  init(_ value: Value) {
    kind = value.kind
    switch value {
    case .int(let number), .time(let number): integers = .scalar(number)
    case .double(let number): doubles = .scalar(number)
    case .null: isNullScalar = true
    case .bool, .string: break
    }
  }

  /// The numbers as doubles (ints converted).
  var asDoubles: Side<Double> {
    if let doubles { return doubles }
    switch integers {
    case .values(let values)?: return .values(ContiguousArray(values.lazy.map { Double($0) }))
    case .scalar(let value)?: return .scalar(Double(value))
    case nil: return .scalar(0)
    }
  }
}

// MARK: - Loops

enum ArithmeticKernel {
  static func run(
    _ op: ArithmeticOperator, _ lhs: ArithmeticOperand, _ rhs: ArithmeticOperand, count: Int
  ) throws(FrameError) -> Column {
    let kind = try resultKind(op, lhs, rhs)
    if lhs.isNullScalar || rhs.isNullScalar { return .nulls(kind, count: count) }
    let validity = intersectValidity(lhs.validity, rhs.validity)
    if kind == .double {
      let (values, invalid) = doubleLoop(op, lhs.asDoubles, rhs.asDoubles, count: count)
      return .double(DoubleColumn(values: values, validity: clearing(invalid, from: validity)))
    }
    guard let left = lhs.integers, let right = rhs.integers else {
      throw .typeMismatch("cannot apply '\(op.rawValue)' here")
    }
    let (values, overflow): (ContiguousArray<Int64>, Bitmap?) =
      switch op {
      case .add: integerLoop(Add.self, left, right, count: count)
      case .subtract: integerLoop(Subtract.self, left, right, count: count)
      case .multiply, .divide: integerLoop(Multiply.self, left, right, count: count)
      }
    let column = IntColumn(values: values, validity: clearing(overflow, from: validity))
    return kind == .time ? .time(column) : .int(column)
  }

  /// `validity` with the rows set in `invalid` cleared.
  static func clearing(_ invalid: Bitmap?, from validity: Bitmap?) -> Bitmap? {
    guard let invalid else { return validity }
    return (validity ?? Bitmap(repeating: true, count: invalid.count)) & ~invalid
  }

  static func resultKind(
    _ op: ArithmeticOperator, _ lhs: ArithmeticOperand, _ rhs: ArithmeticOperand
  ) throws(FrameError) -> ColumnKind {
    let left = lhs.kind ?? (rhs.kind == .time ? .int : rhs.kind ?? .int)
    let right = rhs.kind ?? (lhs.kind == .time ? .int : lhs.kind ?? .int)
    switch (left, right, op) {
    case (.int, .int, .divide), (.int, .double, _), (.double, .int, _), (.double, .double, _):
      return .double
    case (.int, .int, _): return .int
    case (.time, .int, .add), (.time, .int, .subtract), (.int, .time, .add): return .time
    case (.time, .time, .subtract): return .int
    default:
      throw .typeMismatch(
        "cannot apply '\(op.rawValue)' to \(left) and \(right)")
    }
  }

  static func integerLoop<Op: IntegerOperation>(
    _: Op.Type, _ lhs: Side<Int64>, _ rhs: Side<Int64>, count: Int
  ) -> (ContiguousArray<Int64>, Bitmap?) {
    var values = ContiguousArray<Int64>(repeating: 0, count: count)
    var overflowed = false
    switch (lhs, rhs) {
    case (.values(let left), .values(let right)):
      for index in 0..<count {
        let (value, overflow) = Op.apply(left[index], right[index])
        values[index] = overflow ? 0 : value
        overflowed = overflowed || overflow
      }
    case (.values(let left), .scalar(let right)):
      for index in 0..<count {
        let (value, overflow) = Op.apply(left[index], right)
        values[index] = overflow ? 0 : value
        overflowed = overflowed || overflow
      }
    case (.scalar(let left), .values(let right)):
      for index in 0..<count {
        let (value, overflow) = Op.apply(left, right[index])
        values[index] = overflow ? 0 : value
        overflowed = overflowed || overflow
      }
    case (.scalar(let left), .scalar(let right)):
      let (value, overflow) = Op.apply(left, right)
      if overflow { return (values, Bitmap(repeating: true, count: count)) }
      for index in 0..<count { values[index] = value }
    }
    guard overflowed else { return (values, nil) }
    var invalid = Bitmap(repeating: false, count: count)
    for index in 0..<count {
      if Op.apply(lhs[index], rhs[index]).overflow { invalid[index] = true }
    }
    return (values, invalid)
  }

  /// Double arithmetic; the bitmap marks rows divided by zero (null).
  static func doubleLoop(
    _ op: ArithmeticOperator, _ lhs: Side<Double>, _ rhs: Side<Double>, count: Int
  ) -> (ContiguousArray<Double>, Bitmap?) {
    switch op {
    case .add: return (doubleLoop(Add.self, lhs, rhs, count: count), nil)
    case .subtract: return (doubleLoop(Subtract.self, lhs, rhs, count: count), nil)
    case .multiply: return (doubleLoop(Multiply.self, lhs, rhs, count: count), nil)
    case .divide:
      let values = doubleLoop(Divide.self, lhs, rhs, count: count)
      switch rhs {
      case .scalar(let divisor):
        return (values, divisor == 0 ? Bitmap(repeating: true, count: count) : nil)
      case .values(let divisors):
        guard divisors.contains(0) else { return (values, nil) }
        return (values, Bitmap(divisors.lazy.map { $0 == 0 }))
      }
    }
  }

  static func doubleLoop<Op: DoubleOperation>(
    _: Op.Type, _ lhs: Side<Double>, _ rhs: Side<Double>, count: Int
  ) -> ContiguousArray<Double> {
    var values = ContiguousArray<Double>(repeating: 0, count: count)
    switch (lhs, rhs) {
    case (.values(let left), .values(let right)):
      for index in 0..<count { values[index] = Op.apply(left[index], right[index]) }
    case (.values(let left), .scalar(let right)):
      for index in 0..<count { values[index] = Op.apply(left[index], right) }
    case (.scalar(let left), .values(let right)):
      for index in 0..<count { values[index] = Op.apply(left, right[index]) }
    case (.scalar(let left), .scalar(let right)):
      let value = Op.apply(left, right)
      for index in 0..<count { values[index] = value }
    }
    return values
  }
}

// MARK: - Operations

protocol IntegerOperation {
  static func apply(_ lhs: Int64, _ rhs: Int64) -> (partialValue: Int64, overflow: Bool)
}

protocol DoubleOperation {
  static func apply(_ lhs: Double, _ rhs: Double) -> Double
}

enum Add: IntegerOperation, DoubleOperation {
  @inline(__always) static func apply(_ lhs: Int64, _ rhs: Int64) -> (
    partialValue: Int64, overflow: Bool
  ) {
    lhs.addingReportingOverflow(rhs)
  }
  @inline(__always) static func apply(_ lhs: Double, _ rhs: Double) -> Double { lhs + rhs }
}

enum Subtract: IntegerOperation, DoubleOperation {
  @inline(__always) static func apply(_ lhs: Int64, _ rhs: Int64) -> (
    partialValue: Int64, overflow: Bool
  ) {
    lhs.subtractingReportingOverflow(rhs)
  }
  @inline(__always) static func apply(_ lhs: Double, _ rhs: Double) -> Double { lhs - rhs }
}

enum Multiply: IntegerOperation, DoubleOperation {
  @inline(__always) static func apply(_ lhs: Int64, _ rhs: Int64) -> (
    partialValue: Int64, overflow: Bool
  ) {
    lhs.multipliedReportingOverflow(by: rhs)
  }
  @inline(__always) static func apply(_ lhs: Double, _ rhs: Double) -> Double { lhs * rhs }
}

enum Divide: DoubleOperation {
  @inline(__always) static func apply(_ lhs: Double, _ rhs: Double) -> Double {
    rhs == 0 ? 0 : lhs / rhs
  }
}
