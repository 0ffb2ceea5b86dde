extension SpendAttribution.Splitter {
  /// Adds the positive quantities of `rows` into their tuples' sums; their total.
  mutating func add(
    _ quantities: ContiguousArray<Int64>, rows: ArraySlice<Int32>,
    tuples: ContiguousArray<UInt32>, tupleOfLocal: ContiguousArray<Int32>
  ) -> Double {
    var total: Double = 0
    quantities.withUnsafeBufferPointer { quantities in
      tuples.withUnsafeBufferPointer { tuples in
        tupleOfLocal.withUnsafeBufferPointer { tupleOfLocal in
          for row in rows {
            let quantity = quantities[Int(row)]
            guard quantity > 0 else { continue }
            let tuple = tupleOfLocal[Int(tuples[Int(row)])]
            if sums[Int(tuple)] == 0 { touched.append(tuple) }
            sums[Int(tuple)] += Double(quantity)
            total += Double(quantity)
          }
        }
      }
    }
    return total
  }
}
