import Testing

@testable import USQFrame

/// What a column remembers about its values, and that a change in place forgets it.
@Suite struct ColumnFactsTests {
  @Test("sortedness is worked out once, shared by copies and dropped on change")
  func sortedness() {
    var column = TimeColumn(values: [1, 2, 2, 5])
    #expect(column.isSortedWithoutNulls)
    let copy = column
    column.values[0] = 9
    #expect(!column.isSortedWithoutNulls)
    #expect(copy.isSortedWithoutNulls)
    column.values[0] = 0
    #expect(column.isSortedWithoutNulls)
    column.validity = Bitmap([true, false, true, true])
    #expect(!column.isSortedWithoutNulls)
    #expect(TimeColumn(values: []).isSortedWithoutNulls)
    #expect(!TimeColumn(values: [3, 1]).isSortedWithoutNulls)
  }

  @Test("bucket over a selection of a column changed in place after it was found sorted")
  func changedAfterSorted() throws {
    var times = TimeColumn(values: [0, 100_000, 200_000])
    #expect(times.isSortedWithoutNulls)
    times.values[2] = 1
    let frame = Frame(unchecked: [
      ("start_time", .time(times)), ("n", .int(IntColumn(values: [1, 2, 4]))),
    ])
    let all = BoolColumn(bits: Bitmap(repeating: true, count: 3))
    #expect(
      try frame.bucket(.day, selecting: all).rows == [
        [.time(0), .int(5)], [.time(86_400), .int(2)],
      ]
    )
  }
}
