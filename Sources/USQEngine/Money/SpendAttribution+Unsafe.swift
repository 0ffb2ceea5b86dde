import USQFrame

extension SpendAttribution.Splitter {
  /// Adds the valid values of `numbers` at `rows` into `quantities` (one per row of `rows`),
  /// negatives as 0.
  mutating func addQuantities(_ numbers: IntColumn, of rows: ArraySlice<Int32>) {
    numbers.values.withUnsafeBufferPointer { values in
      quantities.withUnsafeMutableBufferPointer { quantities in
        if let validity = numbers.validity {
          for (index, row) in rows.enumerated() where validity[Int(row)] {
            quantities[index] &+= max(values[Int(row)], 0)
          }
        } else {
          for (index, row) in rows.enumerated() {
            quantities[index] &+= max(values[Int(row)], 0)
          }
        }
      }
    }
  }

  /// Adds the positive `quantities` of `rows` into their tuples' sums (clearing `quantities`);
  /// their total.
  mutating func add(
    _ rows: ArraySlice<Int32>, tuples: ContiguousArray<UInt32>, rankOfLocal: ContiguousArray<Int32>
  ) -> Double {
    var total: Double = 0
    quantities.withUnsafeMutableBufferPointer { quantities in
      tuples.withUnsafeBufferPointer { tuples in
        rankOfLocal.withUnsafeBufferPointer { rankOfLocal in
          for (index, row) in rows.enumerated() {
            let quantity = quantities[index]
            quantities[index] = 0
            guard quantity > 0 else { continue }
            let rank = rankOfLocal[Int(tuples[Int(row)])]
            if sums[Int(rank)] == 0 { touched.append(rank) }
            sums[Int(rank)] += Double(quantity)
            total += Double(quantity)
          }
        }
      }
    }
    return total
  }
}
