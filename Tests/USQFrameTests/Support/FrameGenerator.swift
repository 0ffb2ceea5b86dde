import Testing
import USQBasics
import USQFrame

/// One generated case: the size, null ratio and group shape of the frames of a property test.
struct FrameCase: CustomTestStringConvertible, Sendable {
  var rows: Int
  var nullRatio: Double
  var manyGroups: Bool
  var seed: UInt64

  var testDescription: String {
    "rows=\(rows) nulls=\(nullRatio) \(manyGroups ? "many" : "one") group(s) seed=\(seed)"
  }

  /// Every combination of the sizes, null ratios and group shapes of STYLE.md rule 26.
  static let all: [FrameCase] = {
    var cases: [FrameCase] = []
    var seed: UInt64 = 0x5EED
    for rows in [0, 1, 2, 63, 64, 65, 127, 128, 129, 1_000, 10_000] {
      for nullRatio in [0, 0.5, 1] {
        for manyGroups in [false, true] {
          // Two 10 000-row cases are enough (keeps the debug suite fast).
          if rows == 10_000, nullRatio == 1 || !manyGroups { continue }
          seed &+= 0x1234_5678_9ABC_DEF1
          cases.append(
            FrameCase(rows: rows, nullRatio: nullRatio, manyGroups: manyGroups, seed: seed))
        }
      }
    }
    return cases
  }()

  /// Whether this is a 10 000-row case: those check a representative subset of operations so
  /// the debug suite stays fast.
  var isLarge: Bool { rows >= 10_000 }

  /// `items`, or its first `count` for a large case.
  func subset<T>(_ items: [T], _ count: Int) -> [T] { isLarge ? Array(items.prefix(count)) : items }

  /// The cases up to 1 000 rows (for references that are quadratic).
  static let small = all.filter { $0.rows <= 1_000 }
}

/// Builds usage-like frames with every column kind.
///
/// Columns: `start_time` (time, hourly), `end_time` (start + 1 h), `key` (string), `name`
/// (string, other dictionary), `code` (int -20…20, zero included), `flag` (bool), `tokens`
/// (int ≥ 0), `amount` (double with NaN, -0.0 and ±infinity now and then).
struct FrameGenerator {
  var random: SeededGenerator
  let testCase: FrameCase

  init(_ testCase: FrameCase) {
    self.testCase = testCase
    random = SeededGenerator(seed: testCase.seed)
  }

  static let keys = [
    "gpt-4o", "gpt-4o-mini", "o1", "Zeta", "", "é", "b*", "a?c", "ÅLPHA", "proj_1", "proj_10",
    "proj_2",
  ]
  static let names = ["x", "y", "gpt-4o", "Proj", "z", "o1", "", "alpha", "beta"]

  mutating func isNull() -> Bool {
    testCase.nullRatio >= 1
      || (testCase.nullRatio > 0 && Double.random(in: 0..<1, using: &random) < testCase.nullRatio)
  }

  mutating func value(_ make: (inout SeededGenerator) -> Value) -> Value {
    isNull() ? .null : make(&random)
  }

  mutating func frame() -> Frame {
    let rows = testCase.rows
    let many = testCase.manyGroups
    // 2026-03-01 or 1969.
    let base: Int64 = Bool.random(using: &random) ? 1_772_323_200 : -86_400 * 40
    var columns: [String: [Value]] = [:]
    var starts: [Value] = []
    var ends: [Value] = []
    for _ in 0..<rows {
      let start =
        base + Int64.random(in: 0..<(many ? 24 * 90 : 3), using: &random) * 3_600
        + (many ? Int64.random(in: 0..<2, using: &random) * 60 : 0)
      starts.append(.time(start))
      ends.append(isNull() ? .null : .time(start + 3_600 + Int64.random(in: 0..<3, using: &random)))
    }
    columns["start_time"] = starts
    columns["end_time"] = ends
    columns["key"] = (0..<rows).map { _ in
      value {
        many ? .string(FrameGenerator.keys.randomElement(using: &$0) ?? "") : .string("gpt-4o")
      }
    }
    columns["name"] = (0..<rows).map { _ in
      value { many ? .string(FrameGenerator.names.randomElement(using: &$0) ?? "") : .string("x") }
    }
    columns["code"] = (0..<rows).map { _ in
      value { many ? .int(Int64.random(in: -20...20, using: &$0)) : .int(7) }
    }
    columns["flag"] = (0..<rows).map { _ in
      value { many ? .bool(Bool.random(using: &$0)) : .bool(true) }
    }
    columns["tokens"] = (0..<rows).map { _ in
      value { .int(Int64.random(in: 0...1_000_000, using: &$0)) }
    }
    columns["amount"] = (0..<rows).map { _ in
      value { random in
        switch Int.random(in: 0..<100, using: &random) {
        case 0: .double(.nan)
        case 1: .double(-0.0)
        case 2: .double(many ? .infinity : 0)
        case 3...10: .double(Double(Int.random(in: -5...5, using: &random)))
        default: .double(Double(Int.random(in: -100_000...100_000, using: &random)) / 100)
        }
      }
    }
    let kinds: [(String, ColumnKind)] = [
      ("start_time", .time), ("end_time", .time), ("key", .string), ("name", .string),
      ("code", .int),
      ("flag", .bool), ("tokens", .int), ("amount", .double),
    ]
    return Frame(unchecked: kinds.map { ($0.0, Column.from(columns[$0.0] ?? [], kind: $0.1)) })
  }
}
