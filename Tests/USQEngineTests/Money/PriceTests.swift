import Testing
import USQFrame

@testable import USQEngine

@Suite struct PriceTests {
  typealias F = SpendFixtures

  /// The bill of two days: gpt-4o input $2 / 1k tokens on day 0 and $3 / 1k on day 2, output
  /// $10 / 1k, batch input $1 / 1k; rows that teach nothing (null or zero quantity, a tool).
  static let bill = F.costs([
    F.costsRow(day: 0, "gpt-4o, input", amount: 2, quantity: 1_000, project: nil),
    F.costsRow(day: 0, "gpt-4o, output", amount: 10, quantity: 1_000, project: nil),
    F.costsRow(day: 0, "batch | gpt-4o, input", amount: 1, quantity: 1_000, project: nil),
    F.costsRow(day: 0, "o3, input", amount: 5, quantity: nil, project: nil),
    F.costsRow(day: 0, "o3, output", amount: 5, quantity: 0, project: nil),
    F.costsRow(day: 0, "Web search tool calls", amount: 7, quantity: 700, project: nil),
    F.costsRow(day: 2, "gpt-4o, input", amount: 6, quantity: 2_000, project: nil),
  ])

  static func source(_ usage: Frame, bill: Frame = bill) -> FakeDataSource {
    FakeDataSource(frames: ["completions": usage, "costs": bill])
  }

  @Test("cost = tokens × the day's unit price, per tier, hourly rows too; nearest day otherwise")
  func costs() async throws {
    let usage = F.usage([
      F.usageRow(day: 0, hour: 3, user: "a", model: "gpt-4o", input: 500, output: 100),
      F.usageRow(day: 0, hour: 4, user: "a", model: "GPT-4o", batch: true, input: 1_000),
      F.usageRow(day: 1, hour: 0, user: "b", model: "gpt-4o", input: 1_000),
      F.usageRow(day: 2, hour: 23, user: "b", model: "gpt-4o", input: 1_000, output: 1_000),
    ])
    let result = try await run(
      "load completions hours=72 | price", source: Self.source(usage))
    let costs = (0..<4).map { result.frame["cost"]?[$0].doubleValue }
    // Day 1 has no price: the nearest days are 0 and 2, one day each way → the earlier (day 0).
    #expect(costs == [1 + 1, 1, 2, 3 + 10])
    #expect(result.warnings.isEmpty)
  }

  @Test("a model without any price gets a null cost and one warning naming it")
  func unpriced() async throws {
    let usage = F.usage([
      F.usageRow(user: "a", model: "o3", input: 10),
      F.usageRow(user: "a", model: "o3", output: 10),
      F.usageRow(user: "a", model: "mystery", input: 10),
      F.usageRow(user: "a", model: "mystery"),
      F.usageRow(user: "a", model: "gpt-4o", input: 1_000),
    ])
    let result = try await run("load completions days=3 | price", source: Self.source(usage))
    #expect(
      result.frame["cost"].map { column in (0..<5).map { column[$0] } } == [
        .null, .null, .null, .double(0), .double(2),
      ])
    #expect(
      result.warnings.map(\.message) == [
        "no unit price for 'mystery', 'o3' in the costs of these days: 'cost' is null there"
      ])
  }

  @Test("price asks for the days' costs by line item and groups by model, batch, service_tier")
  func requests() async throws {
    let usage = F.usage([F.usageRow(user: "a", model: "gpt-4o", input: 1_000)])
    let source = Self.source(usage)
    _ = try await run("load completions days=3 | price | sum cost by user_id", source: source)
    let requests = source.requests
    #expect(requests.map(\.endpoint.name) == ["completions", "costs"])
    #expect(requests[0].groupBy == ["model", "batch", "service_tier", "user_id"])
    #expect(requests[1].groupBy == ["line_item"])
    #expect(requests[1].startTime == Fixtures.time("2026-11-28"))
    #expect(requests[1].endTime == nil)
    let explicit = try #require(bindPlan("load completions days=3 group=user_id,model | price"))
    #expect(explicit.request?.groupBy == ["user_id", "model", "batch", "service_tier"])
    let text = explicit.explain(dataSource: source)
    #expect(text.contains("usage/costs?start_time=1795824000&bucket_width=1d&group_by=line_item"))
  }

  @Test("price without model in group=, or on a frame without the columns, is a bind error")
  func errors() {
    expectError(
      "load completions days=3 1️⃣group=user_id2️⃣ | price",
      "'price' needs 'model' in group=, found group=user_id", help: "add it: group=user_id,model")
    expectError(
      "load completions days=3 | sum input_tokens by model | 1️⃣price",
      "'price' needs a completions or embeddings frame: 'start_time', 'model' and the token columns"
    )
    expectError(
      "load costs days=3 | 1️⃣price",
      "'price' needs a completions or embeddings frame: 'start_time', 'model' and the token columns"
    )
  }

  @Test("unit prices: amount over quantity, summed per day, nearest day, earlier on a tie")
  func unitPrices() {
    let prices = UnitPrices(costs: Self.bill)
    let input = UnitPrices.Key(model: "gpt-4o", tier: "default", kind: .input)
    let day = F.day0
    #expect(prices.price(input, day: day) == 0.002)
    #expect(prices.price(input, day: day + 86_400) == 0.002)
    #expect(prices.price(input, day: day + 2 * 86_400) == 0.003)
    #expect(prices.price(input, day: day + 9 * 86_400) == 0.003)
    #expect(prices.price(input, day: day - 86_400) == 0.002)
    #expect(
      prices.price(UnitPrices.Key(model: "o3", tier: "default", kind: .input), day: day) == nil)
  }
}
