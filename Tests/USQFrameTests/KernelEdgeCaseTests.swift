import Testing
import USQFrame

private func ints(_ values: [Int64?]) -> Column {
  Column.from(values.map { $0.map(Value.int) ?? .null }, kind: .int)
}
private func doubles(_ values: [Double?]) -> Column {
  Column.from(values.map { $0.map(Value.double) ?? .null }, kind: .double)
}
private func strings(_ values: [String?]) -> Column {
  Column.from(values.map { $0.map(Value.string) ?? .null }, kind: .string)
}
private func times(_ values: [Int64]) -> Column { Column.from(values.map(Value.time), kind: .time) }

@Suite struct KernelEdgeCaseTests {
  @Test("an empty frame aggregated without keys gives one row: null sums, zero counts")
  func emptyAggregate() throws {
    let frame = Frame(unchecked: [("model", strings([])), ("n", ints([]))])
    let result = try frame.aggregate(
      [Aggregate(.sum, "n", as: "n"), Aggregate(.count), Aggregate(.max, "model")], by: [])
    #expect(result.rows == [[.null, .int(0), .null]])
    #expect(try frame.aggregate([Aggregate(.sum, "n")], by: ["model"]).rowCount == 0)
    #expect(try frame.sorted(by: [SortKey("n")]).rowCount == 0)
    #expect(try frame.top(5, by: "n").rowCount == 0)
    let usage = Frame(unchecked: [("start_time", times([])), ("n", ints([]))])
    #expect(try usage.bucket(.day).rowCount == 0)
    #expect(
      try usage.fill(window: 0..<86_400 * 2, width: .day).rows == [
        [.time(0), .int(0)], [.time(86_400), .int(0)],
      ])
  }

  @Test("a key that is null in every row is one group; null groups sort last")
  func nullKeys() throws {
    let frame = Frame(unchecked: [("k", strings([nil, nil, nil])), ("n", ints([1, 2, 3]))])
    #expect(
      try frame.aggregate([Aggregate(.sum, "n", as: "n")], by: ["k"]).rows == [[.null, .int(6)]])
    let mixed = Frame(unchecked: [
      ("k", strings([nil, "b", "a", nil])), ("n", ints([1, 2, 3, 4])),
    ])
    #expect(
      try mixed.aggregate([Aggregate(.sum, "n", as: "n")], by: ["k"]).rows == [
        [.string("a"), .int(3)], [.string("b"), .int(2)], [.null, .int(5)],
      ])
  }

  @Test("an int sum that overflows is an error naming the column; arithmetic overflow is null")
  func overflow() throws {
    let frame = Frame(unchecked: [("n", ints([.max, 1]))])
    #expect(throws: FrameError.overflow(column: "n")) {
      try frame.aggregate([Aggregate(.sum, "n")], by: [])
    }
    let usage = Frame(unchecked: [("start_time", times([0, 10])), ("n", ints([.max, 1]))])
    #expect(throws: FrameError.overflow(column: "n")) { try usage.bucket(.day) }
    let column = try Column.arithmetic(.add, ints([.max, 1]), .int(1))
    #expect([column[0], column[1]] == [.null, .int(2)])
    let product = try Column.arithmetic(.multiply, ints([.min]), ints([-1]))
    #expect(product[0] == .null)
    #expect(
      try frame.aggregate([Aggregate(.avg, "n")], by: []).rows == [
        [.double((Double(Int64.max) + 1) / 2)]
      ])
  }

  @Test("division gives doubles and null for zero divisors")
  func division() throws {
    let result = try Column.arithmetic(.divide, ints([7, 1, nil, 0]), ints([2, 0, 3, 0]))
    #expect((0..<4).map { result[$0] } == [.double(3.5), .null, .null, .null])
    let scalar = try Column.arithmetic(.divide, doubles([1.5]), .int(0))
    #expect(scalar[0] == .null)
    #expect(throws: FrameError.typeMismatch("cannot apply '+' to string and int")) {
      try Column.arithmetic(.add, strings(["a"]), ints([1]))
    }
  }

  @Test("NaN sorts after numbers and before null; groups as one value; is max")
  func notANumber() throws {
    let frame = Frame(unchecked: [
      ("x", doubles([.nan, 1, nil, -.infinity, .nan, -0.0, 0])),
      ("i", ints([0, 1, 2, 3, 4, 5, 6])),
    ])
    let sorted = try frame.sorted(by: [SortKey("x")])
    #expect(
      sorted["i"].map { column in (0..<7).map { column[$0] } }
        == [3, 5, 6, 1, 0, 4, 2].map(Value.int))
    let grouped = try frame.aggregate([Aggregate(.count)], by: ["x"])
    #expect(grouped.rowCount == 5)
    #expect(grouped.rows.map { $0[1] } == [.int(1), .int(2), .int(1), .int(2), .int(1)])
    let extremes = try frame.aggregate(
      [Aggregate(.max, "x"), Aggregate(.min, "x"), Aggregate(.distinct, "x")], by: [])
    #expect(extremes.rows[0][0].doubleValue?.isNaN == true)
    #expect(extremes.rows[0][1] == .double(-.infinity))
    #expect(extremes.rows[0][2] == .int(4))
    let equal = try Column.compare(.equal, frame["x"] ?? ints([]), .double(.nan))
    #expect(equal.trueBits.setCount == 0)
  }

  @Test(
    "time floors: hour, day, Monday weeks, months, durations, before 1970",
    arguments: [
      (1_796_050_800, TimeBucket.week, 1_795_996_800), (1_796_601_599, .week, 1_795_996_800),
      (1_772_323_199, .month, 1_769_904_000), (1_796_050_800, .day, 1_795_996_800),
      (1_796_050_800 + 59, .hour, 1_796_050_800), (-3_600, .day, -86_400),
      (-3_600, .week, -259_200),
      (-3_600, .month, -2_678_400), (-1, .hour, -3_600),
      (1_796_050_800 + 1_000, .seconds(900), 1_796_051_700),
      (-86_400, .day, -86_400), (-3_600, .hour, -3_600), (1_795_996_800, .day, 1_795_996_800),
    ] as [(Int64, TimeBucket, Int64)])
  func floors(_ time: Int64, _ width: TimeBucket, _ expected: Int64) throws {
    #expect(width.floor(time) == expected)
    #expect(try times([time]).flooringTime(to: width)[0] == .time(expected))
  }

  @Test("date formats UTC calendar days")
  func dates() throws {
    let column = try times([1_709_208_000, -3_600, 0, 1_709_208_000]).formattingDate()
    #expect(
      (0..<4).map { column[$0] }
        == ["2024-02-29", "1969-12-31", "1970-01-01", "2024-02-29"].map(Value.string))
  }

  @Test("other folds rows below P% into one Other row appended last")
  func otherRow() throws {
    let frame = Frame(unchecked: [
      ("project_id", strings(["a", "b", "c", "d", "e"])), ("when", times([0, 0, 0, 0, 0])),
      ("n", ints([50, 30, 15, 3, 2])),
    ])
    let result = try frame.other(percent: 5)
    #expect(
      result.rows == [
        [.string("a"), .time(0), .int(50)], [.string("b"), .time(0), .int(30)],
        [.string("c"), .time(0), .int(15)],
        [.string("Other"), .null, .int(5)],
      ])
    #expect(try frame.other(percent: 1) == frame)
    let single = try frame.head(4).other(percent: 4)
    #expect(single.rows.last == [.string("Other"), .null, .int(3)])
  }

  @Test("join suffixes clashing right columns and keeps unmatched left rows")
  func joinNames() throws {
    let left = Frame(unchecked: [
      ("id", strings(["p1", "p2", nil])), ("name", strings(["x", "y", "z"])),
    ])
    let right = Frame(unchecked: [
      ("id", strings(["p2", "p2", nil])), ("name", strings(["Two", "Deux", "None"])),
    ])
    let joined = try left.join(right, on: ["id"])
    #expect(joined.names == ["id", "name", "name_right"])
    #expect(
      joined.rows == [
        [.string("p1"), .string("x"), .null], [.string("p2"), .string("y"), .string("Two")],
        [.string("p2"), .string("y"), .string("Deux")], [.null, .string("z"), .null],
      ])
    #expect(try left.join(right, on: ["id"], kind: .inner).rowCount == 2)
    #expect(throws: FrameError.unknownColumn("nope")) { try left.join(right, on: ["nope"]) }
  }

  @Test("pivot names columns after values and fills missing cells with null")
  func pivotNames() throws {
    let frame = Frame(unchecked: [
      ("day", times([0, 0, 86_400])), ("model", strings(["b", "a", "a"])), ("n", ints([1, 2, 3])),
    ])
    let result = try frame.pivot("model", values: "n")
    #expect(result.names == ["day", "a", "b"])
    #expect(result.rows == [[.time(0), .int(2), .int(1)], [.time(86_400), .int(3), .null]])
    let byDay = try frame.pivot("day", values: "n", keys: ["model"])
    #expect(byDay.names == ["model", "1970-01-01", "1970-01-02"])
  }

  @Test("top keeps ties in input order and puts nulls last")
  func topTies() throws {
    let frame = Frame(unchecked: [
      ("n", ints([1, 5, nil, 5, 3, 5])), ("i", ints([0, 1, 2, 3, 4, 5])),
    ])
    #expect(try frame.top(4, by: "n").rows.map { $0[1] } == [1, 3, 5, 4].map(Value.int))
    #expect(try frame.top(6, by: "n").rows.map { $0[1] } == [1, 3, 5, 4, 0, 2].map(Value.int))
  }

  @Test("select, drop, rename and withColumn keep order and report unknown names")
  func projection() throws {
    let frame = Frame(unchecked: [("a", ints([1])), ("b", ints([2])), ("c", ints([3]))])
    #expect(try frame.select(["c", "a"]).names == ["c", "a"])
    #expect(try frame.drop(["b"]).names == ["a", "c"])
    #expect(try frame.rename([(new: "z", old: "b")]).names == ["a", "z", "c"])
    #expect(frame.withColumn("b", ints([9])).rows == [[.int(1), .int(9), .int(3)]])
    #expect(frame.withColumn("d", ints([9])).names == ["a", "b", "c", "d"])
    #expect(throws: FrameError.unknownColumn("x")) { try frame.select(["x"]) }
    #expect(throws: FrameError.duplicateColumn("a")) { try frame.rename([(new: "a", old: "b")]) }
  }

  @Test("a string column against a constant compares via the dictionary by UTF-8 bytes")
  func utf8Order() throws {
    let column = strings(["Z", "a", "é", "ä", nil])
    let less = try Column.compare(.less, column, .string("b"))
    #expect((0..<5).map { less[$0] } == [true, true, false, false, nil])
    let glob = try column.matchesGlob("?")
    #expect(glob.trueBits.setCount == 4)
  }

  @Test("sorted time keys group by runs, as unsorted ones do")
  func sortedTimes() throws {
    let sorted = Frame(unchecked: [
      ("start_time", times([0, 0, 3_600, 3_600, 3_600, 90_000])), ("n", ints([1, 2, 3, 4, 5, 6])),
    ])
    let expected: [[Value]] = [
      [.time(0), .int(2), .int(3)], [.time(3_600), .int(3), .int(12)],
      [.time(90_000), .int(1), .int(6)],
    ]
    let aggregates = [Aggregate(.count), Aggregate(.sum, "n", as: "n")]
    #expect(try sorted.aggregate(aggregates, by: ["start_time"]).rows == expected)
    let shuffled = sorted.gather([4, 0, 5, 2, 1, 3])
    #expect(try shuffled.aggregate(aggregates, by: ["start_time"]).rows == expected)
    #expect(try sorted.bucket(.day).rows == [[.time(0), .int(15)], [.time(86_400), .int(6)]])
    let numbers = sorted.withColumn("start_time", ints([-5, -5, 0, 7, 7, 7]))
    #expect(
      try numbers.aggregate([Aggregate(.count)], by: ["start_time"]).rows.map { $0[1] }
        == [2, 1, 3].map(Value.int))
  }
}
