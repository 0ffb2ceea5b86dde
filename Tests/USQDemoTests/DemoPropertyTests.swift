import Foundation
import Testing
import USQOpenAI
import USQVocabulary

@testable import USQDemo

/// Width consistency on organizations of other seeds, random days and random groupings.
@Suite struct DemoPropertyTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let seed: UInt64
    let endpoint: String
    let day: Int64
    let groupBy: [String]
    var testDescription: String { "seed \(seed) \(endpoint) day \(day) by \(groupBy)" }
  }

  /// Deterministic cases: for two seeds, every usage endpoint on a random day of the last
  /// 400 days, grouped by a random subset of its keys.
  static let cases: [Case] = [UInt64(11), 4_242].flatMap { seed in
    EndpointCatalog.bucketed.filter { $0.kind == .usage }.enumerated().map { index, endpoint in
      let hash = DemoHash.hash(seed, UInt64(index), 0x7E57)
      let day = wednesday / 86_400 - Int64(hash % 400)
      let keys = endpoint.groupKeys.enumerated().filter { (hash >> (8 + $0.offset)) & 1 == 1 }
      return Case(
        seed: seed, endpoint: endpoint.name, day: day * 86_400, groupBy: keys.map(\.element))
    }
  }

  @Test("1d equals the sum of 24 1h buckets for any seed, day and grouping", arguments: cases)
  func daysAreSumsOfHours(_ testCase: Case) throws {
    let organization = DemoOrganization(seed: testCase.seed)
    let path = try #require(EndpointCatalog.endpoint(named: testCase.endpoint)).path
    let query =
      [("start_time", String(testCase.day)), ("end_time", String(testCase.day + 86_400))]
      + testCase.groupBy.map { ("group_by", $0) }
    func fetch(_ extra: [(String, String)]) -> [[String: Any]] {
      buckets(get(path, query + extra, organization: organization).json)
    }
    let day = fetch([])
    let hours = fetch([("bucket_width", "1h"), ("limit", "24")])
    #expect(day.count == 1 && hours.count == 24)
    #expect(day.allSatisfy { !rows($0).isEmpty } || organization.isEmptyDay(testCase.day / 86_400))
    if testCase.endpoint == "vector_stores" {
      #expect(
        totals(day, groupBy: testCase.groupBy)
          == totals(Array(hours.suffix(1)), groupBy: testCase.groupBy))
    } else {
      #expect(totals(day, groupBy: testCase.groupBy) == totals(hours, groupBy: testCase.groupBy))
    }
  }

  @Test("a day of costs split at any minute adds up to the whole day, line by line")
  func costsSplit() throws {
    let day = wednesday - 9 * 86_400
    let split = day + 37_140  // 10:19
    func lines(_ start: Int64, _ end: Int64) -> [String: (Decimal, Decimal)] {
      let page = get(
        "/organization/costs",
        [
          ("start_time", String(start)), ("end_time", String(end)), ("group_by", "line_item"),
          ("group_by", "project_id"),
        ]
      ).json
      var result: [String: (Decimal, Decimal)] = [:]
      for row in buckets(page).flatMap(rows) {
        let key = "\(row["line_item"] ?? "")|\(row["project_id"] ?? "")"
        let amount = Decimal(string: "\((row["amount"] as? [String: Any])?["value"] ?? 0)") ?? 0
        let quantity = Decimal(string: "\(row["quantity"] ?? 0)") ?? 0
        let previous = result[key] ?? (0, 0)
        result[key] = (previous.0 + amount, previous.1 + quantity)
      }
      return result
    }
    let whole = lines(day, day + 86_400)
    let morning = lines(day, split)
    let evening = lines(split, day + 86_400)
    #expect(whole.count > 40)
    for (key, total) in whole where !key.hasPrefix("Vector store storage") {
      let parts = (morning[key] ?? (0, 0), evening[key] ?? (0, 0))
      #expect(parts.0.0 + parts.1.0 == total.0, "\(key)")
      #expect(parts.0.1 + parts.1.1 == total.1, "\(key)")
    }
  }
}
