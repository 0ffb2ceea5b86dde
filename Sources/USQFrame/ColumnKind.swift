/// The type of a column's values.
public enum ColumnKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// 64-bit signed integers.
  case int
  /// 64-bit floating point.
  case double
  /// Booleans, bit-packed.
  case bool
  /// Instants: seconds since the Unix epoch, UTC.
  case time
  /// Strings, dictionary-encoded.
  case string

  /// Whether values of this kind can be summed and averaged.
  public var isNumeric: Bool { self == .int || self == .double }

  public var description: String { rawValue }
}
