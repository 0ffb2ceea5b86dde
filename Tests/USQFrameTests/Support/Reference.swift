import Testing
import USQFrame

/// Naive row-by-row implementations of the kernels, on `[[Value]]`, written for clarity, to
/// check the vectorised kernels against.
enum Reference {
  // MARK: - Values

  /// Equality for checking results: NaN equals NaN, -0.0 equals 0.0, an int never equals a double.
  static func same(_ lhs: Value, _ rhs: Value) -> Bool {
    switch (lhs, rhs) {
    case (.double(let left), .double(let right)):
      return left == right || (left.isNaN && right.isNaN)
    case (.string(let left), .string(let right)):
      return Array(left.utf8) == Array(right.utf8) || left == right
    default: return lhs == rhs
    }
  }

  static func same(_ lhs: [[Value]], _ rhs: [[Value]]) -> Bool {
    lhs.count == rhs.count
      && zip(lhs, rhs).allSatisfy {
        $0.count == $1.count && zip($0, $1).allSatisfy { same($0, $1) }
      }
  }

  /// -1, 0, 1 in the order of LANGUAGE.md (null last; NaN after numbers; -0.0 = 0.0).
  static func order(_ lhs: Value, _ rhs: Value) -> Int {
    switch (lhs, rhs) {
    case (.null, .null): return 0
    case (.null, _): return 1
    case (_, .null): return -1
    case (.string(let left), .string(let right)):
      let a = Array(left.utf8)
      let b = Array(right.utf8)
      return a == b ? 0 : (a.lexicographicallyPrecedes(b) ? -1 : 1)
    case (.bool(let left), .bool(let right)): return left == right ? 0 : (left ? 1 : -1)
    case (.int(let left), .int(let right)), (.time(let left), .time(let right)):
      return left == right ? 0 : (left < right ? -1 : 1)
    case (.double(let left), .double(let right)):
      if left.isNaN || right.isNaN { return left.isNaN == right.isNaN ? 0 : (left.isNaN ? 1 : -1) }
      return left == right ? 0 : (left < right ? -1 : 1)
    default:
      Issue.record("ordering \(lhs) with \(rhs)")
      return 0
    }
  }

  static func order(_ lhs: [Value], _ rhs: [Value]) -> Int {
    for (left, right) in zip(lhs, rhs) {
      let result = order(left, right)
      if result != 0 { return result }
    }
    return 0
  }

  /// A hashable stand-in for a value in a group key (NaN = NaN, -0.0 = 0.0).
  static func groupKey(_ value: Value) -> String {
    switch value {
    case .null: "∅"
    case .double(let number): number.isNaN ? "d:nan" : "d:\(number == 0 ? 0 : number)"
    case .string(let text):
      "s:"
        + String(decoding: Array(text.utf8), as: UTF8.self).unicodeScalars.map { String($0.value) }
        .joined(separator: ".")
    case .int(let number): "i:\(number)"
    case .time(let number): "t:\(number)"
    case .bool(let flag): "b:\(flag)"
    }
  }

  // MARK: - Expressions

  static func arithmetic(_ op: ArithmeticOperator, _ lhs: Value, _ rhs: Value) -> Value {
    switch (lhs, rhs) {
    case (.null, _), (_, .null): return .null
    case (.int(let a), .int(let b)):
      switch op {
      case .add:
        let (r, o) = a.addingReportingOverflow(b)
        return o ? .null : .int(r)
      case .subtract:
        let (r, o) = a.subtractingReportingOverflow(b)
        return o ? .null : .int(r)
      case .multiply:
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? .null : .int(r)
      case .divide: return b == 0 ? .null : .double(Double(a) / Double(b))
      }
    case (.time(let a), .int(let b)):
      return op == .add ? .time(a &+ b) : .time(a &- b)
    case (.time(let a), .time(let b)): return .int(a - b)
    default:
      guard let a = lhs.doubleValue, let b = rhs.doubleValue else { return .null }
      switch op {
      case .add: return .double(a + b)
      case .subtract: return .double(a - b)
      case .multiply: return .double(a * b)
      case .divide: return b == 0 ? .null : .double(a / b)
      }
    }
  }

  static func compare(_ op: ComparisonOperator, _ lhs: Value, _ rhs: Value) -> Value {
    if lhs.isNull || rhs.isNull { return .null }
    var result: Int
    switch (lhs, rhs) {
    case (.int(let a), .double), (.double, .int(let a)):
      let x = lhs.doubleValue ?? Double(a)
      let y = rhs.doubleValue ?? Double(a)
      if x.isNaN || y.isNaN { return .bool(op == .notEqual) }
      result = x == y ? 0 : (x < y ? -1 : 1)
    case (.double(let x), .double(let y)):
      if x.isNaN || y.isNaN { return .bool(op == .notEqual) }
      result = x == y ? 0 : (x < y ? -1 : 1)
    case (.time(let a), .int(let b)), (.int(let a), .time(let b)):
      result = a == b ? 0 : (a < b ? -1 : 1)
    default: result = order(lhs, rhs)
    }
    switch op {
    case .equal: return .bool(result == 0)
    case .notEqual: return .bool(result != 0)
    case .less: return .bool(result < 0)
    case .lessOrEqual: return .bool(result <= 0)
    case .greater: return .bool(result > 0)
    case .greaterOrEqual: return .bool(result >= 0)
    }
  }

  static func and(_ lhs: Value, _ rhs: Value) -> Value {
    if lhs == .bool(false) || rhs == .bool(false) { return .bool(false) }
    if lhs.isNull || rhs.isNull { return .null }
    return .bool(true)
  }

  static func or(_ lhs: Value, _ rhs: Value) -> Value {
    if lhs == .bool(true) || rhs == .bool(true) { return .bool(true) }
    if lhs.isNull || rhs.isNull { return .null }
    return .bool(false)
  }

  static func not(_ value: Value) -> Value {
    if case .bool(let flag) = value { return .bool(!flag) }
    return .null
  }

  /// Glob by recursion over scalars: obviously right, exponential only on silly patterns.
  static func glob(_ pattern: Substring.UnicodeScalarView, _ text: Substring.UnicodeScalarView)
    -> Bool
  {
    guard let head = pattern.first else { return text.isEmpty }
    let rest = pattern.dropFirst()
    if head == "*" { return glob(rest, text) || (!text.isEmpty && glob(pattern, text.dropFirst())) }
    guard let first = text.first else { return false }
    return (head == "?" || head == first) && glob(rest, text.dropFirst())
  }
}
