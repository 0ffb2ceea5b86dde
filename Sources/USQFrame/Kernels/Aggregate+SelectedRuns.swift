extension Frame {
  /// `filter(selection).bucket(width, start:, end:)` without building the filtered frame
  /// (`where … | bucket …`).
  ///
  /// When `start` is a time column without nulls whose selected rows are sorted, and every
  /// other column is an int without nulls (summed) or the time column `end` without nulls
  /// (latest kept), each column is read once, at the selected rows only, straight into per-bucket
  /// sums. Any other shape, or an int sum that overflows, takes the filter-then-bucket path.
  ///
  /// ```swift
  /// let mask = try Column.compare(.equal, frame.column("model"), .string("gpt-4o"))
  /// let daily = try frame.bucket(.day, selecting: mask)
  /// ```
  /// - Throws: as `bucket`.
  public func bucket(
    _ width: TimeBucket, selecting selection: BoolColumn, start: String = "start_time",
    end: String = "end_time"
  ) throws(FrameError) -> Frame {
    precondition(selection.count == rowCount, "mask length differs from the frame's")
    let selected = selection.trueBits
    if let frame = selectedBucketSums(width, selected, start: start, end: end) { return frame }
    return try filter(selection).bucket(width, start: start, end: end)
  }

  /// The fast path of `bucket(_:selecting:)`, or nil when the frame does not have its shape.
  private func selectedBucketSums(
    _ width: TimeBucket, _ selected: Bitmap, start: String, end: String
  ) -> Frame? {
    guard selected.setCount > 0, case .time(let starts)? = self[start], starts.validity == nil
    else { return nil }
    for (name, column) in pairs where name != start {
      switch column {
      case .int(let numbers) where numbers.validity == nil: continue
      case .time(let numbers) where name == end && numbers.validity == nil: continue
      default: return nil
      }
    }
    let summed = pairs.compactMap { name, column -> (String, ContiguousArray<Int64>)? in
      guard case .int(let numbers) = column else { return nil }
      return (name, numbers.values)
    }
    let runStarts: ContiguousArray<Int>
    let bucketStarts: ContiguousArray<Int64>
    var sums: [String: ContiguousArray<Int64>] = [:]
    if let first = summed.first, starts.isSortedWithoutNulls {
      // Known sorted: bucket edges by search, then only the summed columns are read.
      guard let edges = Aggregator.sortedBucketEdges(starts.values, width) else { return nil }
      (runStarts, bucketStarts) = Aggregator.selectedRuns(edges, selected)
      let second = summed.count > 1 ? summed[1] : first
      guard
        let (firstSums, secondSums) = Aggregator.runSums(first.1, second.1, selected, runStarts)
      else { return nil }
      sums[first.0] = firstSums
      sums[second.0] = secondSums
    } else if let first = summed.first {
      // The first two summed columns ride along the pass that finds the buckets.
      let second = summed.count > 1 ? summed[1] : first
      guard
        let runs = Aggregator.bucketRunSums(
          starts.values, selected, width, first.1, second.1)
      else { return nil }
      (runStarts, bucketStarts) = (runs.runStarts, runs.bucketStarts)
      sums[first.0] = runs.firstSums
      sums[second.0] = runs.secondSums
    } else {
      guard let runs = Aggregator.bucketRuns(starts.values, selected, width) else { return nil }
      (runStarts, bucketStarts) = runs
    }
    for (name, values) in summed.dropFirst(2) {
      guard let columnSums = Aggregator.runSums(values, selected, runStarts) else { return nil }
      sums[name] = columnSums
    }
    var columns: [Column] = []
    for (name, column) in pairs {
      if name == start {
        columns.append(.time(TimeColumn(values: bucketStarts)))
      } else if let columnSums = sums[name] {
        columns.append(.int(IntColumn(values: columnSums)))
      } else if case .time(let numbers) = column {
        columns.append(
          .time(TimeColumn(values: Aggregator.runMaxima(numbers.values, selected, runStarts))))
      }
    }
    return Frame(unchecked: Array(zip(names, columns)))
  }
}

extension Aggregator {
  /// The buckets of the selected `times` (as `bucketRuns(_:_:_:)`) and the sums of the selected
  /// `first` and `second` values in each, in one pass over the selected rows: three loads per
  /// row keep more reads in flight than three passes. Nil when the selected times are not
  /// sorted, a bucket end passes the top of the Int64 range, or a sum overflows.
  static func bucketRunSums(
    _ times: ContiguousArray<Int64>, _ selected: Bitmap, _ width: TimeBucket,
    _ first: ContiguousArray<Int64>, _ second: ContiguousArray<Int64>
  ) -> (
    runStarts: ContiguousArray<Int>, bucketStarts: ContiguousArray<Int64>,
    firstSums: ContiguousArray<Int64>, secondSums: ContiguousArray<Int64>
  )? {
    var runStarts = ContiguousArray<Int>()
    var bucketStarts = ContiguousArray<Int64>()
    var firstSums = ContiguousArray<Int64>()
    var secondSums = ContiguousArray<Int64>()
    var fits = true
    var overflowBits: Int64 = 0
    times.withUnsafeBufferPointer { times in
      first.withUnsafeBufferPointer { first in
        second.withUnsafeBufferPointer { second in
          selected.words.withUnsafeBufferPointer { words in
            var bucketEnd = Int64.min
            var previous = Int64.min
            var firstSum: Int64 = 0
            var secondSum: Int64 = 0
            for wordIndex in 0..<words.count {
              var bits = words[wordIndex]
              let base = wordIndex &<< 6
              while bits != 0 {
                let row = base &+ bits.trailingZeroBitCount
                bits &= bits &- 1
                let time = times[row]
                let firstValue = first[row]
                let secondValue = second[row]
                if time < previous {
                  fits = false
                  return
                }
                previous = time
                if time >= bucketEnd {
                  if !runStarts.isEmpty {
                    firstSums.append(firstSum)
                    secondSums.append(secondSum)
                    (firstSum, secondSum) = (0, 0)
                  }
                  let bucketStart = width.floor(time)
                  bucketEnd = width.next(after: bucketStart)
                  if bucketEnd <= bucketStart {
                    fits = false
                    return
                  }
                  runStarts.append(row)
                  bucketStarts.append(bucketStart)
                }
                let firstResult = firstSum &+ firstValue
                let secondResult = secondSum &+ secondValue
                overflowBits |=
                  ((firstSum ^ firstResult) & (firstValue ^ firstResult))
                  | ((secondSum ^ secondResult) & (secondValue ^ secondResult))
                (firstSum, secondSum) = (firstResult, secondResult)
              }
            }
            if !runStarts.isEmpty {
              firstSums.append(firstSum)
              secondSums.append(secondSum)
            }
          }
        }
      }
    }
    guard fits, overflowBits >= 0 else { return nil }
    return (runStarts, bucketStarts, firstSums, secondSums)
  }

  /// The first selected row of each bucket of `width` over the selected `times`, and each
  /// bucket's start; nil when the selected times are not non-decreasing or a bucket end passes
  /// the top of the Int64 range.
  static func bucketRuns(
    _ times: ContiguousArray<Int64>, _ selected: Bitmap, _ width: TimeBucket
  ) -> (ContiguousArray<Int>, ContiguousArray<Int64>)? {
    var runStarts = ContiguousArray<Int>()
    var bucketStarts = ContiguousArray<Int64>()
    var fits = true
    times.withUnsafeBufferPointer { times in
      selected.words.withUnsafeBufferPointer { words in
        var bucketEnd = Int64.min
        var previous = Int64.min
        for wordIndex in 0..<words.count {
          var bits = words[wordIndex]
          let base = wordIndex &<< 6
          while bits != 0 {
            let row = base &+ bits.trailingZeroBitCount
            bits &= bits &- 1
            let time = times[row]
            if time < previous {
              fits = false
              return
            }
            previous = time
            guard time >= bucketEnd else { continue }
            let bucketStart = width.floor(time)
            bucketEnd = width.next(after: bucketStart)
            if bucketEnd <= bucketStart {
              fits = false
              return
            }
            runStarts.append(row)
            bucketStarts.append(bucketStart)
          }
        }
      }
    }
    return fits ? (runStarts, bucketStarts) : nil
  }

  /// The sum of the selected `values` in each run (run `r` spans rows `starts[r]` up to the next
  /// start); nil when a sum overflows. Words wholly inside a run are summed without looking up
  /// the run.
  static func runSums(
    _ values: ContiguousArray<Int64>, _ selected: Bitmap, _ starts: ContiguousArray<Int>
  ) -> ContiguousArray<Int64>? {
    var sums = ContiguousArray<Int64>(repeating: 0, count: starts.count)
    var overflowBits: Int64 = 0
    values.withUnsafeBufferPointer { values in
      selected.words.withUnsafeBufferPointer { words in
        sums.withUnsafeMutableBufferPointer { sums in
          var run = 0
          var sum: Int64 = 0
          var nextStart = starts.count > 1 ? starts[1] : Int.max
          @inline(__always) func add(_ value: Int64) {
            let result = sum &+ value
            overflowBits |= (sum ^ result) & (value ^ result)
            sum = result
          }
          for wordIndex in 0..<words.count {
            var bits = words[wordIndex]
            if bits == 0 { continue }
            let base = wordIndex &<< 6
            if base &+ 64 <= nextStart {
              while bits != 0 {
                add(values[base &+ bits.trailingZeroBitCount])
                bits &= bits &- 1
              }
              continue
            }
            while bits != 0 {
              let row = base &+ bits.trailingZeroBitCount
              bits &= bits &- 1
              while row >= nextStart {
                sums[run] = sum
                sum = 0
                run &+= 1
                nextStart = run &+ 1 < starts.count ? starts[run &+ 1] : Int.max
              }
              add(values[row])
            }
          }
          sums[run] = sum
        }
      }
    }
    return overflowBits < 0 ? nil : sums
  }

  /// The first row of each bucket of `width` over `times` (sorted, no nulls) and each bucket's
  /// start, each edge found by galloping search; nil when a bucket end passes the top of the
  /// Int64 range.
  static func sortedBucketEdges(_ times: ContiguousArray<Int64>, _ width: TimeBucket)
    -> (rows: ContiguousArray<Int>, starts: ContiguousArray<Int64>)?
  {
    var rows = ContiguousArray<Int>()
    var starts = ContiguousArray<Int64>()
    var row = 0
    while row < times.count {
      let bucketStart = width.floor(times[row])
      let bucketEnd = width.next(after: bucketStart)
      guard bucketEnd > bucketStart else { return nil }
      rows.append(row)
      starts.append(bucketStart)
      // The first row at or after `bucketEnd`: gallop to bracket it, then bisect.
      var step = 1
      while row + step < times.count && times[row + step] < bucketEnd { step &*= 2 }
      var low = row + step / 2 + 1
      var high = Swift.min(row + step, times.count)
      while low < high {
        let middle = (low + high) / 2
        if times[middle] < bucketEnd { low = middle + 1 } else { high = middle }
      }
      row = low
    }
    return (rows, starts)
  }

  /// The buckets of `edges` that hold a selected row: each one's first selected row and start.
  static func selectedRuns(
    _ edges: (rows: ContiguousArray<Int>, starts: ContiguousArray<Int64>), _ selected: Bitmap
  ) -> (ContiguousArray<Int>, ContiguousArray<Int64>) {
    var runStarts = ContiguousArray<Int>()
    var bucketStarts = ContiguousArray<Int64>()
    for (index, lower) in edges.rows.enumerated() {
      let upper = index + 1 < edges.rows.count ? edges.rows[index + 1] : selected.count
      if let row = selected.firstSet(in: lower..<upper) {
        runStarts.append(row)
        bucketStarts.append(edges.starts[index])
      }
    }
    return (runStarts, bucketStarts)
  }

  /// `runSums(_:_:_:)` of two columns in one pass (two loads per selected row in flight).
  static func runSums(
    _ first: ContiguousArray<Int64>, _ second: ContiguousArray<Int64>, _ selected: Bitmap,
    _ starts: ContiguousArray<Int>
  ) -> (ContiguousArray<Int64>, ContiguousArray<Int64>)? {
    var firstSums = ContiguousArray<Int64>(repeating: 0, count: starts.count)
    var secondSums = firstSums
    var overflowBits: Int64 = 0
    first.withUnsafeBufferPointer { first in
      second.withUnsafeBufferPointer { second in
        selected.words.withUnsafeBufferPointer { words in
          var run = 0
          var firstSum: Int64 = 0
          var secondSum: Int64 = 0
          var nextStart = starts.count > 1 ? starts[1] : Int.max
          for wordIndex in 0..<words.count {
            var bits = words[wordIndex]
            let base = wordIndex &<< 6
            while bits != 0 {
              let row = base &+ bits.trailingZeroBitCount
              bits &= bits &- 1
              if row >= nextStart {
                firstSums[run] = firstSum
                secondSums[run] = secondSum
                (firstSum, secondSum) = (0, 0)
                while row >= nextStart {
                  run &+= 1
                  nextStart = run &+ 1 < starts.count ? starts[run &+ 1] : Int.max
                }
              }
              let firstValue = first[row]
              let secondValue = second[row]
              let firstResult = firstSum &+ firstValue
              let secondResult = secondSum &+ secondValue
              overflowBits |=
                ((firstSum ^ firstResult) & (firstValue ^ firstResult))
                | ((secondSum ^ secondResult) & (secondValue ^ secondResult))
              (firstSum, secondSum) = (firstResult, secondResult)
            }
          }
          if !starts.isEmpty {
            firstSums[run] = firstSum
            secondSums[run] = secondSum
          }
        }
      }
    }
    return overflowBits < 0 ? nil : (firstSums, secondSums)
  }

  /// The largest selected value in each run (run `r` spans rows `starts[r]` up to the next
  /// start; each run has a selected row).
  static func runMaxima(
    _ values: ContiguousArray<Int64>, _ selected: Bitmap, _ starts: ContiguousArray<Int>
  ) -> ContiguousArray<Int64> {
    var maxima = ContiguousArray<Int64>(repeating: .min, count: starts.count)
    var run = 0
    var nextStart = starts.count > 1 ? starts[1] : Int.max
    for row in selected.setIndices() {
      while row >= nextStart {
        run += 1
        nextStart = run + 1 < starts.count ? starts[run + 1] : Int.max
      }
      maxima[run] = Swift.max(maxima[run], values[row])
    }
    return maxima
  }
}
