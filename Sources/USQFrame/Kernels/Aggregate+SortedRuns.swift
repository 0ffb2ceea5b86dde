extension Frame {
  /// `sum` of int columns (no nulls) by one sorted int or time key (no nulls), `bucket`'s
  /// usual shape: each run of equal keys is one group, summed in one pass with no group-id
  /// array. Nil when the shape does not fit, the key is not sorted, or a sum overflows (the
  /// general path then reports which column).
  func sortedRunSums(_ aggregates: [Aggregate], keys: [String], keyColumns: [Column])
    throws(FrameError) -> Frame?
  {
    guard keyColumns.count == 1, !aggregates.isEmpty, rowCount > 0 else { return nil }
    let keyValues: ContiguousArray<Int64>
    switch keyColumns[0] {
    case .int(let numbers) where numbers.validity == nil: keyValues = numbers.values
    case .time(let numbers) where numbers.validity == nil: keyValues = numbers.values
    default: return nil
    }
    var columns: [ContiguousArray<Int64>] = []
    for aggregate in aggregates {
      guard aggregate.function == .sum, let name = aggregate.column,
        case .int(let numbers)? = self[name], numbers.validity == nil
      else { return nil }
      columns.append(numbers.values)
    }
    guard let starts = Aggregator.runStarts(keyValues) else { return nil }
    var pairs: [(String, Column)] = [(keys[0], keyColumns[0].gather(starts))]
    for (aggregate, values) in zip(aggregates, columns) {
      guard let sums = Aggregator.runSums(values, starts: starts) else { return nil }
      pairs.append((aggregate.name, .int(IntColumn(values: sums))))
    }
    return try Frame.sortedByKeys(pairs, keyCount: 1, groupCount: starts.count)
  }
}

extension Aggregator {
  /// The first row of each run of equal `keys`, or nil when `keys` are not non-decreasing.
  static func runStarts(_ keys: ContiguousArray<Int64>) -> ContiguousArray<Int>? {
    var starts = ContiguousArray<Int>()
    var isSorted = true
    keys.withUnsafeBufferPointer { keys in
      guard !keys.isEmpty else { return }
      starts.append(0)
      var previous = keys[0]
      for index in 1..<keys.count {
        let key = keys[index]
        if key != previous {
          if key < previous {
            isSorted = false
            return
          }
          starts.append(index)
          previous = key
        }
      }
    }
    return isSorted ? starts : nil
  }

  /// The sum of `values` over each run (run `r` spans `starts[r]` up to the next start), four
  /// lanes per run so the adds pipeline; nil when a sum overflows.
  static func runSums(_ values: ContiguousArray<Int64>, starts: ContiguousArray<Int>)
    -> ContiguousArray<Int64>?
  {
    var overflowBits: Int64 = 0
    var lanesOverflow = false
    let sums = ContiguousArray<Int64>(unsafeUninitializedCapacity: starts.count) {
      sums, initialized in
      values.withUnsafeBufferPointer { values in
        for run in 0..<starts.count {
          let lower = starts[run]
          let upper = run + 1 < starts.count ? starts[run + 1] : values.count
          var lanes: (Int64, Int64, Int64, Int64) = (0, 0, 0, 0)
          var bits: Int64 = 0
          @inline(__always) func add(_ sum: inout Int64, _ value: Int64) {
            let result = sum &+ value
            bits |= (sum ^ result) & (value ^ result)
            sum = result
          }
          var index = lower
          while index &+ 4 <= upper {
            add(&lanes.0, values[index])
            add(&lanes.1, values[index &+ 1])
            add(&lanes.2, values[index &+ 2])
            add(&lanes.3, values[index &+ 3])
            index &+= 4
          }
          while index < upper {
            add(&lanes.0, values[index])
            index &+= 1
          }
          overflowBits |= bits
          let (low, lowOverflow) = lanes.0.addingReportingOverflow(lanes.1)
          let (high, highOverflow) = lanes.2.addingReportingOverflow(lanes.3)
          let (total, totalOverflow) = low.addingReportingOverflow(high)
          if lowOverflow || highOverflow || totalOverflow { lanesOverflow = true }
          sums[run] = total
        }
      }
      initialized = starts.count
    }
    return overflowBits < 0 || lanesOverflow ? nil : sums
  }
}

extension Frame {
  /// `bucket` without flooring a copy of `start` or numbering groups, when `start` is sorted
  /// with no nulls and every other column is an int without nulls (summed) or the time
  /// column `end` without nulls (latest kept): one run of rows per bucket. Nil when the frame
  /// does not have that shape or a sum overflows (the general path then decides).
  func sortedBucketSums(_ width: TimeBucket, start: String, end: String) throws(FrameError)
    -> Frame?
  {
    guard rowCount > 0, case .time(let starts)? = self[start], starts.validity == nil else {
      return nil
    }
    for (name, column) in pairs where name != start {
      switch column {
      case .int(let numbers) where numbers.validity == nil: continue
      case .time(let numbers) where name == end && numbers.validity == nil: continue
      default: return nil
      }
    }
    guard let (runStarts, bucketStarts) = Aggregator.bucketRuns(starts.values, width) else {
      return nil
    }
    var columns: [Column] = []
    for (name, column) in pairs {
      if name == start {
        columns.append(.time(TimeColumn(values: bucketStarts)))
      } else if case .int(let numbers) = column, name != end || column.kind != .time {
        guard let sums = Aggregator.runSums(numbers.values, starts: runStarts) else { return nil }
        columns.append(.int(IntColumn(values: sums)))
      } else if case .time(let numbers) = column {
        columns.append(column.gatherOrNull(Aggregator.runLatest(numbers.values, runStarts)))
      }
    }
    return Frame(unchecked: Array(zip(names, columns)))
  }
}

extension Aggregator {
  /// The first row of each bucket of `width` over non-decreasing `times`, and each bucket's
  /// start; nil when `times` are not sorted or a bucket end passes the top of the Int64 range.
  /// Floors once per bucket, not once per row.
  static func bucketRuns(_ times: ContiguousArray<Int64>, _ width: TimeBucket)
    -> (ContiguousArray<Int>, ContiguousArray<Int64>)?
  {
    var runStarts = ContiguousArray<Int>()
    var bucketStarts = ContiguousArray<Int64>()
    var fits = true
    times.withUnsafeBufferPointer { times in
      guard let first = times.first else { return }
      var bucketEnd = Int64.min
      var previous = first
      for index in 0..<times.count {
        let time = times[index]
        if time < previous {
          fits = false
          return
        }
        previous = time
        if time >= bucketEnd {
          let bucketStart = width.floor(time)
          bucketEnd = width.next(after: bucketStart)
          if bucketEnd <= bucketStart {
            fits = false
            return
          }
          runStarts.append(index)
          bucketStarts.append(bucketStart)
        }
      }
    }
    return fits ? (runStarts, bucketStarts) : nil
  }

  /// The row of the largest value in each run (the first of equals), as `max` picks it.
  static func runLatest(_ values: ContiguousArray<Int64>, _ starts: ContiguousArray<Int>)
    -> ContiguousArray<Int>
  {
    var rows = ContiguousArray<Int>(repeating: 0, count: starts.count)
    for run in 0..<starts.count {
      let upper = run + 1 < starts.count ? starts[run + 1] : values.count
      var best = starts[run]
      for row in starts[run]..<upper where values[row] > values[best] { best = row }
      rows[run] = best
    }
    return rows
  }
}
