import Testing
import USQBasics
import USQFrame

/// A table as plain rows, for the references.
struct Table {
  var names: [String]
  var rows: [[Value]]

  init(names: [String], rows: [[Value]]) {
    self.names = names
    self.rows = rows
  }

  init(_ frame: Frame) { self.init(names: frame.names, rows: frame.rows) }

  func index(_ name: String) -> Int {
    guard let index = names.firstIndex(of: name) else { preconditionFailure("no column \(name)") }
    return index
  }

  func column(_ name: String) -> [Value] { rows.map { $0[index(name)] } }
}

extension Reference {
  // MARK: - Aggregates

  static func aggregate(_ function: AggregateFunction, _ values: [Value], rows: Int) -> Value {
    let present = values.filter { !$0.isNull }
    switch function {
    case .count: return .int(Int64(values.isEmpty && rows > 0 ? rows : present.count))
    case .sum:
      guard !present.isEmpty else { return .null }
      if case .int = present[0] {
        var total: Int64 = 0
        for case .int(let number) in present {
          let (sum, overflow) = total.addingReportingOverflow(number)
          if overflow { return .string("overflow") }
          total = sum
        }
        return .int(total)
      }
      var total = 0.0
      for value in present { total += value.doubleValue ?? 0 }
      return .double(total)
    case .avg:
      guard !present.isEmpty else { return .null }
      var total = 0.0
      for value in present { total += value.doubleValue ?? 0 }
      return .double(total / Double(present.count))
    case .min, .max:
      var best: Value = .null
      for value in present
      where best.isNull || (function == .min ? order(value, best) < 0 : order(value, best) > 0) {
        best = value
      }
      return best
    case .distinct:
      return .int(Int64(Set(present.map(groupKey)).count))
    case .median, .p90, .p99:
      guard !present.isEmpty else { return .null }
      let sorted = present.sorted { order($0, $1) < 0 }.compactMap(\.doubleValue)
      let fraction = function == .median ? 0.5 : (function == .p90 ? 0.9 : 0.99)
      let position = fraction * Double(sorted.count - 1)
      let lower = Int(position)
      let upper = min(lower + 1, sorted.count - 1)
      let weight = position - Double(lower)
      if weight == 0 || sorted[lower] == sorted[upper] { return .double(sorted[lower]) }
      return .double(sorted[lower] + (sorted[upper] - sorted[lower]) * weight)
    case .first: return values.first ?? .null
    case .last: return values.last ?? .null
    }
  }

  /// Groups in first-seen order: (key values, row indices).
  static func groups(_ table: Table, by keys: [String]) -> [(key: [Value], rows: [Int])] {
    var order: [String] = []
    var found: [String: (key: [Value], rows: [Int])] = [:]
    let positions = keys.map(table.index)
    for (index, row) in table.rows.enumerated() {
      let key = positions.map { row[$0] }
      let hash = key.map(groupKey).joined(separator: "|")
      if found[hash] == nil {
        order.append(hash)
        found[hash] = (key, [])
      }
      found[hash]?.rows.append(index)
    }
    return order.compactMap { found[$0] }
  }

  static func aggregate(_ table: Table, _ aggregates: [Aggregate], by keys: [String]) -> Table {
    var groups = groups(table, by: keys)
    if keys.isEmpty && groups.isEmpty { groups = [([], [])] }
    let sorted = groups.enumerated().sorted { left, right in
      let result = order(left.element.key, right.element.key)
      return result != 0 ? result < 0 : left.offset < right.offset
    }.map(\.element)
    let rows = sorted.map { group in
      group.key
        + aggregates.map { aggregate -> Value in
          var values: [Value] = []
          if let column = aggregate.column {
            let position = table.index(column)
            values = group.rows.map { table.rows[$0][position] }
          }
          return Reference.aggregate(aggregate.function, values, rows: group.rows.count)
        }
    }
    return Table(names: keys + aggregates.map(\.name), rows: rows)
  }

  // MARK: - Ordering

  static func sorted(_ table: Table, by keys: [SortKey]) -> Table {
    let positions = keys.map { (table.index($0.column), $0.descending) }
    let indexed = table.rows.enumerated().sorted { left, right in
      for (position, descending) in positions {
        let a = left.element[position]
        let b = right.element[position]
        if a.isNull != b.isNull { return !a.isNull }
        let result = order(a, b)
        if result != 0 { return descending ? result > 0 : result < 0 }
      }
      return left.offset < right.offset
    }
    return Table(names: table.names, rows: indexed.map(\.element))
  }

  static func top(_ table: Table, _ count: Int, by column: String) -> Table {
    let sorted = sorted(table, by: [SortKey(column, descending: true)])
    return Table(names: table.names, rows: Array(sorted.rows.prefix(count)))
  }
}

/// Checks a frame against expected rows, naming the case (with its seed) on failure.
func expectRows(
  _ frame: Frame, _ expected: Table, _ context: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(frame.names == expected.names, "\(context)", sourceLocation: sourceLocation)
  let actual = frame.rows
  if !Reference.same(actual, expected.rows) {
    let firstBad = Array(zip(actual, expected.rows)).firstIndex {
      !zip($0, $1).allSatisfy { Reference.same($0, $1) }
    }
    let detail =
      firstBad.map { "row \($0): got \(actual[$0]), expected \(expected.rows[$0])" }
      ?? "got \(actual.count) rows, expected \(expected.rows.count)"
    Issue.record("\(context): \(detail)", sourceLocation: sourceLocation)
  }
}
