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
  static func sumLoop(
    _ values: ContiguousArray<Int64>, _ validity: Bitmap?, _ ids: ContiguousArray<UInt32>,
    groupCount: Int
  ) -> ContiguousArray<Int64>? {
    var sums = ContiguousArray<Int64>(repeating: 0, count: groupCount)
    var overflowBits: Int64 = 0
    values.withUnsafeBufferPointer { values in
      ids.withUnsafeBufferPointer { ids in
        sums.withUnsafeMutableBufferPointer { sums in
          precondition(ids.count == values.count, "one group id per row")
          var bits: Int64 = 0
          if let validity {
            for index in 0..<values.count where validity[index] {
              let group = Int(ids[index])
              let value = values[index]
              let sum = sums[group]
              let result = sum &+ value
              bits |= (sum ^ result) & (value ^ result)
              sums[group] = result
            }
          } else {
            for index in 0..<values.count {
              let group = Int(ids[index])
              let value = values[index]
              let sum = sums[group]
              let result = sum &+ value
              bits |= (sum ^ result) & (value ^ result)
              sums[group] = result
            }
          }
          overflowBits = bits
        }
      }
    }
    return overflowBits < 0 ? nil : sums
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
            for index in 0..<values.count where validity[index] { sums[Int(ids[index])] += values[index] }
          } else {
            for index in 0..<values.count { sums[Int(ids[index])] += values[index] }
          }
        }
      }
    }
    return sums
  }
}
