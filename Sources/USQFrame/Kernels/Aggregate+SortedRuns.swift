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
