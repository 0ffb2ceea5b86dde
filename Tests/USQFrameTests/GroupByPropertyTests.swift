import Testing
import USQFrame

/// Group-by, aggregates, sort, top, head and tail against `Reference`.
@Suite struct GroupByPropertyTests {
  static let keySets: [[String]] = [
    [], ["key"], ["code"], ["flag"], ["start_time"], ["amount"], ["key", "code"],
    ["name", "flag", "key"],
    ["end_time", "name"],
  ]

  static let aggregates: [Aggregate] = [
    Aggregate(.sum, "tokens"), Aggregate(.sum, "amount"), Aggregate(.sum, "code"),
    Aggregate(.avg, "tokens"),
    Aggregate(.avg, "amount"), Aggregate(.min, "key"), Aggregate(.max, "key"),
    Aggregate(.min, "amount"),
    Aggregate(.max, "amount"), Aggregate(.min, "flag"), Aggregate(.max, "end_time"),
    Aggregate(.count),
    Aggregate(.count, "amount"), Aggregate(.distinct, "key"), Aggregate(.distinct, "amount"),
    Aggregate(.distinct, "flag"), Aggregate(.median, "tokens"), Aggregate(.p90, "amount"),
    Aggregate(.p99, "code"), Aggregate(.first, "name"), Aggregate(.last, "amount"),
    Aggregate(.last, "flag"),
  ]

  @Test(
    "aggregates by 0…3 keys match the reference, groups sorted by key", arguments: FrameCase.all)
  func groupBy(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let frame = generator.frame()
    let table = Table(frame)
    let keySets = testCase.isLarge ? [["key"], ["key", "code"], ["start_time"]] : Self.keySets
    for keys in keySets {
      let result = try frame.aggregate(Self.aggregates, by: keys)
      expectRows(
        result, Reference.aggregate(table, Self.aggregates, by: keys),
        "\(testCase.testDescription) by \(keys)")
    }
  }

  @Test(
    "int sums by one or two string keys (the one-pass path) match the reference",
    arguments: FrameCase.all)
  func sumsInOnePass(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let frame = generator.frame()
    let table = Table(frame)
    let sums = [
      Aggregate(.sum, "tokens", as: "tokens"), Aggregate(.sum, "code"),
      Aggregate(.sum, "tokens", as: "again"),
    ]
    for keys in [["key"], ["key", "name"], ["name"]] {
      for count in 1...3 {
        let aggregates = Array(sums.prefix(count))
        expectRows(
          try frame.aggregate(aggregates, by: keys),
          Reference.aggregate(table, aggregates, by: keys),
          "\(testCase.testDescription) sums \(count) by \(keys)")
      }
    }
    let huge = Frame(unchecked: [
      ("k", Column.from([.string("a"), .string("a")], kind: .string)),
      ("n", Column.from([.int(.max), .int(1)], kind: .int)),
    ])
    #expect(throws: FrameError.overflow(column: "n")) {
      try huge.aggregate([Aggregate(.sum, "n")], by: ["k"])
    }
  }

  @Test(
    "int sums by one sorted time or int key (the run path) match the reference",
    arguments: FrameCase.all)
  func sumsOverSortedRuns(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let unsorted = generator.frame()
    let sums = [
      Aggregate(.sum, "tokens", as: "tokens"), Aggregate(.sum, "code"),
      Aggregate(.sum, "tokens", as: "again"),
    ]
    for key in ["start_time", "code"] {
      let sorted = try unsorted.sorted(by: [SortKey(key)])
      for frame in [sorted, unsorted] {
        let table = Table(frame)
        for count in 1...3 {
          let aggregates = Array(sums.prefix(count))
          expectRows(
            try frame.aggregate(aggregates, by: [key]),
            Reference.aggregate(table, aggregates, by: [key]),
            "\(testCase.testDescription) sums \(count) by \(key)")
        }
      }
    }
    let huge = Frame(unchecked: [
      ("t", Column.from([.time(0), .time(0), .time(0), .time(0), .time(5)], kind: .time)),
      ("n", Column.from([.int(.max), .int(0), .int(0), .int(0), .int(1)], kind: .int)),
    ])
    let fits = try huge.aggregate([Aggregate(.sum, "n")], by: ["t"])
    #expect(fits.rows.map { $0.map(\.description) } == [["@0", "\(Int64.max)"], ["@5", "1"]])
    let overflowing = Frame(unchecked: [
      ("t", Column.from([.time(0), .time(0), .time(0), .time(0), .time(0)], kind: .time)),
      ("m", Column.from([.int(.max), .int(0), .int(0), .int(0), .int(1)], kind: .int)),
    ])
    #expect(throws: FrameError.overflow(column: "m")) {
      try overflowing.aggregate([Aggregate(.sum, "m")], by: ["t"])
    }
  }

  static let sortKeys: [[SortKey]] = [
    [SortKey("key")], [SortKey("amount", descending: true)],
    [SortKey("key"), SortKey("amount", descending: true)],
    [SortKey("flag"), SortKey("code", descending: true), SortKey("name")],
    [SortKey("start_time", descending: true)],
    [SortKey("end_time"), SortKey("tokens")],
  ]

  @Test(
    "sort is stable with nulls last; top keeps ties in order; head and tail",
    arguments: FrameCase.all)
  func ordering(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let frame = generator.frame()
    let table = Table(frame)
    for keys in testCase.subset(Self.sortKeys, 2) {
      expectRows(
        try frame.sorted(by: keys), Reference.sorted(table, by: keys),
        "\(testCase.testDescription) sort \(keys)")
    }
    for column in testCase.subset(["tokens", "amount", "key", "code", "flag"], 2) {
      let descending = Reference.sorted(table, by: [SortKey(column, descending: true)])
      for count in [0, 1, 3, 5, 64, 300] {
        let expected = Table(names: table.names, rows: Array(descending.rows.prefix(count)))
        expectRows(
          try frame.top(count, by: column), expected,
          "\(testCase.testDescription) top \(count) by \(column)")
      }
    }
    for count in [0, 1, 3, 5, 64, 300] {
      expectRows(
        frame.head(count), Table(names: table.names, rows: Array(table.rows.prefix(count))),
        "head \(count)")
      expectRows(
        frame.tail(count), Table(names: table.names, rows: Array(table.rows.suffix(count))),
        "tail \(count)")
    }
  }
}
