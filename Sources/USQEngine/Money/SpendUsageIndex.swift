import USQFrame

/// The usage rows of `load spend`, indexed for matching line items: each row's group-key tuple,
/// and the rows of every (day, project, model, tier) a line item can name.
///
/// Built once per statement with two groupings (the match keys packed into one table; the
/// group keys); the costs rows then visit only the rows of the match groups they name, reading
/// each row's quantity straight from its token columns.
struct SpendUsageIndex {
  /// What a line item is matched on (LANGUAGE.md contract v2), the names as `ids` of `names`
  /// (hashing four integers is cheaper than hashing three strings).
  struct MatchKey: Hashable {
    var day: Int64
    var project: Int32
    var model: Int32
    var tier: Int32
  }

  /// One usage frame, indexed.
  struct Part {
    var rows: UsageRows
    /// Each row's local tuple, and each local tuple's global rank (`tupleOfRank` maps it back).
    var localTuples: ContiguousArray<UInt32>
    var rankOfLocal: ContiguousArray<Int32>
    /// The rows of each match group: `members[offsets[m]..<offsets[m + 1]]`.
    var offsets: ContiguousArray<Int>
    var members: ContiguousArray<Int32>
  }

  var parts: [Part] = []
  /// Every project, model and tier name a usage row has, numbered (null: -1).
  var names: [String: Int32] = [:]
  /// Match key → (part, match group) pairs.
  var index: [MatchKey: [(part: Int, group: Int)]] = [:]
  /// The distinct group-key tuples over all parts: their values as one frame (one row each, plus
  /// a last all-null row for unattributed line items), and the tuple of each rank in ascending
  /// order (the parts number tuples by rank, so sorting shares is sorting integers).
  var tuples: Frame
  var tupleOfRank: ContiguousArray<Int32>

  /// Indexes `usage` (endpoint name and its frame) for the group keys `groupKeys`, whose kinds
  /// are `keyKinds`.
  init(usage: [(endpoint: String, frame: Frame)], groupKeys: [String], keyKinds: [ColumnKind]) {
    var tupleIDs: [[Value]: Int32] = [:]
    var builders = keyKinds.map(ColumnBuilder.init(kind:))
    for (endpoint, frame) in usage where frame.rowCount > 0 {
      let rows = UsageRows(endpoint: endpoint, frame: frame)
      let matching = rows.matchGrouping()
      let keyColumns = groupKeys.compactMap { frame[$0] }
      let tupling =
        keyColumns.isEmpty ? Grouping(singleGroupOf: rows.rowCount) : Grouping(keys: keyColumns)
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
      let (offsets, members) = Self.members(matching)
      Self.addKeys(of: rows, matching, part: parts.count, into: &index, names: &names)
      parts.append(
        Part(
          rows: rows, localTuples: tupling.groupIDs, rankOfLocal: tupleOfLocal, offsets: offsets,
          members: members))
    }
    for index in builders.indices { builders[index].appendNull() }
    tuples = Frame(unchecked: zip(groupKeys, builders.map { $0.finish() }).map { ($0, $1) })
    let count = tuples.rowCount
    let order = Column.sortPermutation(tuples.columns.map { ($0, false) }, count: count)
    var ranks = ContiguousArray<Int32>(repeating: 0, count: count)
    for (rank, tuple) in order.enumerated() { ranks[tuple] = Int32(rank) }
    tupleOfRank = ContiguousArray(order.lazy.map { Int32($0) })
    for part in parts.indices {
      for local in parts[part].rankOfLocal.indices {
        parts[part].rankOfLocal[local] = ranks[Int(parts[part].rankOfLocal[local])]
      }
    }
  }

  /// Indexes each match group of `rows` under the keys a line item can name it by (a fine-tune
  /// under its own name and `ft-BASE`); names are read once per dictionary entry.
  private static func addKeys(
    of rows: UsageRows, _ matching: RowGroups, part: Int,
    into index: inout [MatchKey: [(part: Int, group: Int)]], names: inout [String: Int32]
  ) {
    guard let model = rows.model else { return }
    func id(_ name: String?) -> Int32 {
      guard let name else { return -1 }
      if let id = names[name] { return id }
      let id = Int32(names.count)
      names[name] = id
      return id
    }
    let models = model.dictionary.map { UsageMatch.models($0).map(id) }
    let projects = rows.project?.dictionary.map(id) ?? []
    var tiers = UsageTierIDs(rows)
    for (group, row) in matching.firstRows.enumerated() {
      guard model.isValid(row), rows.dayValidity?[row] ?? true else { continue }
      let day = rows.firstDay + rows.dayOffsets[row] * 86_400
      let project = rows.project.map { $0.isValid(row) ? projects[Int($0.codes[row])] : -1 } ?? -1
      let tier = tiers.id(row: row, naming: id)
      for name in models[Int(model.codes[row])] {
        index[MatchKey(day: day, project: project, model: name, tier: tier), default: []]
          .append((part, group))
      }
    }
  }

  /// The key of a line item of `day` and `project`, or `nil` when no usage row has its names.
  func key(day: Int64, project: String?, item: LineItem) -> MatchKey? {
    guard let model = names[item.model], let tier = names[item.tier] else { return nil }
    var projectID: Int32 = -1
    if let project {
      guard let id = names[project] else { return nil }
      projectID = id
    }
    return MatchKey(day: day, project: projectID, model: model, tier: tier)
  }
}
