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
    var indices: ContiguousArray<Int>?
    return Frame(unchecked: pairs.map { name, column in
      if column.validity == nil, column.kind != .bool {
        return (name, column.compacted(selected, kept: kept))
      }
      if indices == nil { indices = selected.setIndices() }
      return (name, column.gather(indices ?? []))
    })
  }
}

extension Column {
  /// The rows where `mask` is true; null counts as false.
  public func filter(_ mask: BoolColumn) -> Column {
    precondition(mask.count == count, "mask length differs from the column's")
    let selected = mask.trueBits
    let kept = selected.setCount
    if kept == count { return self }
    if validity == nil, kind != .bool { return compacted(selected, kept: kept) }
    return gather(selected.setIndices())
  }

  /// The rows set in `selection`, for columns without nulls (word-at-a-time compaction).
  func compacted(_ selection: Bitmap, kept: Int) -> Column {
    switch self {
    case .int(let column): .int(IntColumn(values: column.compactedValues(selection, kept: kept)))
    case .time(let column): .time(TimeColumn(values: column.compactedValues(selection, kept: kept)))
    case .double(let column): .double(DoubleColumn(values: column.compactedValues(selection, kept: kept)))
    case .string(let column):
      .string(StringColumn(codes: column.compactedCodes(selection, kept: kept), dictionary: column.dictionary))
    case .bool: gather(selection.setIndices())
    }
  }
}
