import USQBasics

/// Computes one aggregate per group by scattering rows into accumulators indexed by group id.
struct Aggregator {
  let grouping: Grouping
  /// Groups to produce (1 with no keys, even with no rows).
  let groupCount: Int

  var ids: ContiguousArray<UInt32> { grouping.groupIDs }

  func run(_ function: AggregateFunction, _ column: Column?, name: String) throws(FrameError)
    -> Column
  {
    guard let column else { return .int(IntColumn(values: rowCounts(validity: nil))) }
    switch function {
    case .sum: return try sum(column, name: name)
    case .avg: return try average(column, name: name)
    case .min: return extreme(column, largest: false)
    case .max: return extreme(column, largest: true)
    case .count: return .int(IntColumn(values: rowCounts(validity: column.validity)))
    case .distinct: return distinct(column)
    case .median: return try percentile(column, 0.5, name: name)
    case .p90: return try percentile(column, 0.9, name: name)
    case .p99: return try percentile(column, 0.99, name: name)
    case .first: return column.gatherOrNull(firstRows())
    case .last: return column.gatherOrNull(lastRows())
    }
  }

  /// Rows (or valid rows) per group.
  func rowCounts(validity: Bitmap?) -> ContiguousArray<Int64> {
    var counts = ContiguousArray<Int64>(repeating: 0, count: groupCount)
    if let validity {
      for index in 0..<ids.count where validity[index] { counts[Int(ids[index])] += 1 }
    } else {
      Aggregator.countLoop(ids, into: &counts)
    }
    return counts
  }

  /// Validity of per-group results: groups with at least one value.
  func groupsWithValues(_ validity: Bitmap?) -> Bitmap? {
    if validity == nil, groupCount == grouping.groupCount { return nil }
    return Bitmap(rowCounts(validity: validity).lazy.map { $0 > 0 })
  }

  // MARK: - Sums and averages

  func sum(_ column: Column, name: String) throws(FrameError) -> Column {
    switch column {
    case .int(let numbers):
      guard
        let sums = Aggregator.sumLoop(numbers.values, numbers.validity, ids, groupCount: groupCount)
      else {
        throw .overflow(column: name)
      }
      return .int(IntColumn(values: sums, validity: groupsWithValues(numbers.validity)))
    case .double(let numbers):
      let sums = Aggregator.sumLoop(numbers.values, numbers.validity, ids, groupCount: groupCount)
      return .double(DoubleColumn(values: sums, validity: groupsWithValues(numbers.validity)))
    default:
      throw .typeMismatch("cannot sum '\(name)': it is \(column.kind), not a number")
    }
  }

  func average(_ column: Column, name: String) throws(FrameError) -> Column {
    let doubles: DoubleColumn
    switch try column.converted(toNumeric: name, verb: "average") {
    case .double(let numbers): doubles = numbers
    default: return .nulls(.double, count: groupCount)
    }
    var sums = Aggregator.sumLoop(doubles.values, doubles.validity, ids, groupCount: groupCount)
    let counts = rowCounts(validity: doubles.validity)
    for group in 0..<groupCount where counts[group] > 0 { sums[group] /= Double(counts[group]) }
    return .double(DoubleColumn(values: sums, validity: groupsWithValues(doubles.validity)))
  }

  /// The row holding each group's smallest (or largest) value; the first such row on ties.
  func extreme(_ column: Column, largest: Bool) -> Column {
    let rows: ContiguousArray<Int>
    switch column {
    case .int(let numbers), .time(let numbers):
      rows = extremeRows(ArrayReader(values: numbers.values), numbers.validity, largest: largest)
    case .double(let numbers):
      rows = extremeRows(
        DoubleKeyReader(values: numbers.values), numbers.validity, largest: largest)
    case .string(let strings):
      rows = extremeRows(
        RankReader(codes: strings.codes, ranks: strings.dictionaryRanks()), strings.validity,
        largest: largest)
    case .bool(let flags):
      rows = extremeRows(
        ArrayReader(values: ContiguousArray(column.orderKeys())), flags.validity, largest: largest)
    }
    return column.gatherOrNull(rows)
  }

  private func extremeRows<Reader: RowReader>(_ keys: Reader, _ validity: Bitmap?, largest: Bool)
    -> ContiguousArray<Int>
  {
    var best = ContiguousArray<Int>(repeating: -1, count: groupCount)
    for index in 0..<ids.count {
      if let validity, !validity[index] { continue }
      let group = Int(ids[index])
      let current = best[group]
      if current < 0 {
        best[group] = index
      } else {
        let key = keys(index)
        let other = keys(current)
        if largest ? key > other : key < other { best[group] = index }
      }
    }
    return best
  }

  func distinct(_ column: Column) -> Column {
    let (codes, firstRows) = Grouping.denseCodes(column)
    let (_, pairRows) = Grouping.combine(
      ids, cardinality: grouping.groupCount, codes, cardinality: firstRows.count)
    var counts = ContiguousArray<Int64>(repeating: 0, count: groupCount)
    for row in pairRows where column.isValid(row) { counts[Int(ids[row])] += 1 }
    return .int(IntColumn(values: counts))
  }

  func percentile(_ column: Column, _ fraction: Double, name: String) throws(FrameError) -> Column {
    guard
      case .double(let numbers) = try column.converted(toNumeric: name, verb: "take percentiles of")
    else {
      return .nulls(.double, count: groupCount)
    }
    let counts = rowCounts(validity: numbers.validity)
    var offsets = ContiguousArray<Int>(repeating: 0, count: groupCount + 1)
    for group in 0..<groupCount { offsets[group + 1] = offsets[group] + Int(counts[group]) }
    var cursor = offsets
    var sorted = ContiguousArray<Double>(repeating: 0, count: offsets[groupCount])
    for index in 0..<ids.count where numbers.isValid(index) {
      let group = Int(ids[index])
      sorted[cursor[group]] = numbers.values[index]
      cursor[group] += 1
    }
    var results = ContiguousArray<Double>(repeating: 0, count: groupCount)
    for group in 0..<groupCount where counts[group] > 0 {
      let range = offsets[group]..<offsets[group + 1]
      sorted[range].sort { OrderKey.of($0) < OrderKey.of($1) }
      results[group] = interpolate(sorted[range], fraction)
    }
    return .double(DoubleColumn(values: results, validity: groupsWithValues(numbers.validity)))
  }

  func firstRows() -> ContiguousArray<Int> {
    var rows = ContiguousArray<Int>(repeating: -1, count: groupCount)
    for (group, row) in grouping.firstRows.enumerated() { rows[group] = row }
    return rows
  }

  func lastRows() -> ContiguousArray<Int> {
    var rows = ContiguousArray<Int>(repeating: -1, count: groupCount)
    for index in 0..<ids.count { rows[Int(ids[index])] = index }
    return rows
  }
}

// MARK: - Helpers

/// The value at position `fraction × (n − 1)` of ascending `values`, linearly interpolated.
func interpolate(_ values: ArraySlice<Double>, _ fraction: Double) -> Double {
  let position = fraction * Double(values.count - 1)
  let lower = Int(position.rounded(.down))
  let upper = Swift.min(lower + 1, values.count - 1)
  let weight = position - Double(lower)
  let low = values[values.startIndex + lower]
  let high = values[values.startIndex + upper]
  if weight == 0 || low == high { return low }
  return low + (high - low) * weight
}

extension Column {
  /// Ints and doubles as a double column, for averages and percentiles.
  func converted(toNumeric name: String, verb: String) throws(FrameError) -> Column {
    switch self {
    case .int, .double: return try converted(to: .double)
    default: throw .typeMismatch("cannot \(verb) '\(name)': it is \(kind), not a number")
    }
  }

  /// The rows `rows`, where a negative row gives null.
  func gatherOrNull(_ rows: ContiguousArray<Int>) -> Column {
    guard rows.contains(where: { $0 < 0 }) else { return gather(rows) }
    if count == 0 { return .nulls(kind, count: rows.count) }
    let gathered = gather(rows.lazy.map { Swift.max($0, 0) })
    let present = Bitmap(rows.lazy.map { $0 >= 0 })
    return gathered.replacingValidity(intersectValidity(gathered.validity, present))
  }

  /// The column with `validity` (null slots' values are left as they are).
  func replacingValidity(_ validity: Bitmap?) -> Column {
    switch self {
    case .int(let column): .int(IntColumn(values: column.values, validity: validity))
    case .time(let column): .time(TimeColumn(values: column.values, validity: validity))
    case .double(let column): .double(DoubleColumn(values: column.values, validity: validity))
    case .bool(let column): .bool(BoolColumn(bits: column.bits, validity: validity))
    case .string(let column):
      .string(StringColumn(codes: column.codes, dictionary: column.dictionary, validity: validity))
    }
  }
}
