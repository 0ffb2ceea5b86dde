extension Frame {
  /// Adds (or replaces) column `name` (`share C [by K, …]`): each row's `column` as a
  /// percentage (0–100) of the column's total within its group of `keys` (the whole frame
  /// without keys), as double. Null where the value is null or the group's total is 0.
  ///
  /// ```swift
  /// let shares = try perProject.share("num_model_requests")
  /// ```
  /// - Throws: `FrameError.unknownColumn`, `.typeMismatch` when `column` is not numeric.
  public func share(_ column: String, by keys: [String] = [], as name: String = "share")
    throws(FrameError) -> Frame
  {
    guard
      case .double(let values) = try self.column(column).converted(toNumeric: column, verb: "share")
    else {
      throw .typeMismatch("cannot share '\(column)'")
    }
    var keyColumns: [Column] = []
    for key in keys { keyColumns.append(try self.column(key)) }
    let grouping = keys.isEmpty ? Grouping(singleGroupOf: rowCount) : Grouping(keys: keyColumns)
    let ids = grouping.groupIDs
    let totals = Aggregator.sumLoop(
      values.values, values.validity, ids, groupCount: grouping.groupCount)
    var shares = ContiguousArray<Double>(repeating: 0, count: rowCount)
    var validity = values.validity ?? Bitmap(repeating: true, count: rowCount)
    for row in 0..<rowCount {
      let total = totals[Int(ids[row])]
      if total == 0 {
        validity[row] = false
      } else {
        shares[row] = values.values[row] / total * 100
      }
    }
    return withColumn(name, .double(DoubleColumn(values: shares, validity: validity)))
  }

  /// Folds small rows into one (`other P% [of C]`, the notebook's pie-chart rule).
  ///
  /// Rows whose `column` is below `percent` % of the column's total (a null value counts as 0)
  /// are removed and replaced by one row appended last: every string column that is not
  /// numeric reads `label`, other non-numeric columns are null, numeric columns hold the sum of
  /// the folded rows (null if all were null). Even a single small row is folded; when no row is
  /// below `percent`, or the total is not positive, the frame is returned unchanged.
  /// `column` defaults to the last numeric column.
  ///
  /// ```swift
  /// let pie = try perProject.other(percent: 5, of: "num_model_requests")
  /// ```
  /// - Throws: `FrameError.unknownColumn`, `.typeMismatch` when there is no numeric column,
  ///   `.overflow` when an int sum overflows.
  public func other(percent: Double, of column: String? = nil, label: String = "Other")
    throws(FrameError) -> Frame
  {
    guard let name = column ?? names.last(where: { self[$0]?.kind.isNumeric ?? false }) else {
      throw .typeMismatch("'other' needs a numeric column")
    }
    guard case .double(let values) = try self.column(name).converted(toNumeric: name, verb: "fold")
    else {
      throw .typeMismatch("cannot fold '\(name)'")
    }
    var total = 0.0
    for row in 0..<rowCount where values.isValid(row) { total += values.values[row] }
    guard total > 0 else { return self }
    let small = Bitmap(
      (0..<rowCount).lazy.map { row in
        (values.isValid(row) ? values.values[row] : 0) / total * 100 < percent
      })
    if small.setCount == 0 { return self }
    let kept = gather((~small).setIndices())
    let folded = gather(small.setIndices())
    let sums = try folded.aggregate(
      folded.pairs.filter { $0.1.kind.isNumeric }.map { Aggregate(.sum, $0.0, as: $0.0) }, by: [])
    let otherRow = Frame(
      unchecked: folded.pairs.map { name, column in
        if column.kind.isNumeric, let sum = sums[name] { return (name, sum) }
        if column.kind == .string { return (name, Column.constant(.string(label), count: 1)) }
        return (name, Column.nulls(column.kind, count: 1))
      })
    return try Frame.concatenate([kept, otherRow])
  }
}
