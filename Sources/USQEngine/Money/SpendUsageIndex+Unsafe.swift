extension SpendUsageIndex {
  /// The rows of each group, group by group (a counting sort): `members[offsets[g]..<offsets[g
  /// + 1]]` are the rows of group `g`, ascending.
  static func members(_ groups: RowGroups) -> (ContiguousArray<Int>, ContiguousArray<Int32>) {
    var offsets = ContiguousArray<Int>(repeating: 0, count: groups.count + 1)
    var next = ContiguousArray<Int>()
    let members = ContiguousArray<Int32>(unsafeUninitializedCapacity: groups.ids.count) {
      members, count in
      groups.ids.withUnsafeBufferPointer { ids in
        offsets.withUnsafeMutableBufferPointer { offsets in
          for id in ids { offsets[Int(id) + 1] &+= 1 }
          for group in 0..<groups.count { offsets[group + 1] &+= offsets[group] }
        }
        next = offsets
        next.withUnsafeMutableBufferPointer { next in
          for row in 0..<ids.count {
            let id = Int(ids[row])
            members.initializeElement(at: next[id], to: Int32(truncatingIfNeeded: row))
            next[id] &+= 1
          }
        }
      }
      count = groups.ids.count
    }
    return (offsets, members)
  }
}
