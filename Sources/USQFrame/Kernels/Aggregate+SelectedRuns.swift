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
    guard let (runStarts, bucketStarts) = Aggregator.bucketRuns(starts.values, selected, width)
    else { return nil }
    var columns: [Column] = []
    for (name, column) in pairs {
      if name == start {
        columns.append(.time(TimeColumn(values: bucketStarts)))
      } else if case .int(let numbers) = column {
        guard let sums = Aggregator.runSums(numbers.values, selected, runStarts) else {
          return nil
        }
        columns.append(.int(IntColumn(values: sums)))
      } else if case .time(let numbers) = column {
        columns.append(
          .time(TimeColumn(values: Aggregator.runMaxima(numbers.values, selected, runStarts))))
      }
    }
    return Frame(unchecked: Array(zip(names, columns)))
  }
}

extension Aggregator {
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
