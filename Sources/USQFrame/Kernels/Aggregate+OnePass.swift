extension Frame {
  /// `sum` of int columns (no nulls) by one or two keys with small codes, grouped and summed in
  /// one pass: no group-id array is written or read back. Nil when the shape does not fit (or a
  /// sum overflows: the general path then reports which column).
  func groupedSumsInOnePass(_ aggregates: [Aggregate], keys: [String], keyColumns: [Column])
    throws(FrameError) -> Frame?
  {
    guard (1...2).contains(keyColumns.count), (1...3).contains(aggregates.count) else { return nil }
    var columns: [ContiguousArray<Int64>] = []
    for aggregate in aggregates {
      guard aggregate.function == .sum, let name = aggregate.column,
        case .int(let numbers)? = self[name], numbers.validity == nil
      else { return nil }
      columns.append(numbers.values)
    }
    var raws: [(codes: ContiguousArray<UInt32>, cardinality: Int)] = []
    for key in keyColumns {
      // Only keys whose codes need no extra pass: dictionary codes without nulls.
      guard case .string(let strings) = key, strings.validity == nil else { return nil }
      raws.append((strings.codes, strings.dictionary.count))
    }
    let width = raws.count == 2 ? raws[1].cardinality : 1
    let tableSize = raws[0].cardinality * width
    guard tableSize > 0, tableSize <= 1 << 14 else { return nil }
    guard
      let (firstRows, sums) = Aggregator.groupAndSum(
        raws[0].codes, raws.count == 2 ? raws[1].codes : nil, width: width,
        tableSize: tableSize, columns: columns)
    else { return nil }
    var pairs: [(String, Column)] = zip(keys, keyColumns).map { ($0, $1.gather(firstRows)) }
    for (aggregate, values) in zip(aggregates, sums) {
      pairs.append((aggregate.name, .int(IntColumn(values: values))))
    }
    return try Frame.sortedByKeys(pairs, keyCount: keys.count, groupCount: firstRows.count)
  }
}
