import Foundation
import Testing
import USQFrame
import USQVocabulary

@testable import USQEngine

@Suite struct SpendPipelineTests {
  typealias F = SpendFixtures

  static let bill = F.costs([
    F.costsRow(day: 0, "gpt-4o, input", amount: 4, quantity: 4_000),
    F.costsRow(day: 0, "Web search tool calls", amount: 1, quantity: 100),
  ])
  static let usage = F.usage([
    F.usageRow(user: "a", model: "gpt-4o", input: 1_000),
    F.usageRow(user: "b", model: "gpt-4o", input: 3_000),
  ])

  static func source() -> FakeDataSource {
    FakeDataSource(frames: [
      "costs": bill, "completions": usage, "embeddings": Frames.make(F.embeddingsColumns, []),
    ])
  }

  @Test("load spend asks for costs and usage, and gives the contract's columns in order")
  func columns() async throws {
    let source = Self.source()
    let result = try await run(
      "load spend days=7 project=p1 group=user_id,model", source: source)
    #expect(
      result.frame.names == [
        "start_time", "end_time", "project_id", "line_item", "user_id", "model", "quantity",
        "amount", "currency", "attributed",
      ])
    #expect(
      result.frame.rows.map { [$0[4], $0[7], $0[9]] } == [
        [.string("a"), .double(1), .bool(true)], [.string("b"), .double(3), .bool(true)],
        [.null, .double(1), .bool(false)],
      ])
    let requests = source.requests.sorted { $0.endpoint.name < $1.endpoint.name }
    #expect(requests.map(\.endpoint.name) == ["completions", "costs", "embeddings"])
    #expect(requests[0].groupBy == ["project_id", "user_id", "model", "batch", "service_tier"])
    #expect(requests[1].groupBy == ["project_id", "line_item"])
    #expect(requests[2].groupBy == ["project_id", "user_id", "model"])
    #expect(requests.allSatisfy { $0.filter("project_ids") == ["p1"] && $0.bucketWidth == .day })
  }

  @Test("a bill in another currency keeps its amounts and currency, with one warning")
  func otherCurrency() async throws {
    let bill = F.costs([
      F.costsRow("gpt-4o, input", amount: 4, quantity: 4_000, currency: "eur"),
      F.costsRow("Web search tool calls", amount: 1, quantity: 100, currency: "eur"),
    ])
    let source = FakeDataSource(frames: [
      "costs": bill, "completions": Self.usage,
      "embeddings": Frames.make(F.embeddingsColumns, []),
    ])
    let result = try await run("load spend days=7 group=user_id", source: source)
    #expect(result.frame.rows.map { $0[7] } == [.string("eur"), .string("eur"), .string("eur")])
    #expect(result.frame.rows.map { $0[6] } == [.double(1), .double(3), .double(1)])
    #expect(
      result.warnings.map(\.message) == [
        "the costs are billed in eur, not usd: 'amount' is in that currency"
      ])
    let priced = try await run("load completions days=3 | price", source: source)
    #expect(
      priced.warnings.map(\.message) == [
        "the costs are billed in eur, not usd: 'cost' is in that currency"
      ])
  }

  @Test("group= keys spend does not know, and options it does not take, are bind errors")
  func errors() {
    expectError(
      "load spend group=user_id,1️⃣project_id",
      "'load spend' is always split by 'project_id': it is not a group= key",
      help: "keep only some projects with project=ID,…",
      note: "valid group keys: user_id, api_key_id, model, batch, service_tier")
    expectError(
      "load spend group=1️⃣modle", "'spend' cannot be grouped by 'modle'",
      note: "valid group keys: user_id, api_key_id, model, batch, service_tier")
    expectError(
      "load spend group=1️⃣usr_id", "'spend' cannot be grouped by 'usr_id'",
      help: "did you mean 'user_id'?")
    expectError(
      "load spend 1️⃣bucket=1h", "unknown option 'bucket' for 'load spend'",
      note: "options: days, since, until, project, group")
    expectError(
      "load spend since=2026-11-20 1️⃣days=3",
      "'days=' cannot be combined with 'since='")
  }

  @Test("explain lists the costs and usage requests and the join")
  func explain() throws {
    let plan = try #require(bindPlan("load spend days=7 group=user_id"))
    let text = plan.explain(dataSource: Self.source())
    #expect(text.contains("1. load spend  [at the API: 3 requests at once, then split locally]"))
    #expect(text.contains("MODEL, cached input  ← completions input_cached_tokens"))
    #expect(
      text.contains(
        "MODEL, input         ← completions input_text_tokens + input_image_tokens"
          + " + input_cache_write_tokens; embeddings input_tokens"))
    #expect(text.components(separatedBy: "\n  GET ").count == 4)
  }

  @Test("the three requests run at the same time")
  func concurrent() async throws {
    let source = OverlapSource(inner: Self.source())
    _ = try await run("load spend days=7", source: source)
    // Each request waits until all three are in flight: sequential fetching would never finish.
    #expect(source.peak == 3)
  }
}

/// A source whose requests each wait until `expected` are in flight at once (or 5 s pass), and
/// that records the largest number seen in flight.
final class OverlapSource: DataSource, @unchecked Sendable {
  let inner: FakeDataSource
  let expected = 3
  private let lock = NSLock()
  private var inFlight = 0
  private var largest = 0

  init(inner: FakeDataSource) { self.inner = inner }

  var peak: Int { lock.withLock { largest } }

  func load(_ request: UsageQuery, progress: @escaping @Sendable (Int, Int?) -> Void) async throws
    -> Frame
  {
    lock.withLock {
      inFlight += 1
      largest = max(largest, inFlight)
    }
    for _ in 0..<500 where peak < expected { try await Task.sleep(for: .milliseconds(10)) }
    lock.withLock { inFlight -= 1 }
    return try await inner.load(request, progress: progress)
  }
}
