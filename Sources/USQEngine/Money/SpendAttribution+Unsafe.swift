extension SpendAttribution.Splitter {
  /// Adds the positive quantities of `rows` into their tuples' sums; their total.
  mutating func add(
    _ quantities: ContiguousArray<Int64>, rows: ArraySlice<Int32>,
    tuples: ContiguousArray<UInt32>, rankOfLocal: ContiguousArray<Int32>
  ) -> Double {
    var total: Double = 0
    quantities.withUnsafeBufferPointer { quantities in
      tuples.withUnsafeBufferPointer { tuples in
        rankOfLocal.withUnsafeBufferPointer { rankOfLocal in
          for row in rows {
            let quantity = quantities[Int(row)]
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
