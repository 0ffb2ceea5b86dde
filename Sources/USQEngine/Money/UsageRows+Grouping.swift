import USQFrame

extension UsageRows {
  /// The rows grouped by what a line item is matched on: day, project, model, batch and service
  /// tier. The keys are small codes (day offsets, dictionary codes, booleans), packed into one
  /// integer that indexes a table, so grouping is one pass; when the packed space is too large,
  /// `Grouping` over the columns does it.
  func matchGrouping() -> RowGroups {
    let radices = [
      dayOffsets.isEmpty ? 1 : Int(dayOffsets.max() ?? 0) + 2,
      (project?.dictionary.count ?? 0) + 1, (model?.dictionary.count ?? 0) + 1, 3,
      (tier?.dictionary.count ?? 0) + 1,
    ]
    var product = 1
    for radix in radices {
      let (next, overflow) = product.multipliedReportingOverflow(by: radix)
      guard !overflow, next <= 1 << 22 else { return fallbackGrouping() }
      product = next
    }
    var codes = ContiguousArray<Int>(repeating: 0, count: rowCount)
    Self.pack(days: dayOffsets, validity: dayValidity, radix: radices[0], into: &codes)
    Self.pack(project, radix: radices[1], into: &codes)
    Self.pack(model, radix: radices[2], into: &codes)
    Self.pack(batch, into: &codes)
    Self.pack(tier, radix: radices[4], into: &codes)
    return Self.dense(codes, tableSize: product)
  }

  private func fallbackGrouping() -> RowGroups {
    var keys: [Column] = [.int(IntColumn(values: dayOffsets, validity: dayValidity))]
    if let project { keys.append(.string(project)) }
    if let model { keys.append(.string(model)) }
    if let batch { keys.append(.bool(batch)) }
    if let tier { keys.append(.string(tier)) }
    let grouping = Grouping(keys: keys)
    return RowGroups(ids: grouping.groupIDs, firstRows: grouping.firstRows)
  }
}

/// Rows in groups: a dense id per row (first-seen order) and each group's first row.
struct RowGroups {
  var ids: ContiguousArray<UInt32>
  var firstRows: ContiguousArray<Int>

  var count: Int { firstRows.count }
}
