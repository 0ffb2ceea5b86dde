import Foundation
import Testing
import USQBasics
import USQTestSupport

@testable import USQShell

/// Money keeps its currency through every stage: a costs page billed in euros prints `€` after
/// `sum`, `join`, `rename`, `agg` and `pivot`, one in dollars `$`, and mixed currencies never
/// print as one of them once the `currency` column is gone.
@Suite struct MoneyCurrencyTests {
  /// A costs page (the API's JSON) of `days` buckets × line items × projects, amounts from `seed`,
  /// every amount in `currency` (or alternating through `currencies`).
  static func costsPage(currencies: [String], days: Int = 3, seed: UInt64 = 7) -> String {
    var generator = SeededGenerator(seed: seed)
    let start: Int64 = 1_795_737_600  // 2026-11-26T00:00:00Z
    var buckets: [String] = []
    var index = 0
    for day in 0..<days {
      var results: [String] = []
      for item in ["gpt-4o-2024-08-06, input", "gpt-4o-2024-08-06, output", "Web search"] {
        for project in ["proj_a", "proj_b"] {
          let cents = Int.random(in: 1...90_000, using: &generator)
          let currency = currencies[index % currencies.count]
          index += 1
          results.append(
            """
            {"object": "organization.costs.result", "amount": {"value": \(Double(cents) / 100), \
            "currency": "\(currency)"}, "line_item": "\(item)", "project_id": "\(project)", \
            "api_key_id": null, "quantity": null, "quantity_unit": null}
            """)
        }
      }
      let from = start + Int64(day) * 86_400
      buckets.append(
        """
        {"object": "bucket", "start_time": \(from), "end_time": \(from + 86_400), \
        "results": [\(results.joined(separator: ", "))]}
        """)
    }
    return """
      {"object": "page", "data": [\(buckets.joined(separator: ", "))], "has_more": false, \
      "next_page": null}
      """
  }

  /// Runs `statements` in one session reading `page` from a temporary folder; the output.
  static func run(_ statements: [String], page: String) async throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "usq-money-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try page.write(
      to: folder.appendingPathComponent("costs.json"), atomically: true, encoding: .utf8)
    let output = TextBuffer()
    let session = TestSession.make(output: output, workingDirectory: folder.path, width: 120)
    for statement in statements {
      let outcome = await session.execute(statement, origin: .commandLine)
      #expect(outcome == .ok, "\(statement)\n\(output.text)")
      output.append("--\n")
    }
    return output.text
  }

  /// The money cells of the output's tables: every `│ … │` cell holding a digit and a `.`.
  static func moneyCells(_ text: String) -> [String] {
    text.split(separator: "\n").filter { $0.hasPrefix("│") }.flatMap { line in
      line.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
    }.filter { cell in cell.contains(".") && cell.contains(where: \.isNumber) }
  }

  static let stages = [
    "read costs.json | sum amount",
    "read costs.json | sum amount by line_item",
    "let spent = read costs.json | sum amount by project_id",
    "let calls = read costs.json | count by project_id",
    "from calls | join spent on project_id",
    "from spent | join spent on project_id",
    "from spent | rename euros = amount",
    "read costs.json | agg sum(amount) as total, max(amount) by line_item",
    "read costs.json | sum amount by start_time, line_item | pivot line_item values amount",
    "_ | head 2",
    "read costs.json | where project_id = proj_a | bucket week",
    "read costs.json | where amount > 100 | top 3 by amount | select project_id, amount",
  ]

  @Test("a page billed in euros prints € after every stage", arguments: ["eur", "EUR"])
  func euros(_ code: String) async throws {
    let text = try await Self.run(Self.stages, page: Self.costsPage(currencies: [code]))
    let cells = Self.moneyCells(text)
    #expect(cells.count > 30, "\(text)")
    for cell in cells { #expect(cell.hasPrefix("€"), "\(cell) in\n\(text)") }
    #expect(!text.contains("$"), "\(text)")
  }

  @Test("a page billed in dollars prints $ after every stage")
  func dollars() async throws {
    let text = try await Self.run(Self.stages, page: Self.costsPage(currencies: ["usd"]))
    for cell in Self.moneyCells(text) { #expect(cell.hasPrefix("$"), "\(cell) in\n\(text)") }
  }

  @Test("mixed currencies: each row its own while `currency` is there, no symbol once summed")
  func mixed() async throws {
    let page = Self.costsPage(currencies: ["usd", "eur"])
    let text = try await Self.run(
      ["read costs.json | select amount, currency | head 4", "read costs.json | sum amount"],
      page: page)
    let parts = text.components(separatedBy: "--\n")
    let rows = Self.moneyCells(parts[0])
    #expect(rows.contains { $0.hasPrefix("$") } && rows.contains { $0.hasPrefix("€") }, "\(text)")
    let total = Self.moneyCells(parts[1])
    #expect(total.count == 1 && total[0].first?.isNumber == true, "\(text)")
  }
}
