import USQBasics

extension Frame {
  /// Spreads the distinct values of `column` into columns (`pivot C values V`).
  ///
  /// One row per distinct combination of `keys` (default: the non-numeric columns other than
  /// `column` and `values`), sorted ascending like group-by output; then one column per
  /// distinct value of `column`, sorted ascending (null last, named `null`), holding the sum
  /// of `values` for that key and value (null where no row has both). A value whose name is
  /// taken by a key column gets `_2`, `_3`, … appended. Column names: strings as they are,
  /// numbers in decimal, times as `YYYY-MM-DD` (midnight) or `YYYY-MM-DDTHH:MM:SSZ`.
  ///
  /// ```swift
  /// let byModel = try daily.pivot("model", values: "input_tokens")
  /// ```
  /// - Throws: `FrameError.unknownColumn`, `.typeMismatch` when `values` is not numeric,
  ///   `.overflow` when an int sum overflows.
  public func pivot(_ column: String, values: String, keys: [String]? = nil) throws(FrameError)
    -> Frame
  {
    let spread = try self.column(column)
    let summed = try self.column(values)
    guard summed.kind.isNumeric else {
      throw .typeMismatch("cannot pivot '\(values)': it is \(summed.kind), not a number")
    }
    let keyNames =
      keys
      ?? names.filter { name in
        name != column && name != values && !(self[name]?.kind.isNumeric ?? true)
      }
    var keyColumns: [Column] = []
    for key in keyNames { keyColumns.append(try self.column(key)) }
    let grouping =
      keyColumns.isEmpty ? Grouping(singleGroupOf: rowCount) : Grouping(keys: keyColumns)
    let (codes, valueRows) = Grouping.denseCodes(spread)
    let valueOrder = Column.sortPermutation(
      [(spread.gather(valueRows), false)], count: valueRows.count)
    let cells = Grouping.combine(
      grouping.groupIDs, cardinality: grouping.groupCount, codes, cardinality: valueRows.count)
    let cellGrouping = Grouping(groupIDs: cells.0, firstRows: cells.1)
    let sums = try Aggregator(grouping: cellGrouping, groupCount: cellGrouping.groupCount)
      .sum(summed, name: values)
    // Cell `c` belongs to key group ids[firstRows[c]] and value codes[firstRows[c]].
    let groupCount = grouping.groupCount
    var pairs: [(String, Column)] = zip(keyNames, keyColumns).map {
      ($0, $1.gather(grouping.firstRows))
    }
    var taken = Set(keyNames)
    for valueCode in valueOrder {
      var cellOf = ContiguousArray<Int>(repeating: -1, count: groupCount)
      for (cell, row) in cellGrouping.firstRows.enumerated() where codes[row] == UInt32(valueCode) {
        cellOf[Int(grouping.groupIDs[row])] = cell
      }
      var name = Frame.columnName(for: spread[valueRows[valueCode]])
      if taken.contains(name) {
        var suffix = 2
        while taken.contains("\(name)_\(suffix)") { suffix += 1 }
        name = "\(name)_\(suffix)"
      }
      taken.insert(name)
      pairs.append((name, sums.gatherOrNull(cellOf)))
    }
    let frame = Frame(unchecked: pairs)
    if keyColumns.isEmpty || groupCount <= 1 { return frame }
    return frame.gather(
      Column.sortPermutation(pairs.prefix(keyNames.count).map { ($0.1, false) }, count: groupCount))
  }

  /// The name of a pivoted column holding `value`.
  static func columnName(for value: Value) -> String {
    switch value {
    case .time(let seconds):
      if floorModulo(seconds, 86_400) == 0 {
        return CivilDate(days: floorDivide(seconds, 86_400)).isoString
      }
      return ISODate.format(seconds)
    default: return value.description
    }
  }

  /// The distinct combinations of `columns` (all columns when empty), in first-seen order
  /// (`distinct C, …`).
  ///
  /// ```swift
  /// let pairs = try frame.distinct(["model", "project_id"])
  /// ```
  /// - Throws: `FrameError.unknownColumn`, `.duplicateColumn`.
  public func distinct(_ columns: [String]) throws(FrameError) -> Frame {
    let selected = columns.isEmpty ? self : try select(columns)
    if selected.columnCount == 0 { return selected }
    let grouping = Grouping(keys: selected.columns)
    return selected.gather(grouping.firstRows)
  }
}
