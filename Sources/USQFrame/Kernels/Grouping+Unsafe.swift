extension Grouping {
  /// The hot loop of `dense`: a table maps each code (and the null slot, `tableSize`) to the
  /// id it was given, or `.max`.
  static func denseLoop(_ codes: ContiguousArray<UInt32>, validity: Bitmap?, tableSize: Int)
    -> (ContiguousArray<UInt32>, ContiguousArray<Int>)
  {
    var table = ContiguousArray<UInt32>(repeating: .max, count: tableSize + 1)
    var firstRows = ContiguousArray<Int>()
    var next: UInt32 = 0
    let ids = ContiguousArray<UInt32>(unsafeUninitializedCapacity: codes.count) {
      ids, initialized in
      codes.withUnsafeBufferPointer { codes in
        table.withUnsafeMutableBufferPointer { table in
          for index in 0..<codes.count {
            var slot = Int(codes[index])
            if let validity, !validity[index] { slot = tableSize }
            precondition(slot < table.count, "code outside its dictionary")
            var id = table[slot]
            if id == .max {
              id = next
              next += 1
              table[slot] = id
              firstRows.append(index)
            }
            ids[index] = id
          }
        }
      }
      initialized = codes.count
    }
    return (ids, firstRows)
  }
}

extension Grouping {
  /// Run numbers of non-decreasing `values` (sorted time columns: `load` output, `bucket`
  /// input), or nil when the values are not sorted. Equal values are adjacent, so run numbers
  /// are first-seen dense codes.
  static func sortedRuns(_ values: ContiguousArray<Int64>) -> (
    codes: ContiguousArray<UInt32>, cardinality: Int
  )? {
    var isSorted = true
    values.withUnsafeBufferPointer { values in
      var index = 1
      while index < values.count, isSorted {
        isSorted = values[index - 1] <= values[index]
        index += 1
      }
    }
    guard isSorted else { return nil }
    var runs = 0
    let codes = ContiguousArray<UInt32>(unsafeUninitializedCapacity: values.count) {
      codes, initialized in
      values.withUnsafeBufferPointer { values in
        var run: UInt32 = 0
        for index in 0..<values.count {
          if index > 0, values[index] != values[index - 1] { run &+= 1 }
          codes[index] = run
        }
        runs = values.isEmpty ? 0 : Int(run) + 1
      }
      initialized = values.count
    }
    return (codes, runs)
  }

  /// First-seen dense ids of the pairs `(left[i], right[i])` (`right[i] < width`), through one
  /// table indexed by `left * width + right`.
  static func densePairs(
    _ left: ContiguousArray<UInt32>, _ right: ContiguousArray<UInt32>, width: UInt32, tableSize: Int
  ) -> (ContiguousArray<UInt32>, ContiguousArray<Int>) {
    precondition(left.count == right.count, "key lengths differ")
    var table = ContiguousArray<UInt32>(repeating: .max, count: tableSize)
    var firstRows = ContiguousArray<Int>()
    var next: UInt32 = 0
    let ids = ContiguousArray<UInt32>(unsafeUninitializedCapacity: left.count) { ids, initialized in
      left.withUnsafeBufferPointer { left in
        right.withUnsafeBufferPointer { right in
          table.withUnsafeMutableBufferPointer { table in
            for index in 0..<left.count {
              let slot = Int(left[index] &* width &+ right[index])
              precondition(slot < table.count, "code outside its key's range")
              var id = table[slot]
              if id == .max {
                id = next
                next += 1
                table[slot] = id
                firstRows.append(index)
              }
              ids[index] = id
            }
          }
        }
      }
      initialized = left.count
    }
    return (ids, firstRows)
  }
}

extension Grouping {
  /// `runs` (run numbers of sorted values) as group ids, with each run's first row.
  static func runStarts(_ runs: ContiguousArray<UInt32>, runCount: Int)
    -> (ContiguousArray<UInt32>, ContiguousArray<Int>)
  {
    var firstRows = ContiguousArray<Int>()
    firstRows.reserveCapacity(runCount)
    runs.withUnsafeBufferPointer { runs in
      for index in 0..<runs.count where index == 0 || runs[index] != runs[index - 1] {
        firstRows.append(index)
      }
    }
    return (runs, firstRows)
  }
}
