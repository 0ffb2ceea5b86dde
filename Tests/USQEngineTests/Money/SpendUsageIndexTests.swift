import Testing
import USQBasics

@testable import USQEngine

@Suite struct SpendUsageIndexTests {
  @Test("the unsafe counting sort lists each group's rows ascending, as filtering row by row does")
  func membersMatchNaive() {
    var random = SeededGenerator(seed: 42)
    for _ in 0..<50 {
      let groupCount = Int(random.next() % 20) + 1
      let rowCount = Int(random.next() % 300)
      var ids = ContiguousArray<UInt32>()
      var firstRows = ContiguousArray<Int>()
      for row in 0..<rowCount {
        // First-seen ids, as RowGroups numbers them.
        let id = UInt32(random.next() % UInt64(min(firstRows.count + 1, groupCount)))
        if Int(id) == firstRows.count { firstRows.append(row) }
        ids.append(id)
      }
      let (offsets, members) = SpendUsageIndex.members(RowGroups(ids: ids, firstRows: firstRows))
      #expect(offsets.count == firstRows.count + 1)
      for group in firstRows.indices {
        let naive = ids.indices.filter { ids[$0] == UInt32(group) }.map(Int32.init)
        #expect(Array(members[offsets[group]..<offsets[group + 1]]) == naive)
      }
    }
  }
}
