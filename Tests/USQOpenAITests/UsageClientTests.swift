import Foundation
import Testing
import USQFrame
import USQOpenAI
import USQVocabulary

@Suite struct UsageClientTests {
  static let day: Int64 = 86_400
  static let now: Int64 = 20_000 * day + 15 * 3_600  // 15:00 UTC
  let api = SyntheticAPI(now: now)

  /// The frame of sequential paging over the whole window: one request chain, no planner.
  func sequentialFrame(_ query: UsageQuery, api: SyntheticAPI? = nil) throws -> Frame {
    let api = api ?? self.api
    var frames: [Frame] = []
    var cursor: String?
    repeat {
      let items = query.queryItems(page: cursor)
      let response = api.respond(path: query.endpoint.path, query: QueryEncoding.encode(items))
      let page = try PageDecoder.decodePage(response.body, endpoint: query.endpoint)
      frames.append(page.frame)
      cursor = page.hasMore ? page.nextCursor : nil
    } while cursor != nil
    return try Frame.concatenate(frames)
  }

  @Test(
    "30 days of 1h buckets: concurrent sub-windows give the frame of sequential paging",
    arguments: [1, 4])
  func concurrentEqualsSequential(concurrency: Int) async throws {
    let query = UsageQuery(
      endpoint: .completions, startTime: Self.now / Self.day * Self.day - 29 * Self.day,
      bucketWidth: .hour,
      groupBy: ["model"])
    let transport = api.transport()
    let result = try await makeClient(transport, now: Self.now, concurrency: concurrency).fetch(
      query)
    let expected = try sequentialFrame(query)
    #expect(result.frame == expected)
    // 29 past days, 6 of them empty; today up to 15:00
    #expect(result.frame.rowCount == 2 * 24 * (29 - 6) + 2 * 15)
    // 7-day chunks 19971…19978…19985…19992…19999, then 19999…20000 and the live day
    #expect(result.windows == 6)
    #expect(transport.requests.count == 6)
    #expect(result.pagesFetched == 6)
  }

  @Test("many pages per sub-window: limit=2 follows cursors with + / = to the end")
  func manyPages() async throws {
    let query = UsageQuery(
      endpoint: .costs, startTime: 19_990 * Self.day, endTime: 19_999 * Self.day,
      groupBy: ["project_id"], limit: 2)
    var api = api
    api.maxBucketsPerPage = 1  // the server pages sooner than `limit` says
    let transport = api.transport()
    let frame = try await makeClient(transport, now: Self.now).load(query)
    #expect(frame == (try sequentialFrame(query, api: api)))
    let pages = transport.requests.map { $0.queryValues("page").first ?? "-" }
    #expect(pages.filter { $0 != "-" }.allSatisfy { $0.contains("+/") && $0.hasSuffix("==") })
    #expect(
      transport.requests.contains {
        $0.url.contains("page=page_%2B%2F") && $0.url.hasSuffix("%3D%3D")
      })
    // 2-day chunks from 19990 to 19999: four of 2 days and one of 1 day, one bucket per page
    #expect(transport.requests.count == 9)
    #expect(frame.rowCount == 9 * 2 - 2 * 2)  // two rows per bucket; days 19993 and 19998 are empty
  }

  @Test("the request carries the key in Authorization, Accept JSON, and the exact query")
  func requestShape() async throws {
    let transport = api.transport()
    let query = UsageQuery(
      endpoint: .completions, startTime: 19_999 * Self.day, endTime: 20_000 * Self.day,
      filters: [QueryFilter("models", ["gpt-4o"]), .boolean("batch", true)])
    _ = try await makeClient(transport, now: Self.now).load(query)
    let request = try #require(transport.requests.first)
    #expect(request.header("Authorization") == "Bearer sk-admin-SECRET")
    #expect(request.header("Accept") == "application/json")
    #expect(
      request.url
        == "http://api.test/v1/organization/usage/completions?start_time=1727913600&end_time=1728000000&bucket_width=1d&models=gpt-4o&batch=true&limit=31"
    )
  }
}
