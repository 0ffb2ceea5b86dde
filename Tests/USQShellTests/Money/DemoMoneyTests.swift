import Foundation
import Testing
import USQDemo
import USQEngine
import USQFrame

@testable import USQShell

/// `load spend` and `price` on the demo organization, which bills exactly from its usage.
@Suite struct DemoMoneyTests {
  @Test("spend by user and priced completions by user agree to the cent for token line items")
  func spendAgreesWithPrice() async throws {
    let demo = MoneyRunner.demo()
    let spend = try await demo.frame(
      "load spend days=30 group=user_id | where attributed and not (line_item ~ \"text-embedding*\")"
        + " | sum amount by user_id")
    let priced = try await demo.frame(
      "load completions days=30 group=user_id,model | price | sum cost by user_id")
    let billed = MoneyRunner.values(spend, key: "user_id", column: "amount")
    let estimated = MoneyRunner.values(priced, key: "user_id", column: "cost")
    #expect(billed.count > 10)
    #expect(Set(billed.keys) == Set(estimated.keys))
    for (user, amount) in billed {
      #expect(
        abs(amount - (estimated[user] ?? 0)) < 0.005,
        "\(user): \(amount) vs \(estimated[user] ?? 0)")
    }
  }

  @Test(
    "sum amount of load spend equals load costs for several seeds and windows, every group= key",
    arguments: [DemoOrganization.defaultSeed, 7, 2_024])
  func invariant(seed: UInt64) async throws {
    let demo = MoneyRunner.demo(seed: seed)
    let projects = try await demo.frame("load costs days=7 group=project_id | distinct project_id")
    let project = projects["project_id"]?[0].description ?? "none"
    let windows = [
      "days=1", "days=9", "since=2026-10-03 until=2026-10-21", "days=5 project=\(project)",
    ]
    let groups = [
      "model", "user_id", "api_key_id", "batch", "service_tier", "service_tier,user_id,model",
      "api_key_id,batch,model,user_id,service_tier",
    ]
    for window in windows {
      let costs = try await demo.frame("load costs \(window) | sum amount")
      let billed = costs["amount"]?[0].doubleValue ?? 0
      #expect(billed > 0, "\(window)")
      for group in groups {
        let spend = try await demo.frame("load spend \(window) group=\(group) | sum amount")
        let split = spend["amount"]?[0].doubleValue ?? 0
        #expect(
          abs(split - billed) <= 1e-9 * billed, "seed \(seed) \(window) group=\(group)")
      }
    }
  }

  @Test("the demo's token line items follow the grammar, tiers as prefix and as suffix")
  func demoLineItems() async throws {
    let demo = MoneyRunner.demo()
    let items = try await demo.frame("load costs days=30 group=line_item | distinct line_item")
    let texts = (0..<items.rowCount).compactMap { row -> String? in
      if case .string(let text) = items["line_item"]?[row] ?? .null { return text }
      return nil
    }
    let tokenItems = texts.filter { $0.contains(", input") || $0.contains("output") }
    #expect(tokenItems.count > 40)
    let unread = tokenItems.filter { LineItem(parsing: $0) == nil }
    #expect(unread.isEmpty, "\(unread)")
    #expect(tokenItems.contains { $0.hasPrefix("priority | ") })
    #expect(tokenItems.contains { $0.hasSuffix(" (batch)") })
    #expect(tokenItems.contains { $0.hasSuffix(" (flex)") })
  }
}
