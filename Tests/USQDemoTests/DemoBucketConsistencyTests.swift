import Foundation
import Testing
import USQOpenAI
import USQVocabulary

@testable import USQDemo

struct ConsistencyCase: CustomTestStringConvertible, Sendable {
  let endpoint: String
  let groupBy: [String]
  let filters: [(String, String)]
  var testDescription: String { "\(endpoint) by \(groupBy) \(filters.map { "\($0.0)=\($0.1)" })" }
}

@Suite struct DemoBucketConsistencyTests {
  static let cases: [ConsistencyCase] = [
    ConsistencyCase(
      endpoint: "completions", groupBy: ["model", "batch", "service_tier"], filters: []),
    ConsistencyCase(
      endpoint: "completions", groupBy: ["project_id", "user_id"], filters: [("batch", "false")]),
    ConsistencyCase(
      endpoint: "completions", groupBy: ["api_key_id"], filters: [("models", "gpt-5-mini")]),
    ConsistencyCase(endpoint: "images", groupBy: ["size", "source", "model"], filters: []),
    ConsistencyCase(
      endpoint: "web_search_calls", groupBy: ["context_level"],
      filters: [("context_levels", "medium")]),
    ConsistencyCase(endpoint: "file_search_calls", groupBy: ["vector_store_id"], filters: []),
    ConsistencyCase(endpoint: "code_interpreter_sessions", groupBy: ["project_id"], filters: []),
  ]

  @Test(
    "a 1d bucket is the sum of its 24 1h buckets and an hour the sum of its 60 1m buckets",
    arguments: cases)
  func widthsAgree(_ testCase: ConsistencyCase) throws {
    let path = try #require(EndpointCatalog.endpoint(named: testCase.endpoint)).path
    let group = testCase.groupBy.map { ("group_by", $0) }
    let base = [("start_time", String(wednesday)), ("end_time", String(wednesday + 86_400))]
    let query = base + group + testCase.filters
    let day = totals(allBuckets(path, query + [("bucket_width", "1d")]), groupBy: testCase.groupBy)
    let hours = allBuckets(path, query + [("bucket_width", "1h"), ("limit", "168")])
    #expect(hours.count == 24)
    #expect(!day.isEmpty)
    #expect(totals(hours, groupBy: testCase.groupBy) == day)
    // Minutes: every case over three busy hours (1h = Σ 60 × 1m); one case over the whole day.
    let window = [
      ("start_time", String(wednesday + 13 * 3_600)), ("end_time", String(wednesday + 16 * 3_600)),
    ]
    let threeHours = allBuckets(path, window + group + testCase.filters + [("bucket_width", "1h")])
    let minutes = allBuckets(
      path, window + group + testCase.filters + [("bucket_width", "1m"), ("limit", "1440")])
    #expect(minutes.count == 180)
    #expect(
      totals(minutes, groupBy: testCase.groupBy) == totals(threeHours, groupBy: testCase.groupBy))
  }

  @Test("a 1d bucket is the sum of its 1440 1m buckets")
  func dayEqualsMinutes() throws {
    let path = "/organization/usage/completions"
    let group = [("group_by", "model"), ("group_by", "batch"), ("group_by", "project_id")]
    let query =
      [("start_time", String(wednesday)), ("end_time", String(wednesday + 86_400))] + group
    let keys = ["model", "batch", "project_id"]
    let day = totals(allBuckets(path, query), groupBy: keys)
    let minutes = allBuckets(path, query + [("bucket_width", "1m"), ("limit", "1440")])
    #expect(minutes.count == 1_440)
    #expect(minutes.filter { rows($0).isEmpty }.count < 10)
    #expect(totals(minutes, groupBy: keys) == day)
  }

  @Test("a partial first bucket and an open end still add up to the whole day")
  func partialBuckets() throws {
    let path = "/organization/usage/completions"
    let start = wednesday + 37_260  // 10:21
    let now = wednesday + 86_400 + 3_600 * 5 + 17  // next day 05:00:17
    let days = allBuckets(path, [("start_time", String(start))], now: now)
    #expect(days.count == 2)
    #expect(int(days.first?["start_time"]) == start)
    #expect(int(days.last?["end_time"]) == now)
    let hours = allBuckets(path, [("start_time", String(start)), ("bucket_width", "1h")], now: now)
    #expect(int(hours.first?["end_time"]) == wednesday + 39_600)
    #expect(totals(days, groupBy: []) == totals(hours, groupBy: []))
  }

  @Test("vector store usage_bytes is a level: the day shows the value of its last hour and minute")
  func vectorStoreLevel() throws {
    let path = "/organization/usage/vector_stores"
    let query = [
      ("start_time", String(wednesday)), ("end_time", String(wednesday + 86_400)),
      ("group_by", "project_id"),
    ]
    let day = allBuckets(path, query)
    let hours = allBuckets(path, query + [("bucket_width", "1h"), ("limit", "48")])
    let lastMinute = allBuckets(
      path,
      [
        ("start_time", String(wednesday + 86_340)), ("end_time", String(wednesday + 86_400)),
        ("group_by", "project_id"), ("bucket_width", "1m"),
      ])
    let dayRows = try #require(day.first.map(rows))
    #expect(dayRows.count >= 4)
    #expect(
      totals(day, groupBy: ["project_id"])
        == totals([try #require(hours.last)], groupBy: ["project_id"]))
    #expect(totals(day, groupBy: ["project_id"]) == totals(lastMinute, groupBy: ["project_id"]))
  }
}
