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
    return gather(selected.setIndices())
  }
}

extension Column {
  /// The rows where `mask` is true; null counts as false.
  public func filter(_ mask: BoolColumn) -> Column {
    precondition(mask.count == count, "mask length differs from the column's")
    let selected = mask.trueBits
    if selected.setCount == count { return self }
    return gather(selected.setIndices())
  }
}
