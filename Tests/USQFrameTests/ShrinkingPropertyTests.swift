import PropertyBased
import Testing
import USQFrame

/// Small random frames with shrinking (x-sheep/swift-property-based): a failure is reported
/// with the smallest input that still fails.
@Suite struct ShrinkingPropertyTests {
  static let keys = Gen.int(in: 0...4).optional.array(of: 0...70)
  static let values = Gen.int64(in: -1_000...1_000).optional.array(of: 70)

  static func frame(_ keys: [Int?], _ values: [Int64?]) -> Frame {
    let names = ["b", "a", "c", "é", ""]
    return Frame(unchecked: [
      ("k", Column.from(keys.map { $0.map { .string(names[$0]) } ?? .null }, kind: .string)),
      ("v", Column.from(values.prefix(keys.count).map { $0.map(Value.int) ?? .null }, kind: .int)),
    ])
  }

  @Test("sum and count by a string key match a dictionary of sums")
  func sums() async {
    await propertyCheck(input: Self.keys, Self.values) { keys, values in
      let frame = Self.frame(keys, values)
      let result = try frame.aggregate(
        [Aggregate(.sum, "v", as: "v"), Aggregate(.count)], by: ["k"])
      let table = Table(frame)
      #expect(
        Reference.same(
          result.rows,
          Reference.aggregate(table, [Aggregate(.sum, "v", as: "v"), Aggregate(.count)], by: ["k"])
            .rows))
    }
  }

  @Test("a descending sort is stable and keeps nulls last")
  func sort() async {
    await propertyCheck(input: Self.keys, Self.values) { keys, values in
      let frame = Self.frame(keys, values)
      let keys = [SortKey("k", descending: true), SortKey("v")]
      let sorted = try frame.sorted(by: keys)
      #expect(Reference.same(sorted.rows, Reference.sorted(Table(frame), by: keys).rows))
    }
  }

  @Test("top N equals the first N rows of a stable descending sort")
  func top() async {
    await propertyCheck(input: Self.keys, Self.values, Gen.int(in: 0...10)) { keys, values, count in
      let frame = Self.frame(keys, values)
      let top = try frame.top(count, by: "v")
      #expect(Reference.same(top.rows, Reference.top(Table(frame), count, by: "v").rows))
    }
  }
}
