/// Rows assigned to groups: one dense `UInt32` id per row, ids numbered in first-seen order.
///
/// Built from 1…n key columns of any kind; a null key is a group of its own, and NaN
/// equals NaN, `-0.0` equals `0.0`. One string key remaps dictionary codes through an
/// array (no hashing); several keys are combined pairwise, through an array when the product of
/// their group counts is small and through a hash of packed `UInt64` pairs otherwise.
///
/// ```swift
/// let grouping = Grouping(keys: [frame["model"]!, frame["project_id"]!])
/// grouping.groupCount        // distinct (model, project_id) pairs
/// grouping.groupIDs[row]     // the group of `row`
/// ```
public struct Grouping: Sendable {
  /// The group of each row, `0..<groupCount`.
  public let groupIDs: ContiguousArray<UInt32>
  /// The first row of each group, ascending (group `g` was first seen at `firstRows[g]`).
  public let firstRows: ContiguousArray<Int>

  /// The number of groups.
  public var groupCount: Int { firstRows.count }

  /// Groups the rows by the values of `keys` (at least one, all of one length); use
  /// `init(singleGroupOf:)` when there are no keys.
  public init(keys: [Column]) {
    guard let first = keys.first else {
      preconditionFailure("no key columns: use init(singleGroupOf:)")
    }
    precondition(keys.allSatisfy { $0.count == first.count }, "key lengths differ")
    // One sorted time or int key (bucket, load output): run numbers are the group ids.
    if keys.count == 1, case .int(let numbers) = first, numbers.validity == nil,
      let runs = Grouping.sortedRuns(numbers.values)
    {
      (groupIDs, firstRows) = Grouping.runStarts(runs.codes, runCount: runs.cardinality)
      return
    }
    if keys.count == 1, case .time(let numbers) = first, numbers.validity == nil,
      let runs = Grouping.sortedRuns(numbers.values)
    {
      (groupIDs, firstRows) = Grouping.runStarts(runs.codes, runCount: runs.cardinality)
      return
    }
    if let (ids, firstRows) = Grouping.fused(keys) {
      self.groupIDs = ids
      self.firstRows = firstRows
      return
    }
    var (ids, firstRows) = Grouping.denseCodes(first)
    for key in keys.dropFirst() {
      let (codes, rows) = Grouping.denseCodes(key)
      (ids, firstRows) = Grouping.combine(
        ids, cardinality: firstRows.count, codes, cardinality: rows.count)
    }
    self.groupIDs = ids
    self.firstRows = firstRows
  }

  /// Every one of `rowCount` rows in group 0 (no keys).
  public init(singleGroupOf rowCount: Int) {
    groupIDs = ContiguousArray(repeating: 0, count: rowCount)
    firstRows = rowCount == 0 ? [] : [0]
  }

  init(groupIDs: ContiguousArray<UInt32>, firstRows: ContiguousArray<Int>) {
    self.groupIDs = groupIDs
    self.firstRows = firstRows
  }

  // MARK: - Fused keys

  /// Group ids in one pass when every key has small codes (dictionary codes, bools, small-range
  /// or sorted ints) whose product is small: the packed code indexes one table.
  static func fused(_ keys: [Column]) -> (ContiguousArray<UInt32>, ContiguousArray<Int>)? {
    var raws: [(codes: ContiguousArray<UInt32>, cardinality: Int)] = []
    var product = 1
    for key in keys {
      guard let raw = rawCodes(key) else { return nil }
      let (next, overflow) = product.multipliedReportingOverflow(by: Swift.max(raw.cardinality, 1))
      guard !overflow else { return nil }
      product = next
      raws.append(raw)
    }
    guard product <= Swift.max(1 << 16, Swift.min(1 << 22, 2 * keys[0].count)) else { return nil }
    switch raws.count {
    case 1: return dense(raws[0].codes, validity: nil, tableSize: raws[0].cardinality)
    case 2:
      return densePairs(
        raws[0].codes, raws[1].codes, width: UInt32(raws[1].cardinality), tableSize: product)
    default:
      var packed = raws[0].codes
      for raw in raws.dropFirst() {
        let width = UInt32(raw.cardinality)
        for index in packed.indices { packed[index] = packed[index] &* width &+ raw.codes[index] }
      }
      return dense(packed, validity: nil, tableSize: product)
    }
  }

  /// Codes `< cardinality` per row whose equality is the key's (null its own code), without
  /// hashing; nil when the column needs a hash (doubles, wide-ranging ints).
  static func rawCodes(_ column: Column) -> (codes: ContiguousArray<UInt32>, cardinality: Int)? {
    switch column {
    case .string(let strings):
      guard let validity = strings.validity else {
        return (strings.codes, strings.dictionary.count)
      }
      let nullCode = UInt32(strings.dictionary.count)
      var codes = strings.codes
      for index in codes.indices where !validity[index] { codes[index] = nullCode }
      return (codes, strings.dictionary.count + 1)
    case .bool(let flags):
      let codes = (0..<flags.count).lazy.map { index in
        flags.isValid(index) ? UInt32(flags.bits[index] ? 1 : 0) : 2
      }
      return (ContiguousArray(codes), 3)
    case .int(let numbers), .time(let numbers):
      if numbers.validity == nil, let runs = sortedRuns(numbers.values) { return runs }
      guard let (codes, size) = smallRangeCodes(numbers) else { return nil }
      guard let validity = numbers.validity else { return (codes, size) }
      var withNulls = codes
      for index in withNulls.indices where !validity[index] { withNulls[index] = UInt32(size) }
      return (withNulls, size + 1)
    case .double:
      return nil
    }
  }

  // MARK: - One key at a time

  /// Dense first-seen codes of one column.
  static func denseCodes(_ column: Column) -> (ContiguousArray<UInt32>, ContiguousArray<Int>) {
    switch column {
    case .string(let strings):
      return dense(strings.codes, validity: strings.validity, tableSize: strings.dictionary.count)
    case .bool(let flags):
      let codes = ContiguousArray((0..<flags.count).lazy.map { UInt32(flags.bits[$0] ? 1 : 0) })
      return dense(codes, validity: flags.validity, tableSize: 2)
    case .int(let numbers), .time(let numbers):
      if numbers.validity == nil, let runs = sortedRuns(numbers.values) {
        return dense(runs.codes, validity: nil, tableSize: runs.cardinality)
      }
      if let (codes, size) = smallRangeCodes(numbers) {
        return dense(codes, validity: numbers.validity, tableSize: size)
      }
      return hashed(
        ContiguousArray(numbers.values.lazy.map { UInt64(bitPattern: $0) }),
        validity: numbers.validity)
    case .double(let numbers):
      let keys = numbers.values.lazy.map { value -> UInt64 in
        value.isNaN ? Double.nan.bitPattern : (value == 0 ? 0 : value.bitPattern)
      }
      return hashed(ContiguousArray(keys), validity: numbers.validity)
    }
  }

  /// Ints spanning a small range become offsets from their minimum, for the array path.
  static func smallRangeCodes(_ numbers: IntColumn) -> (ContiguousArray<UInt32>, Int)? {
    guard !numbers.values.isEmpty else { return nil }
    var low = Int64.max
    var high = Int64.min
    for index in 0..<numbers.count where numbers.isValid(index) {
      low = Swift.min(low, numbers.values[index])
      high = Swift.max(high, numbers.values[index])
    }
    guard low <= high else { return (ContiguousArray(repeating: 0, count: numbers.count), 1) }
    let (span, overflow) = high.subtractingReportingOverflow(low)
    guard !overflow, span < Swift.min(1 << 24, 2 * Int64(numbers.count) + 1_024) else { return nil }
    let codes = numbers.values.lazy.map { UInt32(truncatingIfNeeded: $0 &- low) }
    return (ContiguousArray(codes), Int(span) + 1)
  }

  /// First-seen dense ids of `codes` (each `< tableSize`); null rows form one more group.
  static func dense(_ codes: ContiguousArray<UInt32>, validity: Bitmap?, tableSize: Int)
    -> (ContiguousArray<UInt32>, ContiguousArray<Int>)
  {
    denseLoop(codes, validity: validity, tableSize: tableSize)
  }

  /// First-seen dense ids of 64-bit keys through a hash table; consecutive equal keys (sorted
  /// time columns) skip the lookup.
  static func hashed(_ keys: ContiguousArray<UInt64>, validity: Bitmap?)
    -> (ContiguousArray<UInt32>, ContiguousArray<Int>)
  {
    var lookup: [UInt64: UInt32] = [:]
    var ids = ContiguousArray<UInt32>(repeating: 0, count: keys.count)
    var firstRows = ContiguousArray<Int>()
    var nullID: UInt32 = .max
    var lastKey: UInt64 = 0
    var lastID: UInt32 = .max
    for index in 0..<keys.count {
      if let validity, !validity[index] {
        if nullID == .max {
          nullID = UInt32(firstRows.count)
          firstRows.append(index)
        }
        ids[index] = nullID
        continue
      }
      let key = keys[index]
      if key == lastKey, lastID != .max {
        ids[index] = lastID
        continue
      }
      let id: UInt32
      if let existing = lookup[key] {
        id = existing
      } else {
        id = UInt32(firstRows.count)
        lookup[key] = id
        firstRows.append(index)
      }
      lastKey = key
      lastID = id
      ids[index] = id
    }
    return (ids, firstRows)
  }

  /// Dense ids of the pairs `(left[i], right[i])`.
  static func combine(
    _ left: ContiguousArray<UInt32>, cardinality leftCount: Int,
    _ right: ContiguousArray<UInt32>, cardinality rightCount: Int
  ) -> (ContiguousArray<UInt32>, ContiguousArray<Int>) {
    let product = leftCount * rightCount
    if product <= Swift.max(1 << 16, Swift.min(1 << 22, 2 * left.count)) {
      var packed = ContiguousArray<UInt32>(repeating: 0, count: left.count)
      let width = UInt32(rightCount)
      for index in 0..<left.count { packed[index] = left[index] &* width &+ right[index] }
      return dense(packed, validity: nil, tableSize: product)
    }
    let keys = ContiguousArray(zip(left, right).lazy.map { UInt64($0) << 32 | UInt64($1) })
    return hashed(keys, validity: nil)
  }
}
