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
  static func sumLoop(
    _ values: ContiguousArray<Int64>, _ validity: Bitmap?, _ ids: ContiguousArray<UInt32>,
    groupCount: Int
  ) -> ContiguousArray<Int64>? {
    var sums = ContiguousArray<Int64>(repeating: 0, count: groupCount)
    var overflowed = false
    values.withUnsafeBufferPointer { values in
      ids.withUnsafeBufferPointer { ids in
        sums.withUnsafeMutableBufferPointer { sums in
          if let validity {
            for index in 0..<values.count where validity[index] {
              let group = Int(ids[index])
              let (sum, overflow) = sums[group].addingReportingOverflow(values[index])
              sums[group] = sum
              overflowed = overflowed || overflow
            }
          } else {
            for index in 0..<values.count {
              let group = Int(ids[index])
              let (sum, overflow) = sums[group].addingReportingOverflow(values[index])
              sums[group] = sum
              overflowed = overflowed || overflow
            }
          }
        }
      }
    }
    return overflowed ? nil : sums
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
          for index in 0..<values.count {
            if let validity, !validity[index] { continue }
            sums[Int(ids[index])] += values[index]
          }
        }
      }
    }
    return sums
  }
}
