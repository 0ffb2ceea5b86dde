import Testing

@testable import USQFrame

@Suite struct FrameTests {
  @Test("a column built from values reads back the same values")
  func roundTrip() {
    let values: [Value] = [.string("a"), .null, .string("b"), .string("a")]
    let column = Column.from(values, kind: .string)
    #expect((0..<4).map { column[$0] } == values)
    #expect(column.nullCount == 1)
    guard case .string(let strings) = column else {
      Issue.record("not a string column")
      return
    }
    #expect(strings.dictionary == ["a", "b"])
  }

  @Test("concatenation merges string dictionaries and validity")
  func concatenate() throws {
    let first = Frame(unchecked: [
      ("model", Column.from([.string("x"), .string("y")], kind: .string)),
      ("n", Column.from([.int(1), .null], kind: .int)),
    ])
    let second = Frame(unchecked: [
      ("model", Column.from([.string("z"), .string("x")], kind: .string)),
      ("n", Column.from([.int(3), .int(4)], kind: .int)),
    ])
    let all = try Frame.concatenate([first, second])
    #expect(
      all.rows == [
        [.string("x"), .int(1)], [.string("y"), .null], [.string("z"), .int(3)],
        [.string("x"), .int(4)],
      ])
  }

  @Test("duplicate column names are rejected")
  func duplicates() {
    #expect(throws: FrameError.duplicateColumn("a")) {
      try Frame(validating: [
        ("a", Column.nulls(.int, count: 1)), ("a", Column.nulls(.int, count: 1)),
      ])
    }
  }
}
