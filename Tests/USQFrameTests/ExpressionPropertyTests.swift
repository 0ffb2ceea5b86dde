import Testing
import USQBasics
import USQFrame

/// Expression kernels against `Reference`, row by row, on generated frames.
@Suite struct ExpressionPropertyTests {
  static let pairs: [(String, String)] = [
    ("code", "tokens"), ("tokens", "code"), ("amount", "code"), ("code", "amount"),
    ("amount", "amount"),
  ]

  @Test(
    "arithmetic matches the reference for column⊕column and column⊕scalar", arguments: FrameCase.all
  )
  func arithmetic(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let frame = generator.frame()
    let table = Table(frame)
    for op in testCase.subset([ArithmeticOperator.divide, .add, .subtract, .multiply], 2) {
      for (left, right) in testCase.subset(Self.pairs, 3) {
        let result = try Column.arithmetic(op, try frame.column(left), try frame.column(right))
        let expected = table.rows.map {
          Reference.arithmetic(op, $0[table.index(left)], $0[table.index(right)])
        }
        expectColumn(
          result, expected, "\(testCase.testDescription) \(left) \(op.rawValue) \(right)")
      }
      for scalar: Value in testCase.subset([.int(0), .double(2.5), .int(3), .double(0), .null], 2) {
        let column = try frame.column("code")
        let right = try Column.arithmetic(op, column, scalar)
        let left = try Column.arithmetic(op, scalar, column)
        let values = table.column("code")
        expectColumn(
          right, values.map { Reference.arithmetic(op, $0, scalar) },
          "\(testCase.testDescription) code \(op.rawValue) \(scalar)")
        expectColumn(
          left, values.map { Reference.arithmetic(op, scalar, $0) },
          "\(testCase.testDescription) \(scalar) \(op.rawValue) code")
      }
    }
    let later = try Column.arithmetic(.add, try frame.column("start_time"), .int(60))
    expectColumn(
      later, table.column("start_time").map { Reference.arithmetic(.add, $0, .int(60)) },
      "time + int")
    let spans = try Column.arithmetic(
      .subtract, try frame.column("end_time"), try frame.column("start_time"))
    expectColumn(
      spans, table.rows.map { Reference.arithmetic(.subtract, $0[1], $0[0]) }, "time - time")
  }

  static let comparable: [(String, String)] = [
    ("code", "tokens"), ("amount", "code"), ("amount", "amount"), ("key", "name"), ("name", "key"),
    ("flag", "flag"), ("start_time", "end_time"), ("key", "key"),
  ]

  @Test("comparisons match the reference on every kind", arguments: FrameCase.all)
  func comparisons(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let frame = generator.frame()
    let table = Table(frame)
    for op in testCase.subset(
      [ComparisonOperator.less, .equal, .notEqual, .lessOrEqual, .greater, .greaterOrEqual], 2)
    {
      for (left, right) in testCase.subset(Self.comparable, 4) {
        let result = try Column.compare(op, try frame.column(left), try frame.column(right))
        let expected = table.rows.map {
          Reference.compare(op, $0[table.index(left)], $0[table.index(right)])
        }
        expectColumn(
          .bool(result), expected, "\(testCase.testDescription) \(left) \(op.rawValue) \(right)")
      }
      let scalars: [(String, Value)] = [
        ("key", .string("gpt-4o")), ("key", .string("o")), ("key", .string("zzz")),
        ("name", .string("")),
        ("code", .int(0)), ("code", .double(0.5)), ("amount", .int(-3)), ("amount", .double(.nan)),
        ("flag", .bool(false)), ("flag", .bool(true)), ("start_time", .time(1_772_330_000)),
        ("tokens", .null),
      ]
      for (name, scalar) in testCase.subset(scalars, 5) {
        let values = table.column(name)
        let right = try Column.compare(op, try frame.column(name), scalar)
        let left = try Column.compare(op, scalar, try frame.column(name))
        expectColumn(
          .bool(right), values.map { Reference.compare(op, $0, scalar) },
          "\(testCase.testDescription) \(name) \(op.rawValue) \(scalar)")
        expectColumn(
          .bool(left), values.map { Reference.compare(op, scalar, $0) },
          "\(testCase.testDescription) \(scalar) \(op.rawValue) \(name)")
      }
    }
  }

  @Test(
    "and, or, not follow SQL three-valued logic; is null; filter drops null",
    arguments: FrameCase.all)
  func logic(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let frame = generator.frame()
    let table = Table(frame)
    let flag = try frame.column("flag").boolColumn()
    let positive = try Column.compare(.greater, try frame.column("code"), .int(0))
    let flags = table.column("flag")
    let positives = table.column("code").map { Reference.compare(.greater, $0, .int(0)) }
    expectColumn(
      .bool(BoolColumn.and(flag, positive)), zip(flags, positives).map(Reference.and),
      "\(testCase.testDescription) and")
    expectColumn(
      .bool(BoolColumn.or(flag, positive)), zip(flags, positives).map(Reference.or),
      "\(testCase.testDescription) or")
    expectColumn(
      .bool(positive.negated()), positives.map(Reference.not), "\(testCase.testDescription) not")
    expectColumn(
      .bool(frame["amount"]?.isNull() ?? flag), table.column("amount").map { .bool($0.isNull) },
      "is null")
    expectColumn(
      .bool(frame["amount"]?.isNotNull() ?? flag), table.column("amount").map { .bool(!$0.isNull) },
      "is not null")
    let mask = BoolColumn.and(flag, positive)
    let kept = zip(table.rows, zip(flags, positives).map(Reference.and)).filter {
      $0.1 == .bool(true)
    }.map(\.0)
    expectRows(
      frame.filter(mask), Table(names: table.names, rows: kept),
      "\(testCase.testDescription) filter")
  }

  @Test("in and glob match the reference, per dictionary entry", arguments: FrameCase.all)
  func membership(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let frame = generator.frame()
    let table = Table(frame)
    let lists: [(String, [Value])] = [
      ("key", [.string("gpt-4o"), .string("é"), .int(3)]),
      ("code", [.int(0), .int(7), .double(-3), .null]),
      ("amount", [.double(0), .int(1)]), ("flag", [.bool(false)]), ("name", []),
    ]
    for (name, list) in lists {
      let expected = table.column(name).map { value -> Value in
        if value.isNull { return .null }
        return .bool(
          list.contains { item in
            let textual: Set<ColumnKind?> = [.string, .bool]
            let compatible =
              item.kind == value.kind
              || (!textual.contains(item.kind) && !textual.contains(value.kind))
            return !item.isNull && compatible
              && Reference.compare(.equal, value, item) == .bool(true)
          })
      }
      expectColumn(
        .bool(try frame.column(name).isIn(list)), expected,
        "\(testCase.testDescription) \(name) in \(list)")
    }
    for pattern in ["gpt*", "*o*", "?", "", "*", "b*", "a?c", "*-*-*", "é", "proj_?"] {
      let expected = table.column("key").map { value -> Value in
        guard case .string(let text) = value else { return .null }
        return .bool(
          Reference.glob(Substring(pattern).unicodeScalars, Substring(text).unicodeScalars))
      }
      expectColumn(
        .bool(try frame.column("key").matchesGlob(pattern)), expected,
        "\(testCase.testDescription) key ~ \(pattern)")
    }
  }

  @Test("round, coalesce, lower, upper, date match the reference", arguments: FrameCase.small)
  func functions(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let frame = generator.frame()
    let table = Table(frame)
    for digits in [-2, -1, 0, 1, 2] {
      let rounded = try frame.column("amount").rounded(digits: digits)
      let scale = (0..<abs(digits)).reduce(1.0) { value, _ in value * 10 }
      expectColumn(
        rounded,
        table.column("amount").map { value in
          guard case .double(let number) = value else { return .null }
          return .double(
            digits >= 0 ? (number * scale).rounded() / scale : (number / scale).rounded() * scale)
        }, "round(amount, \(digits))")
      let roundedInts = try frame.column("code").rounded(digits: digits)
      expectColumn(
        roundedInts,
        table.column("code").map { value in
          guard case .int(let number) = value else { return .null }
          guard digits < 0 else { return value }
          let step = Int64(scale)
          let down = number / step * step
          return .int(abs(number - down) * 2 >= step ? down + (number < 0 ? -step : step) : down)
        }, "round(code, \(digits))")
    }
    let coalesced = try Column.coalesce([
      try frame.column("code"), try frame.column("tokens"),
      .constant(.int(-1), count: frame.rowCount),
    ])
    expectColumn(
      coalesced,
      table.rows.map { row in [row[4], row[6], .int(-1)].first { !$0.isNull } ?? .null },
      "coalesce ints")
    let mixed = try Column.coalesce([try frame.column("amount"), try frame.column("code")])
    expectColumn(
      mixed,
      table.rows.map { row in
        if !row[7].isNull { return row[7] }
        return row[4].doubleValue.map(Value.double) ?? .null
      }, "coalesce mixed")
    let names = try Column.coalesce([
      try frame.column("key"), .nulls(.int, count: frame.rowCount), try frame.column("name"),
    ])
    expectColumn(
      names, table.rows.map { row in [row[2], row[3]].first { !$0.isNull } ?? .null },
      "coalesce strings")
    expectColumn(
      try frame.column("key").lowercased(),
      table.column("key").map { value in
        if case .string(let text) = value { .string(text.lowercased()) } else { .null }
      }, "lower")
    expectColumn(
      try frame.column("key").uppercased(),
      table.column("key").map { value in
        if case .string(let text) = value { .string(text.uppercased()) } else { .null }
      }, "upper")
    let days = try frame.column("end_time").formattingDate()
    let floored = try frame.column("end_time").flooringTime(to: .day)
    for row in 0..<frame.rowCount {
      guard case .time(let day) = floored[row], case .string(let text) = days[row] else {
        #expect(days[row] == .null)
        continue
      }
      let date = CivilDate(days: day / 86_400)
      #expect(text == date.isoString && text.count == 10, "date of row \(row)")
    }
  }
}

/// Checks a column's values against expected values.
func expectColumn(
  _ column: Column, _ expected: [Value], _ context: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let actual = (0..<column.count).map { column[$0] }
  guard actual.count == expected.count else {
    Issue.record(
      "\(context): \(actual.count) rows, expected \(expected.count)", sourceLocation: sourceLocation
    )
    return
  }
  if let bad = actual.indices.first(where: { !Reference.same(actual[$0], expected[$0]) }) {
    Issue.record(
      "\(context): row \(bad): got \(actual[bad]), expected \(expected[bad])",
      sourceLocation: sourceLocation)
  }
}
