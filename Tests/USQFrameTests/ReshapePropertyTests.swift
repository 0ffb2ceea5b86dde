import Testing
import USQBasics
import USQFrame

/// bucket, fill, share, other, pivot, distinct and join against naive references.
@Suite struct ReshapePropertyTests {
  /// Floors by walking the calendar from 1970 one month at a time: slow and obviously right.
  static func naiveFloor(_ time: Int64, _ width: TimeBucket) -> Int64 {
    var day = time / 86_400
    if time % 86_400 < 0 { day -= 1 }
    switch width {
    case .hour: return time - ((time % 3_600) + 3_600) % 3_600
    case .day: return day * 86_400
    case .week:
      var monday = day
      while ((monday % 7) + 7 + 3) % 7 != 0 { monday -= 1 }  // 1970-01-05 was a Monday
      return monday * 86_400
    case .month:
      var start: Int64 = 0
      var year: Int64 = 1970
      var month = 1
      func length(_ year: Int64, _ month: Int) -> Int64 {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
      }
      while start > day {
        (year, month) = month == 1 ? (year - 1, 12) : (year, month - 1)
        start -= length(year, month)
      }
      while start + length(year, month) <= day {
        start += length(year, month)
        (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
      }
      return start * 86_400
    case .seconds(let width): return time - ((time % width) + width) % width
    }
  }

  static func referenceBucket(_ table: Table, _ width: TimeBucket) -> Table {
    var cache: [Int64: Int64] = [:]
    let floored = Table(
      names: table.names,
      rows: table.rows.map { row in
        var row = row
        if case .time(let start) = row[0] {
          let value = cache[start] ?? naiveFloor(start, width)
          cache[start] = value
          row[0] = .time(value)
        }
        return row
      })
    let keys = ["start_time", "key", "name", "flag"].filter(table.names.contains)
    let aggregates = [
      Aggregate(.max, "end_time", as: "end_time"), Aggregate(.sum, "code", as: "code"),
      Aggregate(.sum, "tokens", as: "tokens"), Aggregate(.sum, "amount", as: "amount"),
    ].filter { table.names.contains($0.name) }
    let grouped = Reference.aggregate(floored, aggregates, by: keys)
    let order = table.names.map(grouped.index)
    return Table(names: table.names, rows: grouped.rows.map { row in order.map { row[$0] } })
  }

  @Test(
    "bucket floors start_time and sums numbers by the other columns", arguments: FrameCase.small)
  func bucket(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let frame = generator.frame()
    let table = Table(frame)
    for width in [TimeBucket.hour, .day, .week, .month, .seconds(7_200), .seconds(900)] {
      expectRows(
        try frame.bucket(width), Self.referenceBucket(table, width),
        "\(testCase.testDescription) bucket \(width)")
    }
  }

  @Test(
    "bucket of time and int columns only (the sorted-run path) matches the reference",
    arguments: FrameCase.small)
  func bucketSortedRuns(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let frame = try generator.frame().select(["start_time", "tokens", "end_time", "code"])
    for input in [try frame.sorted(by: [SortKey("start_time")]), frame] {
      let table = Table(input)
      for width in [TimeBucket.hour, .day, .week, .month, .seconds(7_200), .seconds(900)] {
        expectRows(
          try input.bucket(width), Self.referenceBucket(table, width),
          "\(testCase.testDescription) bucket \(width)")
      }
    }
  }

  @Test("fill adds zero rows for missing buckets per group", arguments: FrameCase.small)
  func fill(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let daily = try generator.frame().drop(["flag"]).bucket(.day)
    let table = Table(daily)
    let starts = table.column("start_time").compactMap {
      if case .time(let t) = $0 { t } else { nil }
    }
    let low = (starts.min() ?? 1_772_323_200) - 2 * 86_400 + 600
    let high = (starts.max() ?? 1_772_323_200) + 3 * 86_400 - 600
    let result = try daily.fill(window: low..<high, width: .day)
    var groups: [[Value]] = []
    var present = Set<String>()
    for row in table.rows {
      let key = [row[2], row[3]]
      if !groups.contains(where: { Reference.order($0, key) == 0 }) { groups.append(key) }
      present.insert((key + [row[0]]).map(Reference.groupKey).joined(separator: "|"))
    }
    if groups.isEmpty && daily.rowCount == 0 { groups = [] }
    var rows = table.rows
    for group in groups {
      var start = Self.naiveFloor(low, .day)
      while start < high {
        if !present.contains(
          (group + [.time(start)]).map(Reference.groupKey).joined(separator: "|"))
        {
          rows.append([
            .time(start), .time(min(start + 86_400, high)), group[0], group[1], .int(0), .int(0),
            .double(0),
          ])
        }
        start += 86_400
      }
    }
    let expected = Reference.sorted(
      Table(names: table.names, rows: rows), by: [SortKey("start_time")])
    expectRows(result, expected, "\(testCase.testDescription) fill")
  }

  @Test("share, other and distinct match the reference", arguments: FrameCase.small)
  func shareOtherDistinct(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let frame = try generator.frame().select(["key", "name", "flag", "tokens", "amount"])
    let table = Table(frame)
    // share
    for keys in [[], ["key"], ["name", "flag"]] {
      var totals: [String: Double] = [:]
      let positions = keys.map(table.index)
      func group(_ row: [Value]) -> String {
        positions.map { Reference.groupKey(row[$0]) }.joined(separator: "|")
      }
      for row in table.rows {
        if let value = row[3].doubleValue { totals[group(row), default: 0] += value }
      }
      let expected = Table(
        names: table.names + ["share"],
        rows: table.rows.map { row in
          guard let value = row[3].doubleValue, let total = totals[group(row)], total != 0 else {
            return row + [.null]
          }
          return row + [.double(value / total * 100)]
        })
      expectRows(
        try frame.share("tokens", by: keys), expected,
        "\(testCase.testDescription) share by \(keys)")
    }
    // other
    for percent in [0.0, 1, 5, 30, 100] {
      let values = table.column("amount").map { $0.doubleValue ?? 0 }
      let present = table.column("amount").compactMap(\.doubleValue)
      var total = 0.0
      for value in present { total += value }
      let small = values.map { total > 0 && $0 / total * 100 < percent }
      var expected = table
      if small.contains(true) {
        let folded = table.rows.indices.filter { small[$0] }.map { table.rows[$0] }
        expected.rows = table.rows.indices.filter { !small[$0] }.map { table.rows[$0] }
        func sum(_ position: Int) -> Value {
          Reference.aggregate(.sum, folded.map { $0[position] }, rows: folded.count)
        }
        expected.rows.append([.string("Other"), .string("Other"), .null, sum(3), sum(4)])
      }
      expectRows(
        try frame.other(percent: percent), expected, "\(testCase.testDescription) other \(percent)%"
      )
    }
    // distinct
    for columns in [["key"], ["flag", "name"], ["amount"], []] {
      let names = columns.isEmpty ? table.names : columns
      var seen = Set<String>()
      var rows: [[Value]] = []
      for row in table.rows {
        let values = names.map { row[table.index($0)] }
        if seen.insert(values.map(Reference.groupKey).joined(separator: "|")).inserted {
          rows.append(values)
        }
      }
      expectRows(
        try frame.distinct(columns), Table(names: names, rows: rows),
        "\(testCase.testDescription) distinct \(columns)")
    }
  }

  @Test("pivot spreads values into sorted columns of sums", arguments: FrameCase.small)
  func pivot(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let frame = try generator.frame().select([
      "start_time", "key", "name", "flag", "tokens", "amount",
    ])
    let table = Table(frame)
    for (column, values, keys) in [
      ("key", "tokens", ["start_time", "name", "flag"]), ("flag", "amount", ["name"]),
      ("name", "tokens", []),
    ] {
      let result = try frame.pivot(column, values: values, keys: column == "key" ? nil : keys)
      let spread = Reference.groups(table, by: [column]).map { $0.key[0] }.sorted {
        Reference.order($0, $1) < 0
      }
      let grouped = Reference.aggregate(table, [], by: keys)
      let valuePosition = table.index(values)
      let keyPositions = keys.map(table.index)
      let columnPosition = table.index(column)
      var cells: [String: [Value]] = [:]
      for row in table.rows {
        let cell = (keyPositions.map { row[$0] } + [row[columnPosition]]).map(Reference.groupKey)
          .joined(separator: "|")
        cells[cell, default: []].append(row[valuePosition])
      }
      let rows = grouped.rows.map { key -> [Value] in
        key
          + spread.map { pivotValue in
            let cell = (key + [pivotValue]).map(Reference.groupKey).joined(separator: "|")
            guard let matching = cells[cell] else { return .null }
            return Reference.aggregate(.sum, matching, rows: matching.count)
          }
      }
      let names = keys + spread.map { $0.description }
      let expected =
        keys.isEmpty && table.rows.isEmpty
        ? Table(names: [], rows: []) : Table(names: names, rows: rows)
      expectRows(result, expected, "\(testCase.testDescription) pivot \(column) values \(values)")
    }
  }

  @Test("inner and left joins on one and two keys match a nested loop", arguments: FrameCase.small)
  func join(_ testCase: FrameCase) throws {
    var generator = FrameGenerator(testCase)
    let frame = try generator.frame().select(["key", "name", "code", "tokens"])
    let right = try frame.head(40).select(["name", "key", "code"]).rename([
      (new: "label", old: "code")
    ])
    let left = Table(frame)
    let other = Table(right)
    for keys in [["key"], ["key", "name"]] {
      for kind in JoinKind.allCases {
        var rows: [[Value]] = []
        let extra = other.names.indices.filter { !keys.contains(other.names[$0]) }
        let positions = keys.map { (left.index($0), other.index($0)) }
        for row in left.rows {
          let matches = other.rows.filter { candidate in
            positions.allSatisfy { leftPosition, rightPosition in
              let value = row[leftPosition]
              return !value.isNull && Reference.order(value, candidate[rightPosition]) == 0
            }
          }
          if matches.isEmpty && kind == .left { rows.append(row + extra.map { _ in .null }) }
          for match in matches { rows.append(row + extra.map { match[$0] }) }
        }
        let names =
          left.names
          + extra.map {
            left.names.contains(other.names[$0]) ? other.names[$0] + "_right" : other.names[$0]
          }
        expectRows(
          try frame.join(right, on: keys, kind: kind), Table(names: names, rows: rows),
          "\(testCase.testDescription) \(kind) join on \(keys)")
      }
    }
  }
}
