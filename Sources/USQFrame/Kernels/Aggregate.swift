import USQBasics

/// One aggregate to compute: a function, its column (nil for `count()`), and the output name.
public struct Aggregate: Sendable, Hashable, CustomStringConvertible {
  public var function: AggregateFunction
  /// The input column; nil only for `count()` (rows).
  public var column: String?
  /// The output column's name.
  public var name: String

  /// An aggregate named `name`, by default `F_C` (`count` for `count()`).
  ///
  /// ```swift
  /// Aggregate(.sum, "input_tokens", as: "input_tokens")   // `sum input_tokens`
  /// Aggregate(.count)                                     // `count()` → "count"
  /// ```
  public init(_ function: AggregateFunction, _ column: String? = nil, as name: String? = nil) {
    precondition(column != nil || function == .count, "only count() has no column")
    self.function = function
    self.column = column
    self.name = name ?? column.map { "\(function.rawValue)_\($0)" } ?? "count"
  }

  public var description: String { "\(function.rawValue)(\(column ?? "")) as \(name)" }
}

extension Frame {
  /// Aggregates per group of `keys` (`sum … by …`, `count by …`, `agg …`).
  ///
  /// Output: the key columns first, then one column per aggregate in the order given; one row
  /// per group, sorted by key ascending (numbers numerically, strings by UTF-8 bytes, false <
  /// true, times chronologically, null last). With no keys: one row, even for an empty frame.
  ///
  /// ```swift
  /// let perProject = try frame.aggregate(
  ///   [Aggregate(.sum, "num_model_requests", as: "num_model_requests")], by: ["project_id"])
  /// ```
  /// - Throws: `FrameError.unknownColumn`, `.typeMismatch` (e.g. `sum` of strings),
  ///   `.overflow` when an int sum leaves Int64, `.duplicateColumn` when names clash.
  public func aggregate(_ aggregates: [Aggregate], by keys: [String]) throws(FrameError) -> Frame {
    var keyColumns: [Column] = []
    for key in keys { keyColumns.append(try column(key)) }
    if let frame = try groupedSumsInOnePass(aggregates, keys: keys, keyColumns: keyColumns) {
      return frame
    }
    if let frame = try sortedRunSums(aggregates, keys: keys, keyColumns: keyColumns) {
      return frame
    }
    let grouping = keys.isEmpty ? Grouping(singleGroupOf: rowCount) : Grouping(keys: keyColumns)
    let groupCount = keys.isEmpty ? 1 : grouping.groupCount
    var pairs: [(String, Column)] = []
    for (key, column) in zip(keys, keyColumns) {
      pairs.append((key, column.gather(grouping.firstRows)))
    }
    let aggregator = Aggregator(grouping: grouping, groupCount: groupCount)
    let fused = fusedIntegerSums(aggregates, aggregator)
    for (position, aggregate) in aggregates.enumerated() {
      if let result = fused[position] {
        pairs.append((aggregate.name, result))
        continue
      }
      let input = try aggregate.column.map { name throws(FrameError) in try column(name) }
      let result = try aggregator.run(
        aggregate.function, input, name: aggregate.column ?? aggregate.name)
      pairs.append((aggregate.name, result))
    }
    return try Frame.sortedByKeys(pairs, keyCount: keys.count, groupCount: groupCount)
  }

  /// The frame of `pairs` (keys first) with its groups sorted by key ascending.
  static func sortedByKeys(_ pairs: [(String, Column)], keyCount: Int, groupCount: Int)
    throws(FrameError) -> Frame
  {
    let frame = try Frame(validating: pairs)
    if keyCount == 0 || groupCount <= 1 { return frame }
    let order = Column.sortPermutation(
      pairs.prefix(keyCount).map { ($0.1, false) }, count: groupCount)
    return frame.gather(order)
  }

  /// Sums of several int columns without nulls, in one pass over the group ids (by position in
  /// `aggregates`); empty when there are fewer than two or a sum overflows (the one-column path
  /// then reports which).
  private func fusedIntegerSums(_ aggregates: [Aggregate], _ aggregator: Aggregator) -> [Int:
    Column]
  {
    var positions: [Int] = []
    var columns: [ContiguousArray<Int64>] = []
    for (position, aggregate) in aggregates.enumerated() where aggregate.function == .sum {
      guard case .int(let numbers)? = aggregate.column.flatMap({ self[$0] }),
        numbers.validity == nil
      else { continue }
      positions.append(position)
      columns.append(numbers.values)
    }
    guard columns.count >= 2,
      let sums = Aggregator.multiSumLoop(columns, aggregator.ids, groupCount: aggregator.groupCount)
    else { return [:] }
    let validity = aggregator.groupsWithValues(nil)
    var results: [Int: Column] = [:]
    for (position, values) in zip(positions, sums) {
      results[position] = .int(IntColumn(values: values, validity: validity))
    }
    return results
  }
}
