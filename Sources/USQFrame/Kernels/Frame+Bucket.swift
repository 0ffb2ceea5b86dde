extension Frame {
  /// Re-buckets time (`bucket WIDTH`): floors `start` to `width` (UTC; weeks start Monday),
  /// then sums every numeric column by the new start and the remaining non-numeric columns.
  /// The new `end` is the latest `end` among the rows folded in. Columns keep their order;
  /// rows come sorted by (start, other keys) ascending, null last.
  ///
  /// ```swift
  /// let daily = try hourly.bucket(.day)
  /// ```
  /// - Throws: `FrameError.unknownColumn` without `start`, `.typeMismatch` when it is not a
  ///   time column, `.overflow` when an int sum overflows.
  public func bucket(_ width: TimeBucket, start: String = "start_time", end: String = "end_time")
    throws(FrameError) -> Frame
  {
    if let frame = try sortedBucketSums(width, start: start, end: end) { return frame }
    let floored = try column(start).flooringTime(to: width)
    let input = withColumn(start, floored)
    var keys = [start]
    var aggregates: [Aggregate] = []
    for (name, column) in pairs where name != start {
      if name == end, column.kind == .time {
        aggregates.append(Aggregate(.max, name, as: name))
      } else if column.kind.isNumeric {
        aggregates.append(Aggregate(.sum, name, as: name))
      } else {
        keys.append(name)
      }
    }
    return try input.aggregate(aggregates, by: keys).select(names)
  }

  /// Adds rows of zeros for buckets with no rows (`fill`), per group of the non-numeric columns
  /// other than `start` and `end`.
  ///
  /// The buckets are those of `width` from `window.lowerBound` (floored) up to
  /// `window.upperBound` (seconds since the epoch, UTC). An added row has the group's key
  /// values, `start` = the bucket start, `end` = the next bucket's start (at most
  /// `window.upperBound`), and 0 in every numeric column. The result is sorted by `start`,
  /// stably (existing rows before added ones within a bucket). With no key columns there is one
  /// group, even for an empty frame; with key columns and no rows nothing is added.
  ///
  /// ```swift
  /// let complete = try daily.fill(window: since..<until, width: .day)
  /// ```
  /// - Throws: `FrameError.unknownColumn` without `start`, `.typeMismatch` when it is not time.
  public func fill(
    window: Range<Int64>, width: TimeBucket, start: String = "start_time", end: String = "end_time"
  ) throws(FrameError) -> Frame {
    guard case .time(let starts) = try column(start) else {
      throw .typeMismatch("'fill' needs '\(start)' to be a time column")
    }
    var bucketStarts: [Int64] = []
    var next = width.floor(window.lowerBound)
    while next < window.upperBound, bucketStarts.count < 1_000_000 {
      bucketStarts.append(next)
      next = width.next(after: next)
    }
    let keyNames = names.filter { $0 != start && $0 != end && !(self[$0]?.kind.isNumeric ?? true) }
    let grouping =
      keyNames.isEmpty
      ? Grouping(singleGroupOf: rowCount) : Grouping(keys: keyNames.compactMap { self[$0] })
    let groupCount = keyNames.isEmpty ? 1 : grouping.groupCount
    var present = [Set<Int64>](repeating: [], count: groupCount)
    for row in 0..<rowCount where starts.isValid(row) {
      present[Int(grouping.groupIDs[row])].insert(starts.values[row])
    }
    var addedGroups = ContiguousArray<Int>()
    var addedStarts = ContiguousArray<Int64>()
    var addedEnds = ContiguousArray<Int64>()
    for group in 0..<groupCount {
      for bucketStart in bucketStarts where !present[group].contains(bucketStart) {
        addedGroups.append(group)
        addedStarts.append(bucketStart)
        addedEnds.append(Swift.min(width.next(after: bucketStart), window.upperBound))
      }
    }
    if addedStarts.isEmpty { return self }
    let sourceRows = ContiguousArray(
      addedGroups.lazy.map { group in
        grouping.firstRows.isEmpty ? -1 : grouping.firstRows[group]
      })
    let added = Frame(
      unchecked: pairs.map { name, column in
        if name == start { return (name, Column.time(TimeColumn(values: addedStarts))) }
        if name == end, column.kind == .time {
          return (name, Column.time(TimeColumn(values: addedEnds)))
        }
        switch column.kind {
        case .int: return (name, Column.constant(.int(0), count: addedStarts.count))
        case .double: return (name, Column.constant(.double(0), count: addedStarts.count))
        default:
          return (
            name,
            keyNames.contains(name)
              ? column.gatherOrNull(sourceRows)
              : Column.nulls(column.kind, count: addedStarts.count)
          )
        }
      })
    return try Frame.concatenate([self, added]).sorted(by: [SortKey(start)])
  }
}
