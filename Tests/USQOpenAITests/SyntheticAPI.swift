import Foundation
import USQOpenAI
import USQVocabulary

/// A tiny stand-in for the Usage API, for tests: answers any usage/costs path with buckets
/// aligned like the API's (the first starts at `start_time`), `limit` buckets per page, cursors
/// full of `+ / =`, and deterministic rows (two per bucket when grouped by a key); lists answer
/// two projects and one key per project, paged one object per page.
struct SyntheticAPI: Sendable {
  /// The time the API thinks it is (open windows end here).
  var now: Int64
  /// When set, pages hold at most this many buckets whatever `limit` says.
  var maxBucketsPerPage: Int?

  /// The response to a request that arrived as `path` and the raw (encoded) query string.
  func respond(path: String, query: String) -> HTTPResponse {
    let items = QueryEncoding.decode(query)
    func value(_ name: String) -> String? { items.first { $0.name == name }?.value }
    if path.hasSuffix("/organization/projects") { return list(projects(), after: value("after")) }
    if path.hasSuffix("/api_keys") {
      let project = path.split(separator: "/").dropLast().last.map(String.init) ?? "?"
      return list(
        [
          [
            "object": "organization.project.api_key", "id": "key_\(project)",
            "name": "Key of \(project)",
            "redacted_value": "sk-...x", "created_at": 1, "last_used_at": NSNull(),
            "owner_project_access": "active",
            "owner": [
              "type": "service_account",
              "service_account": ["id": "svc_1", "name": "bot", "created_at": 1, "role": "owner"],
            ],
          ]
        ],
        after: value("after"))
    }
    guard let endpoint = EndpointCatalog.bucketed.first(where: { path.hasSuffix($0.path) }),
      let start = value("start_time").flatMap(Int64.init)
    else {
      return .json(
        #"{"error":{"message":"Not found","type":"invalid_request_error","param":null,"code":null}}"#,
        status: 404)
    }
    let width = BucketWidth(rawValue: value("bucket_width") ?? "1d") ?? .day
    let end = value("end_time").flatMap(Int64.init) ?? now
    let limit = min(value("limit").flatMap(Int.init) ?? 7, maxBucketsPerPage ?? .max)
    let grouped = items.contains { $0.name == "group_by" }
    var bucketStart = value("page").flatMap(Self.cursorStart) ?? start
    var buckets: [[String: Any]] = []
    while bucketStart < end, buckets.count < limit {
      let bucketEnd = min((bucketStart / width.seconds + 1) * width.seconds, end)
      buckets.append(bucket(endpoint, bucketStart, bucketEnd, grouped: grouped))
      bucketStart = bucketEnd
    }
    let hasMore = bucketStart < end
    let page: [String: Any] = [
      "object": "page", "data": buckets, "has_more": hasMore,
      "next_page": hasMore ? Self.cursor(bucketStart) : NSNull(),
    ]
    // Serialising these plain dictionaries cannot fail; an empty body would fail the test loudly.
    return .json(
      (try? JSONSerialization.data(withJSONObject: page, options: [.sortedKeys])) ?? Data())
  }

  /// A cursor holding `+`, `/` and `=`, as real cursors may.
  static func cursor(_ start: Int64) -> String { "page_+/\(start)==" }

  static func cursorStart(_ cursor: String) -> Int64? {
    guard cursor.hasPrefix("page_+/"), cursor.hasSuffix("==") else { return nil }
    return Int64(cursor.dropFirst(7).dropLast(2))
  }

  private func bucket(_ endpoint: Endpoint, _ start: Int64, _ end: Int64, grouped: Bool) -> [String:
    Any]
  {
    let groups: [String?] = grouped ? ["a", "b"] : [nil]
    let rows: [[String: Any]] = groups.enumerated().map { index, group in
      var row: [String: Any] = ["object": endpoint.resultObject]
      for field in endpoint.fields {
        let number = (start / 60 + Int64(index) * 7 + Int64(field.name.count)) % 1_000
        switch field.kind {
        case .int: row[field.name] = number
        case .double where field.name == "amount":
          row["amount"] = ["value": Double(number) / 100, "currency": "usd"]
        case .double: row[field.name] = Double(number)
        case .string where field.name == "currency": break
        case .string:
          row[field.name] =
            field.groupKey != nil && group != nil ? "\(field.name)_\(group ?? "")" : NSNull()
        case .bool, .time: row[field.name] = NSNull()
        }
      }
      return row
    }
    return [
      "object": "bucket", "start_time": start, "end_time": end,
      "results": (start / 86_400) % 5 == 3 ? [] : rows,
    ]
  }

  private func projects() -> [[String: Any]] {
    ["proj_1", "proj_2"].map {
      [
        "object": "organization.project", "id": $0, "name": "Project \($0)", "created_at": 1,
        "status": "active",
      ]
    }
  }

  private func list(_ objects: [[String: Any]], after: String?) -> HTTPResponse {
    let index =
      after.flatMap { id in objects.firstIndex { $0["id"] as? String == id }.map { $0 + 1 } } ?? 0
    let page = Array(objects[index..<min(index + 1, objects.count)])
    let body: [String: Any] = [
      "object": "list", "data": page, "first_id": page.first?["id"] ?? NSNull(),
      "last_id": page.last?["id"] ?? NSNull(), "has_more": index + 1 < objects.count,
    ]
    // Serialising these plain dictionaries cannot fail; an empty body would fail the test loudly.
    return .json(
      (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data())
  }
}

extension SyntheticAPI {
  /// A fake transport answering like this API, the query re-read from its encoded form (as a
  /// server would), with `fault` able to replace any answer.
  func transport(
    fault: @escaping @Sendable (HTTPRequest, Int) async throws -> HTTPResponse? = { _, _ in nil }
  ) -> FakeTransport {
    FakeTransport { request, number in
      if let response = try await fault(request, number) { return response }
      return respond(path: request.path, query: request.queryString)
    }
  }
}
