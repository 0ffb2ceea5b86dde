/// The tier id of each usage row, computed once per (batch, service tier code) pair: the tier
/// name (`UsageRows.tier(row:)`) is built and looked up only the first time a pair is seen, not
/// once per match group.
struct UsageTierIDs {
  private let rows: UsageRows
  /// Ids by `flag × (tier codes + 1) + code` (flag: false 0, true 1, null 2; code: the service
  /// tier's dictionary code, null the last); `nil` until seen.
  private var ids: [Int32?]
  private let width: Int

  init(_ rows: UsageRows) {
    self.rows = rows
    width = (rows.tier?.dictionary.count ?? 0) + 1
    ids = Array(repeating: nil, count: 3 * width)
  }

  /// The id of `row`'s tier, numbering a new name with `naming`.
  mutating func id(row: Int, naming: (String?) -> Int32) -> Int32 {
    let flag = rows.batch.map { $0.isValid(row) ? ($0.bits[row] ? 1 : 0) : 2 } ?? 2
    let code = rows.tier.map { $0.isValid(row) ? Int($0.codes[row]) : width - 1 } ?? width - 1
    let slot = flag * width + code
    if let id = ids[slot] { return id }
    let id = naming(rows.tier(row: row))
    ids[slot] = id
    return id
  }
}
