import Foundation
import Testing
import USQOpenAI

@testable import USQDemo

@Suite struct DemoAPIShapeTests {
  @Test("paging 30 days of 1d buckets takes 5 pages whose cursors contain + / and =")
  func pagination() throws {
    let start = fixedNow - 30 * 86_400
    var cursor: String?
    var pages = 0
    var all: [[String: Any]] = []
    repeat {
      let page = get(
        "/organization/usage/completions",
        [("start_time", String(start))] + (cursor.map { [("page", $0)] } ?? [])
      ).json
      all += buckets(page)
      cursor = page["next_page"] as? String
      #expect((page["has_more"] as? Bool) == (cursor != nil))
      if let cursor {
        #expect(cursor.contains("+") && cursor.contains("/") && cursor.contains("="))
      }
      pages += 1
    } while cursor != nil && pages < 10
    #expect(pages == 5)
    #expect(all.count == 31)
    #expect(int(all.first?["start_time"]) == start)
    #expect(int(all.first?["end_time"]) == 1_761_436_800)
    #expect(int(all.last?["end_time"]) == fixedNow)
    for (left, right) in zip(all, all.dropFirst()) {
      #expect(int(left["end_time"]) == int(right["start_time"]))
    }
  }

  @Test("limit defaults and maxima follow the bucket width")
  func limits() {
    let start = String(fixedNow - 40 * 86_400)
    #expect(
      buckets(get("/organization/usage/completions", [("start_time", start)]).json).count == 7)
    #expect(
      buckets(
        get("/organization/usage/completions", [("start_time", start), ("bucket_width", "1h")]).json
      ).count == 24)
    #expect(
      buckets(
        get("/organization/usage/completions", [("start_time", start), ("bucket_width", "1m")]).json
      ).count == 60)
    #expect(
      buckets(
        get("/organization/usage/completions", [("start_time", start), ("limit", "31")]).json
      ).count == 31)
    #expect(
      buckets(get("/organization/costs", [("start_time", start), ("limit", "180")]).json).count
        == 41)
    #expect(
      get("/organization/usage/completions", [("start_time", start), ("limit", "32")]).status == 400
    )
    #expect(
      get(
        "/organization/usage/completions",
        [("start_time", start), ("bucket_width", "1h"), ("limit", "169")]
      ).status == 400)
    #expect(get("/organization/costs", [("start_time", start), ("limit", "181")]).status == 400)
  }

  struct ErrorCase: CustomTestStringConvertible, Sendable {
    let query: [(String, String)]
    let path: String
    let param: String
    let message: String
    var testDescription: String { message }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      query: [], path: "/organization/usage/completions", param: "start_time",
      message: "Missing required parameter: 'start_time'."),
    ErrorCase(
      query: [("start_time", "1763510400"), ("group_by", "modle")],
      path: "/organization/usage/completions", param: "group_by",
      message:
        "Invalid value for 'group_by': 'modle'. Supported values are: 'project_id', 'user_id', 'api_key_id', 'model', 'batch' and 'service_tier'."
    ),
    ErrorCase(
      query: [("start_time", "1763510400"), ("bucket_width", "1w")],
      path: "/organization/usage/embeddings", param: "bucket_width",
      message: "Invalid value for 'bucket_width': '1w'. Supported values are: '1m', '1h' and '1d'."),
    ErrorCase(
      query: [("start_time", "1763510400"), ("bucket_width", "1h")], path: "/organization/costs",
      param: "bucket_width",
      message: "Invalid value for 'bucket_width': '1h'. Supported values are: '1d'."),
    ErrorCase(
      query: [("start_time", "1763510400"), ("limit", "0")], path: "/organization/usage/images",
      param: "limit",
      message: "Invalid value for 'limit': 0. It must be between 1 and 31 for bucket_width '1d'."),
    ErrorCase(
      query: [("start_time", "yesterday")], path: "/organization/usage/moderations",
      param: "start_time",
      message: "Invalid value for 'start_time': expected an integer, got 'yesterday'."),
    ErrorCase(
      query: [("start_time", "1763510400"), ("batch", "False")],
      path: "/organization/usage/completions", param: "batch",
      message: "Invalid value for 'batch': 'False'. Supported values are: 'true' and 'false'."),
    ErrorCase(
      query: [("start_time", "1763510400"), ("models", "gpt-4o")],
      path: "/organization/usage/vector_stores", param: "models",
      message: "Unrecognized query parameter: 'models'."),
    ErrorCase(
      query: [("start_time", "1763510400"), ("page", "page_AAAA")],
      path: "/organization/usage/completions", param: "page",
      message: "Invalid value for 'page': 'page_AAAA' is not a valid page cursor."),
  ]

  @Test("bad parameters get the API's 400 error body", arguments: errorCases)
  func badParameters(_ errorCase: ErrorCase) throws {
    let (status, json) = get(errorCase.path, errorCase.query)
    #expect(status == 400)
    let error = try #require(json["error"] as? [String: Any])
    #expect(Set(error.keys) == ["message", "type", "param", "code"])
    #expect(error["message"] as? String == errorCase.message)
    #expect(error["type"] as? String == "invalid_request_error")
    #expect(error["param"] as? String == errorCase.param)
  }

  @Test("bracketed array keys are read like repeated keys")
  func bracketKeys() {
    let plain = get(
      "/organization/usage/completions",
      [("start_time", String(wednesday)), ("group_by", "model"), ("group_by", "project_id")])
    let brackets = get(
      "/organization/usage/completions",
      [("start_time", String(wednesday)), ("group_by[]", "model"), ("group_by[]", "project_id")])
    #expect(plain.status == 200)
    #expect(NSDictionary(dictionary: plain.json) == NSDictionary(dictionary: brackets.json))
  }

  @Test("costs agree with usage: each line item is its usage times the list price")
  func costsAgreeWithUsage() throws {
    let day = [("start_time", String(wednesday)), ("end_time", String(wednesday + 86_400))]
    let costs = try #require(
      allBuckets("/organization/costs", day + [("group_by", "line_item")]).first.map(rows))
    let usage = totals(
      allBuckets(
        "/organization/usage/completions",
        day + [("group_by", "model"), ("group_by", "batch"), ("group_by", "service_tier")]),
      groupBy: ["model", "batch", "service_tier"])
    let total = try #require(allBuckets("/organization/costs", day).first.map(rows)?.first)
    var sum = Decimal(0)
    var checked = 0
    for row in costs {
      let amount = try #require((row["amount"] as? [String: Any])?["value"] as? NSNumber)
      sum += Decimal(string: "\(amount)") ?? 0
      // Priority items carry their tier as a prefix (`priority | MODEL, output`): not default.
      guard let item = row["line_item"] as? String, item.hasSuffix(", output"), !item.contains("|")
      else { continue }
      let name = String(item.dropLast(", output".count))
      let model = try #require(DemoModel.lineUp.first { $0.name == name })
      let tokens = try #require(usage["\(name)|0|default"]?["output_text_tokens"])
      #expect(int(row["quantity"]) == tokens)
      let expected = Decimal(tokens) * Decimal(model.outputPrice) / Decimal(1_000_000_000_000)
      #expect(Decimal(string: "\(amount)") == expected, "\(item)")
      checked += 1
    }
    #expect(checked >= 5)
    let grand = try #require((total["amount"] as? [String: Any])?["value"] as? NSNumber)
    #expect(abs(NSDecimalNumber(decimal: sum).doubleValue - grand.doubleValue) < 1e-6)
  }

  @Test("admin lists page with after and include_archived")
  func adminLists() throws {
    let active = get("/organization/projects", []).json
    let all = get("/organization/projects", [("include_archived", "true")]).json
    #expect((active["data"] as? [Any])?.count == 7)
    #expect((all["data"] as? [Any])?.count == 8)
    let first = get("/organization/users", [("limit", "10")]).json
    #expect(first["has_more"] as? Bool == true)
    let after = try #require(first["last_id"] as? String)
    let second = get("/organization/users", [("limit", "100"), ("after", after)]).json
    #expect((second["data"] as? [Any])?.count == 15)
    let project = sharedOrganization.projects[1].id
    let keys = get("/organization/projects/\(project)/api_keys", []).json
    // Seven keys were created; one was deleted and is no longer listed.
    #expect((keys["data"] as? [Any])?.count == 6)
    #expect(get("/organization/projects/proj_nope", []).status == 404)
    #expect(get("/organization/usage/nothing", [("start_time", "1")]).status == 404)
  }
}

@Suite struct DemoEdgeCaseTests {
  @Test("unknown IDs in filters give empty buckets, not errors")
  func unknownIDs() {
    let (status, page) = get(
      "/organization/usage/completions",
      [("start_time", String(wednesday)), ("project_ids", "proj_unknown")])
    #expect(status == 200)
    #expect(buckets(page).count == 6)
    #expect(buckets(page).allSatisfy { rows($0).isEmpty })
  }

  @Test("buckets after now exist but are empty; the bucket holding now stops at now")
  func future() {
    let end = fixedNow + 2 * 86_400
    let days = allBuckets(
      "/organization/usage/embeddings",
      [("start_time", String(fixedNow - 86_400)), ("end_time", String(end))])
    #expect(
      days.map { int($0["end_time"]) ?? 0 } == [1_763_942_400, 1_764_028_800, 1_764_115_200, end])
    #expect(days.map { rows($0).isEmpty } == [false, false, true, true])
    let partial = get(
      "/organization/usage/embeddings",
      [
        ("start_time", String(fixedNow - 3_600)), ("end_time", String(fixedNow + 3_600)),
        ("bucket_width", "1h"),
      ], now: fixedNow - 1_800
    ).json
    let early = totals(buckets(partial), groupBy: [])
    let late = totals(
      buckets(
        get(
          "/organization/usage/embeddings",
          [
            ("start_time", String(fixedNow - 3_600)), ("end_time", String(fixedNow + 3_600)),
            ("bucket_width", "1h"),
          ]
        ).json), groupBy: [])
    #expect((early[""]?["num_model_requests"] ?? 0) < (late[""]?["num_model_requests"] ?? 0))
  }

  @Test("single objects are found by ID and archived projects refuse member lists")
  func adminObjects() throws {
    let organization = sharedOrganization
    let project = organization.projects[1]
    let single = get("/organization/projects/\(project.id)", []).json
    #expect(single["name"] as? String == "Support Assistant")
    #expect(single["object"] as? String == "organization.project")
    let key = try #require(organization.apiKeys.first { $0.project == 1 && $0.deletedAt == nil })
    let found = get("/organization/projects/\(project.id)/api_keys/\(key.id)", []).json
    #expect(found["id"] as? String == key.id)
    #expect((found["owner"] as? [String: Any])?["type"] as? String == "service_account")
    let archived = try #require(organization.projects.first { $0.archivedAt != nil })
    let refused = get("/organization/projects/\(archived.id)/service_accounts", [])
    #expect(refused.status == 400)
    #expect((refused.json["error"] as? [String: Any])?["code"] as? String == "project_archived")
    let listed =
      get("/organization/projects", [("include_archived", "true")]).json["data"] as? [[String: Any]]
      ?? []
    #expect(listed.first { $0["id"] as? String == archived.id }?["status"] as? String == "archived")
    #expect(
      get("/organization/users", [("emails", organization.users[2].email)]).json["first_id"]
        as? String == organization.users[2].id)
  }

  @Test("the user who left is not listed but their traffic remains")
  func formerUser() throws {
    let former = try #require(sharedOrganization.users.first { $0.hasLeft })
    let listed =
      get("/organization/users", [("limit", "100")]).json["data"] as? [[String: Any]] ?? []
    #expect(listed.count == 25)
    #expect(!listed.contains { $0["id"] as? String == former.id })
    let old = allBuckets(
      "/organization/usage/completions",
      [
        ("start_time", String(DemoCalendar.date(2025, 10, 1))),
        ("end_time", String(DemoCalendar.date(2025, 10, 8))), ("user_ids", former.id),
      ])
    #expect(old.contains { !rows($0).isEmpty })
  }

  @Test("POST and unknown paths answer 404 in the API's error shape")
  func notFound() {
    let request = HTTPRequest(
      method: "POST", baseURL: "", path: "/v1/organization/usage/completions")
    let response = sharedOrganization.respond(to: request, now: fixedNow)
    #expect(response.status == 404)
    #expect(
      String(decoding: response.body, as: UTF8.self)
        == #"{"error":{"message":"Invalid URL (POST /v1/organization/usage/completions)","type":"invalid_request_error","param":null,"code":null}}"#
    )
  }
}
