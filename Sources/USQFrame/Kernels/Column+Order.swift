/// Whether `lhs` sorts before `rhs` comparing their UTF-8 bytes (the order of
/// LANGUAGE.md "Ordering": strings by UTF-8 bytes, not by Unicode collation).
@inlinable
public func utf8Precedes(_ lhs: String, _ rhs: String) -> Bool {
  lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}

/// Whether two strings hold the same UTF-8 bytes.
@inlinable
public func utf8Equal(_ lhs: String, _ rhs: String) -> Bool {
  lhs.utf8.elementsEqual(rhs.utf8)
}

extension StringColumn {
  /// The rank of each dictionary entry when the entries are sorted by UTF-8 bytes:
  /// `ranks[code] < ranks[other]` exactly when the first string sorts first.
  public func dictionaryRanks() -> ContiguousArray<UInt32> {
    let order = dictionary.indices.sorted { utf8Precedes(dictionary[$0], dictionary[$1]) }
    var ranks = ContiguousArray<UInt32>(repeating: 0, count: dictionary.count)
    var rank: UInt32 = 0
    for (position, code) in order.enumerated() {
      if position > 0, !utf8Equal(dictionary[order[position - 1]], dictionary[code]) { rank += 1 }
      ranks[code] = rank
    }
    return ranks
  }
}

/// Order-preserving encodings of values as `UInt64`, for sorting and min/max.
enum OrderKey {
  static let signBit: UInt64 = 1 << 63

  /// `Int64` → `UInt64` with the same order.
  @inline(__always)
  static func of(_ value: Int64) -> UInt64 { UInt64(bitPattern: value) ^ signBit }

  /// `Double` → `UInt64` with the same order for numbers; `-0.0` equals `0.0`, and every NaN
  /// sorts after `+infinity` (and equals every other NaN).
  @inline(__always)
  static func of(_ value: Double) -> UInt64 {
    if value.isNaN { return UInt64.max }
    let bits = (value == 0 ? 0.0 : value).bitPattern
    return bits & signBit != 0 ? ~bits : bits | signBit
  }
}

extension Column {
  /// One order-preserving key per row: `keys[i] < keys[j]` exactly when row `i` sorts before
  /// row `j` ascending (numbers numerically, strings by UTF-8 bytes, false < true, times
  /// chronologically, NaN after every number). Null rows get key 0; check `validity`.
  public func orderKeys() -> ContiguousArray<UInt64> {
    switch self {
    case .int(let column), .time(let column):
      return ContiguousArray(column.values.lazy.map { OrderKey.of($0) })
    case .double(let column):
      return ContiguousArray(column.values.lazy.map { OrderKey.of($0) })
    case .bool(let column):
      var keys = ContiguousArray<UInt64>(repeating: 0, count: column.count)
      for index in 0..<column.count where column.bits[index] { keys[index] = 1 }
      return keys
    case .string(let column):
      let ranks = column.dictionaryRanks()
      if ranks.isEmpty { return ContiguousArray(repeating: 0, count: column.count) }
      return ContiguousArray(column.codes.lazy.map { UInt64(ranks[Int($0)]) })
    }
  }
}

extension Value {
  /// Compares two values in the order of LANGUAGE.md "Ordering" (null last, ints and doubles
  /// numerically together, strings by UTF-8 bytes). For edges and tests, not per-row loops.
  public static func ascending(_ lhs: Value, _ rhs: Value) -> Bool {
    switch (lhs, rhs) {
    case (.null, _): return false
    case (_, .null): return true
    case (.string(let left), .string(let right)): return utf8Precedes(left, right)
    case (.bool(let left), .bool(let right)): return !left && right
    case (.int(let left), .int(let right)), (.time(let left), .time(let right)):
      return left < right
    default:
      guard let left = lhs.doubleValue, let right = rhs.doubleValue else {
        return (lhs.kind?.rawValue ?? "") < (rhs.kind?.rawValue ?? "")
      }
      return OrderKey.of(left) < OrderKey.of(right)
    }
  }
}
