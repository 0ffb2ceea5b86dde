// MARK: - Sums and counts

extension Aggregator {
  /// Rows per group.
  static func countLoop(_ ids: ContiguousArray<UInt32>, into counts: inout ContiguousArray<Int64>) {
    ids.withUnsafeBufferPointer { ids in
      counts.withUnsafeMutableBufferPointer { counts in
        for id in ids { counts[Int(id)] &+= 1 }
      }
    }
  }

  /// Int64 sums per group of the valid rows, or nil when a sum overflows.
  ///
  /// Adds wrap, and overflow is detected without a branch: a signed add overflowed exactly
  /// when the result's sign differs from both operands' signs, so `(sum ^ result) & (value ^
  /// result)` has its sign bit set; those words are OR-ed together and checked once at the end.
  /// Without nulls and with few groups, four interleaved accumulators per group (row `i` adds
  /// into lane `i % 4`) break the store-to-load chain of runs of equal ids; integer sums do not
  /// depend on order, and a lane that overflows falls back to the one-lane loop to decide.
  static func sumLoop(
    _ values: ContiguousArray<Int64>, _ validity: Bitmap?, _ ids: ContiguousArray<UInt32>,
    groupCount: Int
  ) -> ContiguousArray<Int64>? {
    precondition(ids.count == values.count, "one group id per row")
    if validity == nil, groupCount <= 1 << 14, values.count >= 4_096,
      let sums = laneSums(values, ids, groupCount: groupCount)
    {
      return sums
    }
    var sums = ContiguousArray<Int64>(repeating: 0, count: groupCount)
    var overflowBits: Int64 = 0
    values.withUnsafeBufferPointer { values in
      ids.withUnsafeBufferPointer { ids in
        sums.withUnsafeMutableBufferPointer { sums in
          var bits: Int64 = 0
          for index in 0..<values.count {
            if let validity, !validity[index] { continue }
            let group = Int(ids[index])
            let value = values[index]
            let sum = sums[group]
            let result = sum &+ value
            bits |= (sum ^ result) & (value ^ result)
            sums[group] = result
          }
          overflowBits = bits
        }
      }
    }
    return overflowBits < 0 ? nil : sums
  }

  /// Four-lane sums (see `sumLoop`), or nil when a lane or the total overflows.
  private static func laneSums(
    _ values: ContiguousArray<Int64>, _ ids: ContiguousArray<UInt32>, groupCount: Int
  ) -> ContiguousArray<Int64>? {
    var lanes = ContiguousArray<Int64>(repeating: 0, count: groupCount &* 4)
    var overflowBits: Int64 = 0
    values.withUnsafeBufferPointer { values in
      ids.withUnsafeBufferPointer { ids in
        lanes.withUnsafeMutableBufferPointer { lanes in
          var bits: Int64 = 0
          var index = 0
          while index < values.count {
            let lane = index & 3
            let slot = Int(ids[index]) &<< 2 | lane
            let value = values[index]
            let sum = lanes[slot]
            let result = sum &+ value
            bits |= (sum ^ result) & (value ^ result)
            lanes[slot] = result
            index &+= 1
          }
          overflowBits = bits
        }
      }
    }
    if overflowBits < 0 { return nil }
    var sums = ContiguousArray<Int64>(repeating: 0, count: groupCount)
    for group in 0..<groupCount {
      var total: Int64 = 0
      for lane in 0..<4 {
        let (sum, overflow) = total.addingReportingOverflow(lanes[group * 4 + lane])
        if overflow { return nil }
        total = sum
      }
      sums[group] = total
    }
    return sums
  }

  /// Double sums per group of the valid rows, added in row order.
  static func sumLoop(
    _ values: ContiguousArray<Double>, _ validity: Bitmap?, _ ids: ContiguousArray<UInt32>,
    groupCount: Int
  ) -> ContiguousArray<Double> {
    var sums = ContiguousArray<Double>(repeating: 0, count: groupCount)
    values.withUnsafeBufferPointer { values in
      ids.withUnsafeBufferPointer { ids in
        sums.withUnsafeMutableBufferPointer { sums in
          if let validity {
            for index in 0..<values.count where validity[index] {
              sums[Int(ids[index])] += values[index]
            }
          } else {
            for index in 0..<values.count { sums[Int(ids[index])] += values[index] }
          }
        }
      }
    }
    return sums
  }

  /// Int64 sums per group of several columns without nulls in one pass over `ids` (three or
  /// two columns per pass), four lanes per group as in `sumLoop`; nil when anything overflows.
  static func multiSumLoop(
    _ columns: [ContiguousArray<Int64>], _ ids: ContiguousArray<UInt32>, groupCount: Int
  ) -> [ContiguousArray<Int64>]? {
    var results: [ContiguousArray<Int64>] = []
    var start = 0
    while start < columns.count {
      let width = columns.count - start >= 3 ? 3 : (columns.count - start == 2 ? 2 : 1)
      let chunk = Array(columns[start..<(start + width)])
      if width == 1 {
        guard let sums = sumLoop(chunk[0], nil, ids, groupCount: groupCount) else { return nil }
        results.append(sums)
      } else {
        guard let sums = laneSums(chunk, ids, groupCount: groupCount) else { return nil }
        results.append(contentsOf: sums)
      }
      start += width
    }
    return results
  }

  /// Two or three columns summed per pass: lanes laid out `[(group * 4 + lane) * width + column]`.
  private static func laneSums(
    _ columns: [ContiguousArray<Int64>], _ ids: ContiguousArray<UInt32>, groupCount: Int
  ) -> [ContiguousArray<Int64>]? {
    let width = columns.count
    precondition(width == 2 || width == 3, "two or three columns per pass")
    precondition(columns.allSatisfy { $0.count == ids.count }, "one group id per row")
    let third = width == 3 ? columns[2] : columns[1]
    var lanes = ContiguousArray<Int64>(repeating: 0, count: groupCount &* 4 &* width)
    var overflowBits: Int64 = 0
    columns[0].withUnsafeBufferPointer { first in
      columns[1].withUnsafeBufferPointer { second in
        third.withUnsafeBufferPointer { third in
          ids.withUnsafeBufferPointer { ids in
            lanes.withUnsafeMutableBufferPointer { lanes in
              var bits: Int64 = 0
              @inline(__always) func add(_ slot: Int, _ value: Int64) {
                let sum = lanes[slot]
                let result = sum &+ value
                bits |= (sum ^ result) & (value ^ result)
                lanes[slot] = result
              }
              if width == 3 {
                for index in 0..<ids.count {
                  let slot = (Int(ids[index]) &<< 2 | index & 3) &* 3
                  add(slot, first[index])
                  add(slot &+ 1, second[index])
                  add(slot &+ 2, third[index])
                }
              } else {
                for index in 0..<ids.count {
                  let slot = (Int(ids[index]) &<< 2 | index & 3) &<< 1
                  add(slot, first[index])
                  add(slot &+ 1, second[index])
                }
              }
              overflowBits = bits
            }
          }
        }
      }
    }
    if overflowBits < 0 { return nil }
    var results: [ContiguousArray<Int64>] = []
    for column in 0..<width {
      var sums = ContiguousArray<Int64>(repeating: 0, count: groupCount)
      for group in 0..<groupCount {
        var total: Int64 = 0
        for lane in 0..<4 {
          let (sum, overflow) = total.addingReportingOverflow(
            lanes[(group * 4 + lane) * width + column])
          if overflow { return nil }
          total = sum
        }
        sums[group] = total
      }
      results.append(sums)
    }
    return results
  }
}

// MARK: - Grouping and summing in one pass

extension Aggregator {
  /// Groups rows by `first` (and `second`, `< width`) codes through a table of `tableSize`
  /// slots and sums 1…3 int columns into four lanes per group, in one pass. Returns each
  /// group's first row (first-seen order) and the sums per column, or nil on overflow.
  static func groupAndSum(
    _ first: ContiguousArray<UInt32>, _ second: ContiguousArray<UInt32>?, width: Int,
    tableSize: Int, columns: [ContiguousArray<Int64>]
  ) -> (ContiguousArray<Int>, [ContiguousArray<Int64>])? {
    let count = first.count
    let columnCount = columns.count
    precondition((1...3).contains(columnCount), "one to three columns")
    precondition(columns.allSatisfy { $0.count == count } && (second?.count ?? count) == count)
    var table = ContiguousArray<UInt32>(repeating: .max, count: tableSize)
    // Eight spare slots so that the lanes can start on a 64-byte line (see `run`).
    var lanes = ContiguousArray<Int64>(repeating: 0, count: tableSize * 4 * columnCount + 8)
    var firstRows = ContiguousArray<Int>()
    let shape = GroupAndSumShape(
      first: first, second: second ?? first, width: width, a: columns[0],
      b: columns[min(1, columnCount - 1)], c: columns[min(2, columnCount - 1)])
    // Specialise the loop per key count and column count, so neither is tested per row.
    let overflowBits: Int64
    switch (second != nil, columnCount) {
    case (false, 1): overflowBits = shape.run(Count1.self, Count1.self, &table, &lanes, &firstRows)
    case (false, 2): overflowBits = shape.run(Count1.self, Count2.self, &table, &lanes, &firstRows)
    case (false, _): overflowBits = shape.run(Count1.self, Count3.self, &table, &lanes, &firstRows)
    case (true, 1): overflowBits = shape.run(Count2.self, Count1.self, &table, &lanes, &firstRows)
    case (true, 2): overflowBits = shape.run(Count2.self, Count2.self, &table, &lanes, &firstRows)
    case (true, _): overflowBits = shape.run(Count2.self, Count3.self, &table, &lanes, &firstRows)
    }
    if overflowBits < 0 { return nil }
    var results: [ContiguousArray<Int64>] = []
    for column in 0..<columnCount {
      var sums = ContiguousArray<Int64>(repeating: 0, count: firstRows.count)
      for group in 0..<firstRows.count {
        var total: Int64 = 0
        for lane in 0..<4 {
          let (sum, overflow) = total.addingReportingOverflow(
            lanes[GroupAndSumShape.lineOffset(lanes) + (group * 4 + lane) * columnCount + column])
          if overflow { return nil }
          total = sum
        }
        sums[group] = total
      }
      results.append(sums)
    }
    return (firstRows, results)
  }
}

/// A count known at compile time, to specialise loops.
protocol StaticCount { static var value: Int { get } }
enum Count1: StaticCount { static var value: Int { 1 } }
enum Count2: StaticCount { static var value: Int { 2 } }
enum Count3: StaticCount { static var value: Int { 3 } }

/// The inputs of `Aggregator.groupAndSum`'s loop.
struct GroupAndSumShape {
  /// How many elements into `lanes` the first 64-byte aligned one is (0…7).
  static func lineOffset(_ lanes: UnsafeMutableBufferPointer<Int64>) -> Int {
    let address = Int(bitPattern: lanes.baseAddress)
    return ((64 &- address & 63) & 63) / 8
  }

  static func lineOffset(_ lanes: ContiguousArray<Int64>) -> Int {
    lanes.withUnsafeBufferPointer { ((64 &- Int(bitPattern: $0.baseAddress) & 63) & 63) / 8 }
  }

  let first: ContiguousArray<UInt32>
  let second: ContiguousArray<UInt32>
  let width: Int
  let a: ContiguousArray<Int64>
  let b: ContiguousArray<Int64>
  let c: ContiguousArray<Int64>

  /// The loop for `Keys.value` key columns and `Columns.value` summed columns; returns the
  /// OR-ed overflow words (negative = some add overflowed).
  func run<Keys: StaticCount, Columns: StaticCount>(
    _: Keys.Type, _: Columns.Type, _ table: inout ContiguousArray<UInt32>,
    _ lanes: inout ContiguousArray<Int64>, _ firstRows: inout ContiguousArray<Int>
  ) -> Int64 {
    let columnCount = Columns.value
    let width = self.width
    var bits: Int64 = 0
    first.withUnsafeBufferPointer { first in
      second.withUnsafeBufferPointer { second in
        a.withUnsafeBufferPointer { a in
          b.withUnsafeBufferPointer { b in
            c.withUnsafeBufferPointer { c in
              table.withUnsafeMutableBufferPointer { table in
                lanes.withUnsafeMutableBufferPointer { lanes in
                  // A group's lanes never straddle two cache lines, whatever the heap did.
                  let lanes = UnsafeMutableBufferPointer(rebasing: lanes[Self.lineOffset(lanes)...])
                  var next: UInt32 = 0
                  @inline(__always) func add(_ slot: Int, _ value: Int64) {
                    let sum = lanes[slot]
                    let result = sum &+ value
                    bits |= (sum ^ result) & (value ^ result)
                    lanes[slot] = result
                  }
                  for index in 0..<first.count {
                    var key = Int(first[index])
                    if Keys.value == 2 { key = key &* width &+ Int(second[index]) }
                    precondition(key < table.count, "code outside its dictionary")
                    var group = table[key]
                    if group == .max {
                      group = next
                      next &+= 1
                      table[key] = group
                      firstRows.append(index)
                    }
                    let slot = (Int(group) &<< 2 | index & 3) &* columnCount
                    add(slot, a[index])
                    if columnCount > 1 { add(slot &+ 1, b[index]) }
                    if columnCount > 2 { add(slot &+ 2, c[index]) }
                  }
                }
              }
            }
          }
        }
      }
    }
    return bits
  }
}
