extension BoolColumn {
  /// The rows that are true (null counts as false): the mask `Frame.filter` uses.
  public var trueBits: Bitmap { bits.masked(by: validity) }

  /// The rows that are false (null counts as neither).
  public var falseBits: Bitmap { (~bits).masked(by: validity) }

  /// SQL `lhs and rhs` (three-valued): false if either is false, else null if either is null,
  /// else true. Works a word (64 rows) at a time.
  ///
  /// ```swift
  /// let mask = BoolColumn.and(isGPT, notBatch)
  /// ```
  public static func and(_ lhs: BoolColumn, _ rhs: BoolColumn) -> BoolColumn {
    precondition(lhs.count == rhs.count, "operand lengths differ")
    if lhs.validity == nil, rhs.validity == nil { return BoolColumn(bits: lhs.bits & rhs.bits) }
    let isTrue = lhs.trueBits & rhs.trueBits
    let isFalse = lhs.falseBits | rhs.falseBits
    return BoolColumn(bits: isTrue, validity: isTrue | isFalse)
  }

  /// SQL `lhs or rhs` (three-valued): true if either is true, else null if either is null,
  /// else false.
  public static func or(_ lhs: BoolColumn, _ rhs: BoolColumn) -> BoolColumn {
    precondition(lhs.count == rhs.count, "operand lengths differ")
    if lhs.validity == nil, rhs.validity == nil { return BoolColumn(bits: lhs.bits | rhs.bits) }
    let isTrue = lhs.trueBits | rhs.trueBits
    let isFalse = lhs.falseBits & rhs.falseBits
    return BoolColumn(bits: isTrue, validity: isTrue | isFalse)
  }

  /// SQL `not`: null stays null.
  public func negated() -> BoolColumn {
    BoolColumn(bits: falseBits, validity: validity)
  }
}

extension Column {
  /// `C is null`: true where the row is null (the result has no nulls).
  public func isNull() -> BoolColumn {
    BoolColumn(bits: validity.map { ~$0 } ?? Bitmap(repeating: false, count: count))
  }

  /// `C is not null`: true where the row holds a value (the result has no nulls).
  public func isNotNull() -> BoolColumn {
    BoolColumn(bits: validity ?? Bitmap(repeating: true, count: count))
  }

  /// The column as a Boolean mask.
  /// - Throws: `FrameError.typeMismatch` when the column is not `bool`.
  public func boolColumn() throws(FrameError) -> BoolColumn {
    guard case .bool(let column) = self else {
      throw .typeMismatch("expected a bool column, found \(kind)")
    }
    return column
  }
}
