import Foundation
import Testing
import USQOpenAI

@testable import USQDemo

/// 2025-11-24 16:00:00 UTC, a Monday afternoon.
let fixedNow: Int64 = 1_764_000_000
/// 2025-11-19 00:00 UTC, a Wednesday.
let wednesday: Int64 = 1_763_510_400
let sharedOrganization = DemoOrganization()

func get(
  _ path: String, _ query: [(String, String)], now: Int64 = fixedNow,
  organization: DemoOrganization = sharedOrganization
) -> (status: Int, json: [String: Any]) {
  let request = HTTPRequest(
    baseURL: "http://demo", path: path, query: query.map { QueryItem($0.0, $0.1) })
  let response = organization.respond(to: request, now: now)
  let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
  return (response.status, object)
}

func buckets(_ page: [String: Any]) -> [[String: Any]] { page["data"] as? [[String: Any]] ?? [] }

func rows(_ bucket: [String: Any]) -> [[String: Any]] {
  bucket["results"] as? [[String: Any]] ?? []
}

func int(_ value: Any?) -> Int64? { (value as? NSNumber).map { $0.int64Value } }

/// Every bucket of a query, following `next_page` to the end.
func allBuckets(_ path: String, _ query: [(String, String)], now: Int64 = fixedNow) -> [[String:
  Any]]
{
  var result: [[String: Any]] = []
  var cursor: String?
  for _ in 0..<1_000 {
    let page = get(path, query + (cursor.map { [("page", $0)] } ?? []), now: now).json
    result += buckets(page)
    guard let next = page["next_page"] as? String else { break }
    cursor = next
  }
  return result
}

/// Sums the integer fields of rows per group (the grouped fields' values joined by `|`).
func totals(_ buckets: [[String: Any]], groupBy: [String]) -> [String: [String: Int64]] {
  var result: [String: [String: Int64]] = [:]
  for bucket in buckets {
    for row in rows(bucket) {
      let key = groupBy.map { "\(row[$0] ?? "nil")" }.joined(separator: "|")
      for (name, value) in row where !groupBy.contains(name) {
        guard let number = value as? NSNumber
        else { continue }
        result[key, default: [:]][name, default: 0] += number.int64Value
      }
    }
  }
  return result
}
