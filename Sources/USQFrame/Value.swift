/// One cell, for code that works row by row (literals, rendering, tests, references).
///
/// Kernels never use `Value` inside per-row loops; it exists at the edges.
public enum Value: Sendable, Hashable, CustomStringConvertible {
  case null
  case int(Int64)
  case double(Double)
  case bool(Bool)
  /// Seconds since the Unix epoch, UTC.
  case time(Int64)
  case string(String)

  /// Whether this is `.null`.
  public var isNull: Bool { if case .null = self { true } else { false } }

  /// The kind this value belongs to, or nil for `.null`.
  public var kind: ColumnKind? {
    switch self {
    case .null: nil
    case .int: .int
    case .double: .double
    case .bool: .bool
    case .time: .time
    case .string: .string
    }
  }

  /// The value as a Double, for numeric values.
  public var doubleValue: Double? {
    switch self {
    case .int(let value): Double(value)
    case .double(let value): value
    default: nil
    }
  }

  public var description: String {
    switch self {
    case .null: "null"
    case .int(let value): String(value)
    case .double(let value): String(value)
    case .bool(let value): String(value)
    case .time(let value): "@\(value)"
    case .string(let value): value
    }
  }
}
