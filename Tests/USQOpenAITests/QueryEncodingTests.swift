import Testing
import USQOpenAI
import USQVocabulary

@Suite struct QueryEncodingTests {
  @Test("a cursor's + / = are percent-encoded; unreserved characters stay")
  func cursor() {
    #expect(
      QueryEncoding.escape("page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=")
        == "page_AAAAAGdGxdEiJdKOAAAAAGcqsYA%3D")
    #expect(QueryEncoding.escape("a+b/c=d e&f") == "a%2Bb%2Fc%3Dd%20e%26f")
    #expect(QueryEncoding.escape("gpt-4o-mini_2024.07~x") == "gpt-4o-mini_2024.07~x")
    #expect(QueryEncoding.escape("é") == "%C3%A9")
  }

  @Test("decoding reverses encoding, and reads + as a space")
  func roundTrip() {
    let items = [QueryItem("page", "x+y/z=="), QueryItem("group_by", "model")]
    #expect(QueryEncoding.decode(QueryEncoding.encode(items)) == items)
    #expect(QueryEncoding.decode("a=1+2&b=%zz") == [QueryItem("a", "1 2"), QueryItem("b", "%zz")])
  }

  @Test(
    "a full query: arrays as repeated keys, booleans lowercase, limit defaulting to the maximum, cursor last"
  )
  func fullQuery() {
    let query = UsageQuery(
      endpoint: .completions, startTime: 1_730_419_200, endTime: 1_731_024_000, bucketWidth: .hour,
      groupBy: ["model", "project_id"],
      filters: [QueryFilter("project_ids", ["proj_a", "proj_b"]), .boolean("batch", false)])
    #expect(
      QueryEncoding.encode(query.queryItems(page: "page_AA+/=="))
        == "start_time=1730419200&end_time=1731024000&bucket_width=1h&group_by=model&group_by=project_id"
        + "&project_ids=proj_a&project_ids=proj_b&batch=false&limit=168&page=page_AA%2B%2F%3D%3D")
  }

  @Test("limit is clamped to 1...maximum; no end_time when the window is open")
  func limitClamp() {
    var query = UsageQuery(endpoint: .costs, startTime: 1_748_736_000, limit: 500)
    #expect(
      QueryEncoding.encode(query.queryItems()) == "start_time=1748736000&bucket_width=1d&limit=180")
    query.limit = 0
    #expect(query.effectiveLimit == 1)
  }

  @Test(
    "the request URL and curl carry the encoded query; curl shows $OPENAI_ADMIN_KEY, never the key")
  func curl() {
    let request = HTTPRequest(
      baseURL: "https://api.openai.com/v1", path: "/organization/costs",
      query: [QueryItem("start_time", "1"), QueryItem("page", "a=")],
      headers: [HTTPHeader("Authorization", "Bearer sk-admin-SECRET")])
    #expect(request.url == "https://api.openai.com/v1/organization/costs?start_time=1&page=a%3D")
    #expect(
      request.curlCommand
        == "curl -sS 'https://api.openai.com/v1/organization/costs?start_time=1&page=a%3D' -H \"Authorization: Bearer $OPENAI_ADMIN_KEY\""
    )
    #expect(request.redacted.header("authorization") == "Bearer $OPENAI_ADMIN_KEY")
  }

  @Test(
    "invalid queries are refused with the valid choices",
    arguments: [
      (
        UsageQuery(endpoint: .completions, startTime: 1, groupBy: ["line_item"]),
        "completions: 'line_item' is not a group key of 'completions'; expected one of project_id, user_id, api_key_id, model, batch, service_tier"
      ),
      (
        UsageQuery(endpoint: .costs, startTime: 1, bucketWidth: .hour),
        "costs: bucket width '1h' is not allowed; expected 1d"
      ),
      (
        UsageQuery(endpoint: .costs, startTime: 1, filters: [QueryFilter("models", ["x"])]),
        "costs: 'models' is not a filter of 'costs'; expected one of project_ids, api_key_ids"
      ),
      (
        UsageQuery(endpoint: .completions, startTime: 1_730_419_200_000),
        "completions: start time 1730419200000 is not plausible seconds since 1970 (milliseconds?)"
      ),
      (
        UsageQuery(endpoint: .completions, startTime: 10, endTime: 10),
        "completions: end time 10 is not after start time 10"
      ),
      (
        UsageQuery(
          endpoint: .named("images"), startTime: 1, filters: [QueryFilter("sizes", ["9x9"])]),
        "images: '9x9' is not a value of 'sizes'; expected one of 256x256, 512x512, 1024x1024, 1792x1792, 1024x1792"
      ),
    ])
  func invalid(query: UsageQuery, message: String) {
    #expect(
      throws: UsageAPIError.invalidQuery(
        endpoint: query.endpoint.name, message: String(message.drop { $0 != ":" }.dropFirst(2)))
    ) {
      try query.validate()
    }
  }
}

@Suite struct RedactionTests {
  @Test("printing a request or its headers shows $OPENAI_ADMIN_KEY, never the key")
  func printing() {
    let request = HTTPRequest(
      baseURL: "https://api.openai.com/v1", path: "/organization/users",
      headers: [
        HTTPHeader("Authorization", "Bearer sk-admin-SECRET"),
        HTTPHeader("Accept", "application/json"),
      ])
    #expect(
      "\(request)" == """
        GET https://api.openai.com/v1/organization/users
        Authorization: Bearer $OPENAI_ADMIN_KEY
        Accept: application/json
        """)
    #expect(!String(reflecting: request).contains("SECRET"))
    #expect(!"\([request])".contains("SECRET"))
  }
}
