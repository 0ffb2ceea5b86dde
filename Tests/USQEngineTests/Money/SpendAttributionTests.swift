import Testing
import USQFrame

@testable import USQEngine

@Suite struct SpendAttributionTests {
  typealias F = SpendFixtures

  @Test("a line item's amount is split over the usage it counts, by quantity, per group key")
  func split() {
    let costs = F.costs([
      F.costsRow("gpt-4o, input", amount: 10, quantity: 4_000),
      F.costsRow("GPT-4o , Output", amount: 3, quantity: 300),
    ])
    let usage = F.usage([
      F.usageRow(user: "alice", model: "gpt-4o", input: 1_000, output: 100),
      F.usageRow(user: "bob", key: "k2", model: "gpt-4o", input: 3_000, output: 200),
      F.usageRow(user: "alice", key: "k2", model: "gpt-4o", input: 0, output: 0),
      F.usageRow(user: "carol", model: "o3", input: 9_999, output: 999),
    ])
    let spend = SpendAttribution.attribute(
      costs: costs, usage: [("completions", usage)], groupKeys: ["user_id"])
    let start = Value.time(F.day0)
    let end = Value.time(F.day0 + 86_400)
    #expect(
      Table(spend)
        == Table(
          [
            "start_time", "end_time", "project_id", "line_item", "user_id", "quantity", "amount",
            "currency", "attributed",
          ],
          [
            [
              start, end, "p1", "gpt-4o, input", "alice", .double(1_000), .double(2.5), "usd", true,
            ],
            [start, end, "p1", "gpt-4o, input", "bob", .double(3_000), .double(7.5), "usd", true],
            [start, end, "p1", "GPT-4o , Output", "alice", .double(100), .double(1), "usd", true],
            [start, end, "p1", "GPT-4o , Output", "bob", .double(200), .double(2), "usd", true],
          ].map { $0.map(Self.value) }))
  }

  @Test("unreadable, unmatched and zero-usage line items stay whole with null keys")
  func unattributed() {
    let costs = F.costs([
      F.costsRow("Web search tool calls", amount: 5, quantity: 500),
      F.costsRow("gpt-4o, input (batch)", amount: 2, quantity: 100),
      F.costsRow("absent-model, input", amount: 1, quantity: nil),
      F.costsRow("gpt-4o, audio input", amount: 0.5, quantity: 0),
      F.costsRow("gpt-4o, input", amount: nil, quantity: 7),
      F.costsRow(day: 1, "gpt-4o, input", amount: 4, quantity: 10),
    ])
    let usage = F.usage([F.usageRow(user: "alice", model: "gpt-4o", input: 1_000)])
    let spend = SpendAttribution.attribute(
      costs: costs, usage: [("completions", usage)], groupKeys: ["model", "batch"])
    #expect(
      spend.names.suffix(6) == ["model", "batch", "quantity", "amount", "currency", "attributed"])
    #expect(spend.rowCount == 6)
    for row in 0..<6 {
      #expect(spend["attributed"]?[row] == .bool(false), "row \(row)")
      #expect(spend["model"]?[row] == .null)
      #expect(spend["amount"]?[row] == costs["amount"]?[row])
      #expect(spend["quantity"]?[row] == costs["quantity"]?[row])
    }
  }

  @Test("fine-tunes share ft-BASE, tiers match batch and service_tier, embeddings count input")
  func matching() {
    let costs = F.costs([
      F.costsRow("ft-gpt-4o-mini, input", amount: 6, quantity: 3),
      F.costsRow("batch | o3, output", amount: 1, quantity: 1),
      F.costsRow("o3, output (flex)", amount: 1, quantity: 1),
      F.costsRow("o3, output", amount: 1, quantity: 1),
      F.costsRow("text-embedding-3-small, input", amount: 1, quantity: 1),
    ])
    let usage = F.usage([
      F.usageRow(user: "a", model: "ft:gpt-4o-mini:acme::x1", input: 100),
      F.usageRow(user: "b", model: "ft:gpt-4o-mini:acme::y2", input: 200),
      F.usageRow(user: "c", model: "o3", batch: true, tier: "default", output: 10),
      F.usageRow(user: "d", model: "o3", batch: false, tier: "flex", output: 10),
      F.usageRow(user: "e", model: "o3", batch: nil, tier: nil, output: 10),
    ])
    let embeddings = Frames.make(
      F.embeddingsColumns,
      [
        [
          .time(F.day0), .time(F.day0 + 86_400), .int(50), "p1", "f", "k1",
          "text-embedding-3-small",
        ]
        .map(Self.value)
      ])
    let spend = SpendAttribution.attribute(
      costs: costs, usage: [("completions", usage), ("embeddings", embeddings)],
      groupKeys: ["user_id"])
    let pairs = spend.rows.map { ($0[3], $0[4], $0[6]) }
    #expect(pairs.map(\.1) == ["a", "b", "c", "d", "e", "f"].map(Value.string))
    #expect(pairs.map(\.2) == [2, 4, 1, 1, 1, 1].map(Value.double))
  }

  @Test(
    "the invariant: sum amount equals the bill whatever group=, and shares match a naive split",
    arguments: SpendAttribution.groupKeys.indices)
  func invariant(first: Int) {
    let keys = SpendAttribution.groupKeys.map(\.name)
    for seed in UInt64(1)...10 {
      var random = SeededRandom(seed: seed &* 7 &+ UInt64(first))
      let organization = GeneratedOrganization(&random)
      // Every group= of one to five keys, in a written order that starts at `first`.
      var groups: [[String]] = []
      for mask in 1..<32 {
        let chosen = keys.indices.filter { mask & (1 << $0) != 0 }
        groups.append(chosen.map { keys[($0 + first) % keys.count] })
      }
      for group in groups {
        let spend = SpendAttribution.attribute(
          costs: organization.costs, usage: organization.usage, groupKeys: group)
        let billed = Self.sum(organization.costs["amount"])
        let split = Self.sum(spend["amount"])
        #expect(
          abs(billed - split) <= 1e-9 * max(1, abs(billed)),
          "seed \(seed) group=\(group): \(split) ≠ \(billed)")
        let expected = NaiveSpend.attribute(
          costs: organization.costs, usage: organization.usage, groupKeys: group)
        #expect(
          NaiveSpend.same(spend, expected), "seed \(seed) group=\(group.joined(separator: ","))")
      }
    }
  }

  static func sum(_ column: Column?) -> Double {
    guard let column else { return 0 }
    return (0..<column.count).reduce(0) { $0 + (column[$1].doubleValue ?? 0) }
  }

  static func value(_ value: Value) -> Value { value }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
  public init(stringLiteral text: String) { self = .string(text) }
  public init(booleanLiteral flag: Bool) { self = .bool(flag) }
}
