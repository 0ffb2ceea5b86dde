import USQFrame

/// The usage rows of `load spend`, indexed for matching line items: rows grouped into *cells*
/// (day, project, model, batch, service_tier and the requested group keys), each cell's quantity
/// per line-item kind, and the cells of every (day, project, model, tier) a line item can name.
///
/// Built once per statement; the costs rows then look cells up without touching usage rows
/// again (the per-row work is three `Grouping`s and one pass per quantity field).
struct SpendUsageIndex {
  /// What a line item is matched on (LANGUAGE.md contract v2).
  struct MatchKey: Hashable {
    var day: Int64
    var project: String?
    var model: String
    var tier: String
  }

  /// One usage frame's cells.
  struct Part {
    /// Quantity of each cell per kind (`LineItemKind.allCases` order); `nil` when the endpoint
    /// never bills that kind.
    var quantities: [ContiguousArray<Int64>?]
    /// The global tuple (group-key values) of each cell.
    var tupleOfCell: ContiguousArray<Int32>
    /// The cells of each match group: `cells[offsets[m]..<offsets[m + 1]]`.
    var offsets: ContiguousArray<Int>
    var cells: ContiguousArray<Int32>
  }

  var parts: [Part] = []
  /// Match key → (part, match group) pairs.
  var index: [MatchKey: [(part: Int, group: Int)]] = [:]
  /// The distinct group-key tuples over all parts: their values as one frame (one row each, plus
  /// a last all-null row for unattributed line items), and each tuple's rank in ascending order.
  var tuples: Frame
  var tupleRanks: ContiguousArray<Int32>

  /// Indexes `usage` (endpoint name and its frame) for the group keys `groupKeys`, whose kinds
  /// are `keyKinds`.
  init(usage: [(endpoint: String, frame: Frame)], groupKeys: [String], keyKinds: [ColumnKind]) {
    var tupleIDs: [[Value]: Int32] = [:]
    var builders = keyKinds.map(ColumnBuilder.init(kind:))
    for (endpoint, frame) in usage where frame.rowCount > 0 {
      let rows = frame.rowCount
      let days = Self.days(frame["start_time"], rows: rows)
      let matchColumns =
        [days]
        + ["project_id", "model", "batch", "service_tier"].compactMap {
          frame[$0]
        }
      let matching = Grouping(keys: matchColumns)
      let keyColumns = groupKeys.compactMap { frame[$0] }
      let tupling =
        keyColumns.isEmpty ? Grouping(singleGroupOf: rows) : Grouping(keys: keyColumns)
      let cellling = Grouping(keys: [
        .int(IntColumn(values: ContiguousArray(matching.groupIDs.lazy.map { Int64($0) }))),
        .int(IntColumn(values: ContiguousArray(tupling.groupIDs.lazy.map { Int64($0) }))),
      ])
      // Global tuple ids, by value, so that tuples from several frames and match groups merge.
      var tupleOfLocal = ContiguousArray<Int32>(repeating: 0, count: tupling.groupCount)
      for (local, row) in tupling.firstRows.enumerated() {
        let values = groupKeys.map { frame[$0]?[row] ?? .null }
        if let id = tupleIDs[values] {
          tupleOfLocal[local] = id
        } else {
          let id = Int32(tupleIDs.count)
          tupleIDs[values] = id
          tupleOfLocal[local] = id
          for (index, value) in values.enumerated() { builders[index].append(value) }
        }
      }
      let partIndex = parts.count
      parts.append(
        Self.part(
          endpoint: endpoint, frame: frame, matching: matching, tupling: tupling,
          cells: cellling, tupleOfLocal: tupleOfLocal))
      for (group, row) in matching.firstRows.enumerated() {
        guard case .string(let model) = frame["model"]?[row] ?? .null else { continue }
        let day = days[row]
        let project: String? =
          if case .string(let id) = frame["project_id"]?[row] ?? .null { id } else { nil }
        let batch: Bool? =
          if case .bool(let flag) = frame["batch"]?[row] ?? .null { flag } else { nil }
        let service: String? =
          if case .string(let tier) = frame["service_tier"]?[row] ?? .null { tier } else { nil }
        let tier = UsageMatch.tier(batch: batch, serviceTier: service)
        for name in UsageMatch.models(model) {
          guard case .time(let start) = day else { continue }
          index[MatchKey(day: start, project: project, model: name, tier: tier), default: []]
            .append((partIndex, group))
        }
      }
    }
    for index in builders.indices { builders[index].appendNull() }
    tuples = Frame(unchecked: zip(groupKeys, builders.map { $0.finish() }).map { ($0, $1) })
    let count = tuples.rowCount
    let order = Column.sortPermutation(tuples.columns.map { ($0, false) }, count: count)
    tupleRanks = ContiguousArray(repeating: 0, count: count)
    for (rank, tuple) in order.enumerated() { tupleRanks[tuple] = Int32(rank) }
  }

  /// Row `start_time`s floored to the UTC day, as a time column (nulls kept).
  private static func days(_ column: Column?, rows: Int) -> Column {
    guard case .time(let times)? = column else { return .nulls(.time, count: rows) }
    var values = times.values
    for row in values.indices { values[row] = TimeBucket.day.floor(values[row]) }
    return .time(TimeColumn(values: values, validity: times.validity))
  }

  private static func part(
    endpoint: String, frame: Frame, matching: Grouping, tupling: Grouping, cells: Grouping,
    tupleOfLocal: ContiguousArray<Int32>
  ) -> Part {
    let cellCount = cells.groupCount
    let quantities = LineItemKind.allCases.map { kind -> ContiguousArray<Int64>? in
      let fields = kind.quantityFields(endpoint: endpoint)
      guard !fields.isEmpty else { return nil }
      var sums = ContiguousArray<Int64>(repeating: 0, count: cellCount)
      for field in fields {
        guard case .int(let numbers)? = frame[field] else { continue }
        Self.add(numbers, into: &sums, cells: cells.groupIDs)
      }
      return sums
    }
    var tupleOfCell = ContiguousArray<Int32>(repeating: 0, count: cellCount)
    var groupOfCell = ContiguousArray<Int>(repeating: 0, count: cellCount)
    var offsets = ContiguousArray<Int>(repeating: 0, count: matching.groupCount + 1)
    for (cell, row) in cells.firstRows.enumerated() {
      tupleOfCell[cell] = tupleOfLocal[Int(tupling.groupIDs[row])]
      let group = Int(matching.groupIDs[row])
      groupOfCell[cell] = group
      offsets[group + 1] += 1
    }
    for group in 0..<matching.groupCount { offsets[group + 1] += offsets[group] }
    var next = offsets
    var members = ContiguousArray<Int32>(repeating: 0, count: cellCount)
    for cell in 0..<cellCount {
      let group = groupOfCell[cell]
      members[next[group]] = Int32(cell)
      next[group] += 1
    }
    return Part(
      quantities: quantities, tupleOfCell: tupleOfCell, offsets: offsets, cells: members)
  }

  /// Adds the valid values of `numbers` into their cells' sums (negative quantities count as 0:
  /// a share is never negative).
  private static func add(
    _ numbers: IntColumn, into sums: inout ContiguousArray<Int64>, cells: ContiguousArray<UInt32>
  ) {
    numbers.values.withUnsafeBufferPointer { values in
      cells.withUnsafeBufferPointer { cellOf in
        sums.withUnsafeMutableBufferPointer { sums in
          if let validity = numbers.validity {
            for row in 0..<values.count where validity[row] {
              sums[Int(cellOf[row])] &+= max(values[row], 0)
            }
          } else {
            for row in 0..<values.count { sums[Int(cellOf[row])] &+= max(values[row], 0) }
          }
        }
      }
    }
  }
}
