extension Column {
  /// A column of `count` rows that all hold `value` (a literal in an expression).
  ///
  /// A `.null` value gives a column of nulls of `nullKind`.
  ///
  /// ```swift
  /// let ones = Column.constant(.int(1), count: frame.rowCount)
  /// ```
  public static func constant(_ value: Value, count: Int, nullKind: ColumnKind = .int) -> Column {
    switch value {
    case .null: return .nulls(nullKind, count: count)
    case .int(let number):
      return .int(IntColumn(values: ContiguousArray(repeating: number, count: count)))
    case .time(let seconds):
      return .time(TimeColumn(values: ContiguousArray(repeating: seconds, count: count)))
    case .double(let number):
      return .double(DoubleColumn(values: ContiguousArray(repeating: number, count: count)))
    case .bool(let flag):
      return .bool(BoolColumn(bits: Bitmap(repeating: flag, count: count)))
    case .string(let text):
      return .string(
        StringColumn(codes: ContiguousArray(repeating: 0, count: count), dictionary: [text]))
    }
  }
}

extension Bitmap {
  /// The validity of the rows of `validity` that are set in `self` too: `self & validity`,
  /// where a nil validity means "all valid".
  func masked(by validity: Bitmap?) -> Bitmap {
    guard let validity else { return self }
    return self & validity
  }
}
