import Synchronization

/// Facts about a column's values worked out on first use and remembered: a stored frame is
/// queried again and again, and its columns never change (a copy shares the buffers and the
/// facts; changing a column in place drops them).
///
/// Today one fact: whether the values are sorted ascending with no nulls, which lets
/// `bucket(_:selecting:)` find bucket edges by binary search instead of reading every time.
final class ColumnFacts: Sendable {
  /// 0: not known yet, 1: sorted ascending without nulls, 2: not.
  private let sortedness = Atomic<UInt8>(0)

  /// The remembered answer, or `compute()`'s (then remembered).
  func isSorted(_ compute: () -> Bool) -> Bool {
    switch sortedness.load(ordering: .relaxed) {
    case 1: return true
    case 2: return false
    default:
      let sorted = compute()
      sortedness.store(sorted ? 1 : 2, ordering: .relaxed)
      return sorted
    }
  }
}

extension PrimitiveColumn where Element == Int64 {
  /// Whether the column has no nulls and its values never decrease; worked out once per
  /// column (one pass), then remembered.
  var isSortedWithoutNulls: Bool {
    let check = { () -> Bool in
      guard validity == nil else { return false }
      return values.withUnsafeBufferPointer { values in
        var isSorted = true
        var index = 1
        while index < values.count {
          isSorted = isSorted && values[index &- 1] <= values[index]
          index &+= 1
        }
        return isSorted
      }
    }
    return facts?.isSorted(check) ?? check()
  }
}
