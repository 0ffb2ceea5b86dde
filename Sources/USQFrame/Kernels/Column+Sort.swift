extension Column {
  /// The row order that sorts `keys` (each ascending or descending), stable: equal rows keep
  /// their input order. Nulls sort last whatever the direction.
  ///
  /// ```swift
  /// let order = Column.sortPermutation([(frame["model"]!, false)], count: frame.rowCount)
  /// ```
  public static func sortPermutation(_ keys: [(column: Column, descending: Bool)], count: Int)
    -> ContiguousArray<Int>
  {
    if keys.isEmpty || count <= 1 { return ContiguousArray(0..<count) }
    let encoded = keys.map { key in
      (key.column.orderKeys().lazy.map { key.descending ? ~$0 : $0 }, key.column.validity)
    }
    if encoded.count == 1 {
      let (values, validity) = encoded[0]
      return sortSingle(ContiguousArray(values), validity: validity)
    }
    let values = encoded.map { ContiguousArray($0.0) }
    let validities = encoded.map(\.1)
    var order = ContiguousArray(0..<count)
    order.sort { left, right in
      for (keys, validity) in zip(values, validities) {
        if let validity {
          let leftValid = validity[left]
          let rightValid = validity[right]
          if leftValid != rightValid { return leftValid }
          if !leftValid { continue }
        }
        let leftKey = keys[left]
        let rightKey = keys[right]
        if leftKey != rightKey { return leftKey < rightKey }
      }
      return left < right
    }
    return order
  }

  /// Stable sort by one encoded key: valid rows by (key, row), then null rows in order.
  static func sortSingle(_ keys: ContiguousArray<UInt64>, validity: Bitmap?) -> ContiguousArray<Int>
  {
    var pairs = ContiguousArray<(key: UInt64, row: Int)>()
    pairs.reserveCapacity(keys.count)
    var nullRows = ContiguousArray<Int>()
    for index in 0..<keys.count {
      if let validity, !validity[index] {
        nullRows.append(index)
      } else {
        pairs.append((keys[index], index))
      }
    }
    pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row }
    var order = ContiguousArray(pairs.lazy.map(\.row))
    order.append(contentsOf: nullRows)
    return order
  }
}

/// A sort key of `sort C [asc|desc]`.
public struct SortKey: Sendable, Hashable {
  public var column: String
  public var descending: Bool

  public init(_ column: String, descending: Bool = false) {
    self.column = column
    self.descending = descending
  }
}

extension Frame {
  /// The rows sorted by `keys`, stable, nulls last (`sort`).
  ///
  /// ```swift
  /// let sorted = try frame.sorted(by: [SortKey("project_id"), SortKey("input_tokens", descending: true)])
  /// ```
  /// - Throws: `FrameError.unknownColumn`.
  public func sorted(by keys: [SortKey]) throws(FrameError) -> Frame {
    var columns: [(column: Column, descending: Bool)] = []
    for key in keys { columns.append((try column(key.column), key.descending)) }
    return gather(Column.sortPermutation(columns, count: rowCount))
  }

  /// The `count` rows with the largest values of `column`, largest first; ties keep input
  /// order; null rows come last, only when fewer than `count` rows hold values (`top N by C`).
  ///
  /// Keeps a sorted buffer of at most `count` candidates (partial selection), so the cost is
  /// one pass for small `count`.
  ///
  /// ```swift
  /// let top5 = try perProject.top(5, by: "num_model_requests")
  /// ```
  /// - Throws: `FrameError.unknownColumn`.
  public func top(_ count: Int, by name: String) throws(FrameError) -> Frame {
    let column = try self.column(name)
    let limit = Swift.min(Swift.max(count, 0), rowCount)
    if limit == 0 { return head(0) }
    if limit > 256 {
      return gather(Column.sortPermutation([(column, true)], count: rowCount).prefix(limit))
    }
    let keys = column.orderKeys()
    let validity = column.validity
    var best = ContiguousArray<(key: UInt64, row: Int)>()
    best.reserveCapacity(limit + 1)
    for index in 0..<rowCount {
      if let validity, !validity[index] { continue }
      let key = keys[index]
      if best.count == limit, let last = best.last, key <= last.key { continue }
      // Insert after every candidate with a key >= this one (earlier rows win ties).
      var low = 0
      var high = best.count
      while low < high {
        let middle = (low + high) / 2
        if best[middle].key >= key { low = middle + 1 } else { high = middle }
      }
      best.insert((key, index), at: low)
      if best.count > limit { best.removeLast() }
    }
    var rows = ContiguousArray(best.lazy.map(\.row))
    if rows.count < limit, let validity {
      for index in 0..<rowCount where !validity[index] {
        rows.append(index)
        if rows.count == limit { break }
      }
    }
    return gather(rows)
  }
}
