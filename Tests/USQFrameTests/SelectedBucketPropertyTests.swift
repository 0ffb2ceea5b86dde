import Testing
import USQBasics
import USQFrame

/// `bucket(_:selecting:)` (where → bucket without the filtered frame) against filtering first
/// and against the naive reference.
@Suite struct SelectedBucketPropertyTests {
  /// A mask over `count` rows: mostly `ratio` true, some nulls when `withNulls`.
  static func mask(
    _ count: Int, ratio: Double, withNulls: Bool, _ random: inout SeededGenerator
  ) -> BoolColumn {
    let values = (0..<count).map { _ -> Value in
      if withNulls, Double.random(in: 0..<1, using: &random) < 0.2 { return .null }
      return .bool(Double.random(in: 0..<1, using: &random) < ratio)
    }
    guard case .bool(let column) = Column.from(values, kind: .bool) else {
      Issue.record("not a bool column")
      return BoolColumn(bits: Bitmap(repeating: false, count: count))
    }
    return column
  }

  @Test(
    "bucket over selected rows equals filter then bucket and the reference",
    arguments: FrameCase.small)
  func selectedBucket(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let full = generator.frame()
    var random = SeededGenerator(seed: testCase.seed ^ 0xB0C4)
    let sorted = try full.sorted(by: [SortKey("start_time")])
    let shapes = [
      try sorted.select(["start_time", "tokens", "end_time", "code"]),
      try sorted.select(["start_time", "end_time"]),
      try full.select(["start_time", "tokens"]),  // unsorted: only a selection may be sorted
      sorted,  // group columns: the filter-then-bucket path
      // Three summed columns: the third is summed in a pass of its own.
      try sorted.select(["start_time", "code", "tokens"]).withColumn(
        "again", try sorted.column("code")),
    ]
    for (shape, frame) in shapes.enumerated() {
      for ratio in [0.0, 0.05, 0.3, 0.9, 1.0] {
        for withNulls in [false, true] {
          let selection = Self.mask(frame.rowCount, ratio: ratio, withNulls: withNulls, &random)
          let context =
            "\(testCase.testDescription) shape \(shape) ratio \(ratio) nulls \(withNulls)"
          for width in [TimeBucket.hour, .day, .month, .seconds(7_200)] {
            let filtered = frame.filter(selection)
            let result = try frame.bucket(width, selecting: selection)
            if frame["again"] == nil {  // the reference knows the generator's columns only
              let expected = ReshapePropertyTests.referenceBucket(Table(filtered), width)
              expectRows(result, expected, "\(context) bucket \(width)")
            }
            expectRows(result, Table(try filtered.bucket(width)), "\(context) \(width) filtered")
          }
        }
      }
    }
  }

  static let conditions: [RowCondition] = [
    RowCondition([.init(column: "key", value: .string("gpt-4o"))]),
    RowCondition([.init(column: "key", value: .string("not a key"))]),
    RowCondition([.init(column: "name", value: .string(""))]),
    RowCondition([.init(column: "flag", value: .bool(true))]),
    RowCondition([
      .init(column: "flag", value: .bool(false)), .init(column: "key", value: .string("o1")),
    ]),
    RowCondition([]),
  ]

  @Test(
    "bucket testing a condition as it sums equals bucket over the condition's mask",
    arguments: FrameCase.small)
  func conditionBucket(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let full = generator.frame()
    let sorted = try full.sorted(by: [SortKey("start_time")])
    for tested in [sorted, full] {
      // A summed column without nulls even where the tested columns have some.
      let numbers = Column.int(
        IntColumn(values: ContiguousArray((0..<tested.rowCount).map(Int64.init))))
      let shapes = [
        try tested.select(["start_time"]).withColumn("n", numbers),
        try tested.select(["start_time", "tokens"]),
        try tested.select(["code", "start_time", "tokens"]),
        try tested.select(["start_time", "end_time", "tokens"]),  // end_time: the mask path
      ]
      for (shape, frame) in shapes.enumerated() {
        for (number, condition) in Self.conditions.enumerated() {
          let mask = try tested.mask(condition)
          let context = "\(testCase.testDescription) shape \(shape) condition \(number)"
          for width in [TimeBucket.hour, .day, .month] {
            let expected = try frame.filter(mask).bucket(width)
            expectRows(
              try frame.bucket(width, where: condition, in: tested), Table(expected),
              "\(context) \(width)")
          }
        }
      }
    }
  }

  @Test("a condition's mask is the rows where each equality holds")
  func conditionMask() throws {
    let frame = Frame(unchecked: [
      ("model", Column.from([.string("a"), .string("b"), .null, .string("a")], kind: .string)),
      ("batch", Column.from([.bool(false), .bool(false), .bool(false), .null], kind: .bool)),
    ])
    let condition = RowCondition([
      .init(column: "model", value: .string("a")), .init(column: "batch", value: .bool(false)),
    ])
    #expect(try frame.mask(condition).trueBits == Bitmap([true, false, false, false]))
  }

  @Test("bucket over selected rows reports an int overflow as bucket does")
  func overflow() throws {
    let frame = Frame(unchecked: [
      ("start_time", .time(TimeColumn(values: [0, 10, 20]))),
      ("n", .int(IntColumn(values: [.max, 1, 5]))),
    ])
    let all = BoolColumn(bits: Bitmap(repeating: true, count: 3))
    #expect(throws: FrameError.overflow(column: "n")) { try frame.bucket(.day, selecting: all) }
    let firstAndLast = BoolColumn(bits: Bitmap([true, false, true]))
    #expect(throws: FrameError.overflow(column: "n")) {
      try frame.bucket(.day, selecting: firstAndLast)
    }
    let lastTwo = BoolColumn(bits: Bitmap([false, true, true]))
    #expect(try frame.bucket(.day, selecting: lastTwo).rows == [[.time(0), .int(6)]])
  }

  @Test("selected rows out of time order, with the rest in order, take the general path")
  func unsortedSelection() throws {
    let frame = Frame(unchecked: [
      ("start_time", .time(TimeColumn(values: [90_000, 0, 100_000, 200_000]))),
      ("n", .int(IntColumn(values: [1, 2, 3, 4]))),
    ])
    let selection = BoolColumn(bits: Bitmap([true, true, false, true]))
    #expect(
      try frame.bucket(.day, selecting: selection).rows == [
        [.time(0), .int(2)], [.time(86_400), .int(1)], [.time(172_800), .int(4)],
      ])
  }
}
