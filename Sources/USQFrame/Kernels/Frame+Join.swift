import USQBasics

extension Frame {
  /// Hash join with `right` on the columns `keys` (present in both, same kinds).
  ///
  /// Output rows follow the left frame's order; a left row matching several right rows is
  /// repeated, in the right's order. Null keys never match. Columns: the left's, then the
  /// right's non-key columns; a right column whose name the left already has gets `suffix`
  /// appended (`_right`, then `_right_2`, … while still taken).
  ///
  /// ```swift
  /// let named = try usage.join(projects, on: ["project_id"], kind: .left)
  /// ```
  /// - Throws: `FrameError.unknownColumn` for a key missing on either side,
  ///   `.typeMismatch` when a key's kinds differ or no key is given.
  public func join(
    _ right: Frame, on keys: [String], kind: JoinKind = .left, suffix: String = "_right"
  )
    throws(FrameError) -> Frame
  {
    guard !keys.isEmpty else { throw .typeMismatch("'join' needs at least one key column") }
    var joint: [Column] = []
    var leftValid = Bitmap(repeating: true, count: rowCount)
    var rightValid = Bitmap(repeating: true, count: right.rowCount)
    for key in keys {
      let leftColumn = try column(key)
      let rightColumn = try right.column(key)
      guard leftColumn.kind == rightColumn.kind else {
        throw .typeMismatch(
          "cannot join on '\(key)': \(leftColumn.kind) on the left, \(rightColumn.kind) on the right"
        )
      }
      joint.append(
        try Frame.concatenate([
          Frame(unchecked: [(key, leftColumn)]), Frame(unchecked: [(key, rightColumn)]),
        ]).columns[0])
      if let validity = leftColumn.validity { leftValid = leftValid & validity }
      if let validity = rightColumn.validity { rightValid = rightValid & validity }
    }
    let (leftRows, rightRows) = Frame.matchRows(
      Grouping(keys: joint), leftCount: rowCount, leftValid: leftValid, rightValid: rightValid,
      kind: kind)
    var pairs = self.pairs.map { ($0.0, $0.1.gather(leftRows)) }
    var taken = Set(names)
    for (name, column) in right.pairs where !keys.contains(name) {
      var output = name
      if taken.contains(output) {
        output = name + suffix
        var number = 2
        while taken.contains(output) {
          output = "\(name)\(suffix)_\(number)"
          number += 1
        }
      }
      taken.insert(output)
      pairs.append((output, column.gatherOrNull(rightRows)))
    }
    return Frame(unchecked: pairs)
  }

  /// Pairs of (left row, right row or -1) in output order.
  private static func matchRows(
    _ grouping: Grouping, leftCount: Int, leftValid: Bitmap, rightValid: Bitmap, kind: JoinKind
  ) -> (ContiguousArray<Int>, ContiguousArray<Int>) {
    let ids = grouping.groupIDs
    let groupCount = grouping.groupCount
    var offsets = ContiguousArray<Int>(repeating: 0, count: groupCount + 1)
    for row in 0..<rightValid.count where rightValid[row] {
      offsets[Int(ids[leftCount + row]) + 1] += 1
    }
    for group in 0..<groupCount { offsets[group + 1] += offsets[group] }
    var cursor = offsets
    var bucketed = ContiguousArray<Int>(repeating: 0, count: offsets[groupCount])
    for row in 0..<rightValid.count where rightValid[row] {
      let group = Int(ids[leftCount + row])
      bucketed[cursor[group]] = row
      cursor[group] += 1
    }
    var leftRows = ContiguousArray<Int>()
    var rightRows = ContiguousArray<Int>()
    leftRows.reserveCapacity(leftCount)
    rightRows.reserveCapacity(leftCount)
    for row in 0..<leftCount {
      let group = Int(ids[row])
      let matches = leftValid[row] ? offsets[group]..<offsets[group + 1] : 0..<0
      if matches.isEmpty {
        if kind == .left {
          leftRows.append(row)
          rightRows.append(-1)
        }
        continue
      }
      for match in matches {
        leftRows.append(row)
        rightRows.append(bucketed[match])
      }
    }
    return (leftRows, rightRows)
  }
}
