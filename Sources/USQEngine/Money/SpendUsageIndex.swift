import USQFrame

/// The usage rows of `load spend`, indexed for matching line items: each row's quantity per
/// line-item kind and group-key tuple, and the rows of every (day, project, model, tier) a line
/// item can name.
///
/// Built once per statement with two `Grouping`s (the match keys, with the day as a small
/// integer so the keys pack into one table; the group keys) and one pass per quantity field;
/// the costs rows then visit only the rows of the match groups they name.
struct SpendUsageIndex {
  /// What a line item is matched on (LANGUAGE.md contract v2).
  struct MatchKey: Hashable {
    var day: Int64
    var project: String?
    var model: String
    var tier: String
  }

  /// One usage frame, indexed.
  struct Part {
    /// Quantity of each row per kind (`LineItemKind.allCases` order); `nil` when the endpoint
    /// never bills that kind.
    var quantities: [ContiguousArray<Int64>?]
    /// The global tuple (group-key values) of each row.
    var tupleOfRow: ContiguousArray<Int32>
    /// The rows of each match group: `rows[offsets[m]..<offsets[m + 1]]`.
    var offsets: ContiguousArray<Int>
    var rows: ContiguousArray<Int32>
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
      let (days, firstDay) = Self.days(frame["start_time"], rows: rows)
      let matchColumns =
        [days]
        + ["project_id", "model", "batch", "service_tier"].compactMap {
          frame[$0]
        }
      let matching = Grouping(keys: matchColumns)
      let keyColumns = groupKeys.compactMap { frame[$0] }
      let tupling =
        keyColumns.isEmpty ? Grouping(singleGroupOf: rows) : Grouping(keys: keyColumns)
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
          tupleOfLocal: tupleOfLocal))
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
          guard case .int(let offset) = day else { continue }
          let start = firstDay + offset * 86_400
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

  /// Each row's UTC day as a small integer (days after the first day, nulls kept), so the
  /// match keys pack into one table; and the first day (seconds since the epoch).
  private static func days(_ column: Column?, rows: Int) -> (Column, Int64) {
    guard case .time(let times)? = column else { return (.nulls(.int, count: rows), 0) }
    var first = Int64.max
    for row in 0..<rows where times.isValid(row) { first = min(first, times.values[row]) }
    let firstDay = TimeBucket.day.floor(first == .max ? 0 : first)
    var offsets = ContiguousArray<Int64>(repeating: 0, count: rows)
    times.values.withUnsafeBufferPointer { values in
      for row in 0..<rows { offsets[row] = (values[row] &- firstDay) / 86_400 }
    }
    return (.int(IntColumn(values: offsets, validity: times.validity)), firstDay)
  }

  private static func part(
    endpoint: String, frame: Frame, matching: Grouping, tupling: Grouping,
    tupleOfLocal: ContiguousArray<Int32>
  ) -> Part {
    let rowCount = frame.rowCount
    let quantities = LineItemKind.allCases.map { kind -> ContiguousArray<Int64>? in
      let fields = kind.quantityFields(endpoint: endpoint)
      guard !fields.isEmpty else { return nil }
      var sums = ContiguousArray<Int64>(repeating: 0, count: rowCount)
      for field in fields {
        guard case .int(let numbers)? = frame[field] else { continue }
        Self.add(numbers, into: &sums)
      }
      return sums
    }
    var tupleOfRow = ContiguousArray<Int32>(repeating: 0, count: rowCount)
    var offsets = ContiguousArray<Int>(repeating: 0, count: matching.groupCount + 1)
    for row in 0..<rowCount {
      tupleOfRow[row] = tupleOfLocal[Int(tupling.groupIDs[row])]
      offsets[Int(matching.groupIDs[row]) + 1] += 1
    }
    for group in 0..<matching.groupCount { offsets[group + 1] += offsets[group] }
    var next = offsets
    var members = ContiguousArray<Int32>(repeating: 0, count: rowCount)
    for row in 0..<rowCount {
      let group = Int(matching.groupIDs[row])
      members[next[group]] = Int32(row)
      next[group] += 1
    }
    return Part(quantities: quantities, tupleOfRow: tupleOfRow, offsets: offsets, rows: members)
  }

  /// Adds the valid values of `numbers` into `sums`, row by row (negative quantities count as
  /// 0: a share is never negative).
  private static func add(_ numbers: IntColumn, into sums: inout ContiguousArray<Int64>) {
    numbers.values.withUnsafeBufferPointer { values in
      sums.withUnsafeMutableBufferPointer { sums in
        if let validity = numbers.validity {
          for row in 0..<values.count where validity[row] { sums[row] &+= max(values[row], 0) }
        } else {
          for row in 0..<values.count { sums[row] &+= max(values[row], 0) }
        }
      }
    }
  }
}
