extension Bitmap {
  /// The positions of the set bits, ascending. Walks a word at a time: empty words are
  /// skipped, full words emit 64 positions without testing bits.
  public func setIndices() -> ContiguousArray<Int> {
    var indices = ContiguousArray<Int>()
    indices.reserveCapacity(setCount)
    for (wordIndex, word) in words.enumerated() where word != 0 {
      let base = wordIndex << 6
      if word == .max {
        for offset in 0..<64 { indices.append(base + offset) }
        continue
      }
      var rest = word
      while rest != 0 {
        indices.append(base + rest.trailingZeroBitCount)
        rest &= rest &- 1
      }
    }
    return indices
  }
}

extension Frame {
  /// The rows where `mask` is true; null counts as false (`where`).
  ///
  /// ```swift
  /// let mask = try Column.compare(.equal, frame["batch"]!, .bool(false))
  /// let interactive = frame.filter(mask)
  /// ```
  public func filter(_ mask: BoolColumn) -> Frame {
    precondition(mask.count == rowCount, "mask length differs from the frame's")
    let selected = mask.trueBits
    let kept = selected.setCount
    if kept == rowCount { return self }
    return Frame(unchecked: pairs.map { ($0.0, $0.1.compacted(selected, kept: kept)) })
  }
}

extension Column {
  /// The rows where `mask` is true; null counts as false.
  public func filter(_ mask: BoolColumn) -> Column {
    precondition(mask.count == count, "mask length differs from the column's")
    let selected = mask.trueBits
    let kept = selected.setCount
    if kept == count { return self }
    return compacted(selected, kept: kept)
  }

  /// The rows set in `selection` (`kept` of them), a word at a time; all-null columns stay
  /// all-null without reading values.
  func compacted(_ selection: Bitmap, kept: Int) -> Column {
    guard let validity else { return compactedValues(selection, kept: kept, validity: nil) }
    if validity.setCount == 0 { return .nulls(kind, count: kept) }
    return compactedValues(
      selection, kept: kept, validity: validity.compacted(selection, kept: kept))
  }

  private func compactedValues(_ selection: Bitmap, kept: Int, validity: Bitmap?) -> Column {
    switch self {
    case .int(let column):
      .int(IntColumn(values: column.compactedValues(selection, kept: kept), validity: validity))
    case .time(let column):
      .time(TimeColumn(values: column.compactedValues(selection, kept: kept), validity: validity))
    case .double(let column):
      .double(
        DoubleColumn(values: column.compactedValues(selection, kept: kept), validity: validity))
    case .string(let column):
      .string(
        StringColumn(
          codes: column.compactedCodes(selection, kept: kept), dictionary: column.dictionary,
          validity: validity))
    case .bool(let column):
      .bool(BoolColumn(bits: column.bits.compacted(selection, kept: kept), validity: validity))
    }
  }
}
