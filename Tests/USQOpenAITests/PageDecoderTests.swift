import Foundation
import Testing
import USQFrame
import USQOpenAI
import USQVocabulary

@Suite struct PageDecoderTests {
  static let pages: [(file: String, endpoint: String)] = EndpointCatalog.bucketed.flatMap {
    endpoint in
    let stem = endpoint.name.replacingOccurrences(of: "_", with: "-")
    return [("\(stem)-page.json", endpoint.name), ("\(stem)-page-grouped.json", endpoint.name)]
  }

  @Test(
    "every example page decodes to the frame an independent JSONSerialization reading gives",
    arguments: pages)
  func everyExample(file: String, endpoint name: String) throws {
    let endpoint = Endpoint.named(name)
    let data = try Fixtures.data(file)
    let frame = try PageDecoder.decode(data, endpoint: endpoint)
    #expect(frame.names == endpoint.schema.names)
    #expect(frame.schema == endpoint.schema)
    #expect(dump(frame) == dump(try referenceFrame(data, endpoint)))
  }

  @Test(
    "the ungrouped completions example: one row, every token field, dimensions null, paging facts")
  func completions() throws {
    let page = try PageDecoder.decodePage(
      Fixtures.data("completions-page.json"), endpoint: .completions)
    #expect(
      dump(page.frame) == """
        start_time | end_time | input_tokens | input_cached_tokens | input_cache_write_tokens | input_uncached_tokens | output_tokens | input_text_tokens | output_text_tokens | input_cached_text_tokens | input_audio_tokens | input_cached_audio_tokens | output_audio_tokens | input_image_tokens | input_cached_image_tokens | output_image_tokens | num_model_requests | project_id | user_id | api_key_id | model | batch | service_tier
        @1730419200 | @1730505600 | 1000 | 400 | 100 | 500 | 500 | 400 | 400 | 300 | 50 | 50 | 50 | 50 | 50 | 50 | 5 | null | null | null | null | null | null
        """)
    #expect(page.hasMore)
    #expect(page.nextCursor == "page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=")
    #expect(page.buckets == [BucketSpan(start: 1_730_419_200, end: 1_730_505_600)])
  }

  @Test("costs: amount.value as a number and as a numeric string both become the double amount")
  func costs() throws {
    let grouped = try PageDecoder.decode(Fixtures.data("costs-page-grouped.json"), endpoint: .costs)
    #expect(
      dump(grouped.slice(0..<2)) == """
        start_time | end_time | amount | currency | line_item | project_id | api_key_id | quantity | quantity_unit
        @1748736000 | @1748822400 | 0.0601875 | usd | gpt-4o-mini-2024-07-18, input | proj_Xk2LpQ8vN3aTzR1c | null | 401250.0 | tokens
        @1748736000 | @1748822400 | 0.057786 | usd | gpt-4o-mini-2024-07-18, output | proj_Xk2LpQ8vN3aTzR1c | null | 96310.0 | tokens
        """)
    let deviation = try PageDecoder.decode(
      Fixtures.data("deviations/costs-page-amount-as-string.json"), endpoint: .costs)
    #expect(
      dump(deviation) == """
        start_time | end_time | amount | currency | line_item | project_id | api_key_id | quantity | quantity_unit
        @1748736000 | @1748822400 | 12.5 | usd | Text tokens | null | null | null | null
        """)
  }

  @Test("rows of another endpoint's object are skipped and counted; old 'result' arrays are read")
  func skipsForeignRows() throws {
    let json = """
      {"object":"page","has_more":false,"next_page":null,"data":[
        {"object":"bucket","start_time":0,"end_time":60,"results":[
          {"object":"organization.usage.embeddings.result","input_tokens":1,"num_model_requests":1},
          {"object":"organization.usage.completions.result","input_tokens":7,"output_tokens":3,"num_model_requests":2,"model":"m","batch":true,"extra":{"x":1}}]},
        {"object":"bucket","start_time":60,"end_time":120,"result":[
          {"object":"organization.usage.completions.result","input_tokens":"8","output_tokens":4.0,"num_model_requests":1}]},
        {"object":"bucket","start_time":120,"end_time":180,"results":[]}]}
      """
    let page = try PageDecoder.decodePage(Data(json.utf8), endpoint: .completions)
    #expect(page.skippedRows == 1)
    #expect(page.frame.rowCount == 2)
    #expect(page.frame["input_tokens"].map { [$0[0], $0[1]] } == [.int(7), .int(8)])
    #expect(page.frame["output_tokens"].map { [$0[0], $0[1]] } == [.int(3), .int(4)])
    #expect(page.frame["batch"].map { [$0[0], $0[1]] } == [.bool(true), .null])
    #expect(page.frame["input_cached_tokens"]?.nullCount == 2)
    #expect(page.buckets.count == 3)
  }

  @Test("truncated or invalid JSON throws")
  func truncated() throws {
    let data = try Fixtures.data("completions-page.json")
    #expect(throws: (any Error).self) {
      try PageDecoder.decode(data.prefix(data.count / 2), endpoint: .completions)
    }
    #expect(throws: (any Error).self) {
      try PageDecoder.decode(Data("<html>".utf8), endpoint: .completions)
    }
  }

  @Test("an array of pages decodes to their rows in order, as load concatenates them")
  func arrayOfPages() throws {
    let one = try Fixtures.data("costs-page-grouped.json")
    let two = try Fixtures.data("deviations/costs-page-amount-as-string.json")
    let array = Data("[".utf8) + one + Data(",".utf8) + two + Data("]".utf8)
    let frame = try PageDecoder.decode(array, endpoint: .costs)
    let expected = try Frame.concatenate([
      PageDecoder.decode(one, endpoint: .costs), PageDecoder.decode(two, endpoint: .costs),
    ])
    #expect(frame == expected)
    #expect(frame.rowCount == 6)
  }

  @Test("lists: projects, users and api_keys (owner flattened, project_id from the request)")
  func lists() throws {
    let projects = try PageDecoder.decode(
      Fixtures.data("admin/projects-list.json"), endpoint: .named("projects"))
    #expect(
      dump(projects) == """
        id | name | created_at | archived_at | status | external_key_id | residency
        proj_abc | Project example | @1711471533 | null | active | null | null
        """)
    let users = try PageDecoder.decodePage(
      Fixtures.data("admin/users-list.json"), endpoint: .named("users"))
    #expect(
      users.frame.rows.first?.prefix(5) == [
        .string("user_abc"), .string("First Last"), .string("user@example.com"), .string("owner"),
        .time(1_711_471_533),
      ])
    #expect(users.nextCursor == "user-xyz" && !users.hasMore)
    let keys = try PageDecoder.decodePage(
      Fixtures.data("admin/project-api-keys-list.json"), endpoint: .named("api_keys"),
      projectID: "proj_abc")
    #expect(
      dump(keys.frame) == """
        id | redacted_value | name | created_at | last_used_at | owner_project_access | owner_type | owner_id | owner_name | project_id
        key_abc | sk-abc...def | My API Key | @1711471533 | @1711471534 | active | user | user_abc | First Last | proj_abc
        """)
  }
}

/// A naive reading of a page with JSONSerialization, following the reference's field names:
/// the yardstick for `PageDecoder`.
private func referenceFrame(_ data: Data, _ endpoint: Endpoint) throws -> Frame {
  let page = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  var rows: [[Value]] = []
  for bucket in page["data"] as? [[String: Any]] ?? [] {
    for row in bucket["results"] as? [[String: Any]] ?? [] {
      let times: [Value] = [
        .time(bucket["start_time"] as? Int64 ?? -1), .time(bucket["end_time"] as? Int64 ?? -1),
      ]
      rows.append(times + endpoint.fields.map { field in referenceValue(row, field) })
    }
  }
  return Frame(
    unchecked: endpoint.schema.fields.enumerated().map { column, field in
      (field.name, Column.from(rows.map { $0[column] }, kind: field.kind))
    })
}

private func referenceValue(_ row: [String: Any], _ field: ResultField) -> Value {
  var object: Any? = row
  for key in field.jsonPath { object = (object as? [String: Any])?[key] }
  switch (field.kind, object) {
  case (_, nil), (_, is NSNull): return .null
  case (.string, let text as String): return .string(text)
  case (.bool, let number as NSNumber): return .bool(number.boolValue)
  case (.int, let number as NSNumber): return .int(number.int64Value)
  case (.double, let number as NSNumber): return .double(number.doubleValue)
  case (.double, let text as String): return Double(text).map(Value.double) ?? .null
  default: return .null
  }
}
