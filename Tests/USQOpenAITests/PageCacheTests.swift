import Foundation
import Testing
import USQFrame
import USQOpenAI
import USQVocabulary

@Suite struct PageCacheTests {
  static let day: Int64 = 86_400
  static let now: Int64 = 20_000 * day + 15 * 3_600
  let api = SyntheticAPI(now: now)
  /// 60 days up to now: past chunks are final, today is live.
  let query = UsageQuery(endpoint: .completions, startTime: 19_941 * day, groupBy: ["model"])

  @Test(
    "a repeated query makes no request for the past: only the bucket in progress is fetched again")
  func rerun() async throws {
    let cache = PageCache(directory: temporaryDirectory())
    let first = api.transport()
    let cold = try await makeClient(first, now: Self.now, cache: cache).fetch(query)
    #expect(first.requests.count == 4)  // 19941…19964, 19964…19995, 19995…20000, live
    #expect(cache.info().files == 3)
    let second = api.transport()
    let warm = try await makeClient(second, now: Self.now, cache: cache).fetch(query)
    #expect(warm.frame == cold.frame)
    #expect(warm.cachedWindows == 3 && warm.pagesFetched == 1)
    #expect(second.requests.map { $0.queryValues("start_time") } == [["\(20_000 * Self.day)"]])
    #expect(second.requests.first?.queryValues("end_time") == [])
  }

  @Test(
    "a corrupt, truncated or foreign-version cache file is discarded and fetched again",
    arguments: ["corrupt", "truncated", "version"])
  func damaged(kind: String) async throws {
    let directory = temporaryDirectory()
    let cache = PageCache(directory: directory)
    let cold = try await makeClient(api.transport(), now: Self.now, cache: cache).load(query)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
      $0.hasSuffix(".usqpages")
    }.sorted()
    let path = directory + "/" + files[0]
    let original = try Data(contentsOf: URL(fileURLWithPath: path))
    let damaged: Data =
      switch kind {
      case "corrupt":
        Data(
          original.enumerated().map { index, byte in
            index == original.count / 2 ? byte ^ 0x10 : byte
          })
      case "truncated": original.prefix(original.count - 10)
      default: Data("usq-page-cache 999\n".utf8) + original.drop { $0 != 0x0A }.dropFirst()
      }
    try damaged.write(to: URL(fileURLWithPath: path))
    let transport = api.transport()
    let warm = try await makeClient(transport, now: Self.now, cache: cache).load(query)
    #expect(warm == cold)
    #expect(transport.requests.count == 2)  // the damaged chunk and the live bucket
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)  // rewritten whole
  }

  @Test("the key is never in a cache file or its name; info and clear count files and bytes")
  func keyAndInfo() async throws {
    let directory = temporaryDirectory()
    let cache = PageCache(directory: directory)
    _ = try await makeClient(api.transport(), now: Self.now, cache: cache).load(query)
    for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
      #expect(!name.contains("SECRET"))
      let text = String(
        decoding: try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)), as: UTF8.self)
      #expect(!text.contains("SECRET"))
    }
    let info = cache.info()
    #expect(info.files == 3 && info.bytes > 1_000)
    #expect(cache.clear() == 3)
    #expect(cache.info() == PageCache.Info(files: 0, bytes: 0))
  }

  @Test("series keys differ by base URL, key, endpoint and parameters, and are 64 hex digits")
  func keys() {
    let items = [QueryItem("bucket_width", "1d")]
    let base = PageCache.seriesKey(
      baseURL: "a", apiKey: "k", endpoint: "completions", parameters: items)
    #expect(base.count == 64 && base.allSatisfy(\.isHexDigit))
    #expect(
      base
        != PageCache.seriesKey(
          baseURL: "b", apiKey: "k", endpoint: "completions", parameters: items))
    #expect(
      base
        != PageCache.seriesKey(
          baseURL: "a", apiKey: "k2", endpoint: "completions", parameters: items))
    #expect(
      base != PageCache.seriesKey(baseURL: "a", apiKey: "k", endpoint: "costs", parameters: items))
    #expect(
      base
        != PageCache.seriesKey(baseURL: "a", apiKey: "k", endpoint: "completions", parameters: []))
    #expect(
      base
        == PageCache.seriesKey(
          baseURL: "a", apiKey: "k", endpoint: "completions", parameters: items))
    #expect(PageCache.windowKey(series: "s", start: 10, end: 20) == "s-10-20")
  }

  @Test("a re-run a day later reads what the first run cached and fetches only the new buckets")
  func nextDay() async throws {
    let cache = PageCache(directory: temporaryDirectory())
    _ = try await makeClient(api.transport(), now: Self.now, cache: cache).load(query)
    let later = Self.now + Self.day
    var laterAPI = api
    laterAPI.now = later
    let transport = laterAPI.transport()
    let client = makeClient(transport, now: later, cache: cache)
    #expect(
      client.plan(query).map { [$0.window.start / Self.day, ($0.window.end ?? 0) / Self.day] } == [
        [19_941, 19_964], [19_964, 19_995], [19_995, 20_000], [20_000, 20_001], [20_001, 0],
      ])
    #expect(client.plan(query).map(\.isCached) == [true, true, true, false, false])
    let warm = try await client.fetch(query)
    #expect(
      transport.requests.map { $0.queryValues("start_time") } == [
        ["\(20_000 * Self.day)"], ["\(20_001 * Self.day)"],
      ])
    let fresh = try await makeClient(laterAPI.transport(), now: later).load(query)
    #expect(warm.frame == fresh)
    #expect(warm.cachedWindows == 3)
  }

  @Test("the directory: USQ_CACHE_DIR, else XDG_CACHE_HOME/usq, else HOME/.cache/usq")
  func directory() {
    #expect(
      PageCache.defaultDirectory(environment: [
        "USQ_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x", "HOME": "/h",
      ]) == "/c")
    #expect(
      PageCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/usq")
    #expect(PageCache.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.cache/usq")
    #expect(PageCache.defaultDirectory(environment: [:]) == nil)
  }

  @Test("the binary frame form round-trips every column kind, nulls and all, and rejects damage")
  func codec() throws {
    let frame = try Frame(validating: [
      ("t", .time(TimeColumn(values: [1, 2, 3]))),
      ("i", Column.from([.int(5), .null, .int(-7)], kind: .int)),
      ("d", Column.from([.double(0.5), .double(-1e300), .null], kind: .double)),
      ("b", Column.from([.bool(true), .null, .bool(false)], kind: .bool)),
      ("s", Column.from([.string("é"), .null, .string("é")], kind: .string)),
    ])
    let cache = PageCache(directory: temporaryDirectory())
    try cache.store("k", frame: frame)
    #expect(cache.load("k", schema: frame.schema) == frame)
    #expect(cache.load("k", schema: Schema([])) == nil)  // another schema: discarded
    #expect(cache.info().files == 0)
    try cache.store("k", frame: Frame(empty: Endpoint.costs.schema))
    #expect(cache.load("k", schema: Endpoint.costs.schema)?.rowCount == 0)
  }

  @Test("plan: one request per sub-window, expected pages, cached flags, key redacted")
  func plan() async throws {
    let cache = PageCache(directory: temporaryDirectory())
    let client = makeClient(api.transport(), now: Self.now, cache: cache)
    let before = client.plan(query)
    #expect(before.map(\.isCached) == [false, false, false, false])
    #expect(before.map(\.expectedPages) == [1, 1, 1, 1])
    #expect(before.map(\.window.isFinal) == [true, true, true, false])
    #expect(
      before[3].request.url
        == "http://api.test/v1/organization/usage/completions?start_time=1728000000&bucket_width=1d&group_by=model&limit=31"
    )
    #expect(before.allSatisfy { $0.request.header("Authorization") == "Bearer $OPENAI_ADMIN_KEY" })
    _ = try await client.load(query)
    #expect(client.plan(query).map(\.isCached) == [true, true, true, false])
    #expect(client.plannedRequests(query).count == 4)
  }
}

@Suite struct ListTests {
  let api = SyntheticAPI(now: 1_750_000_000)

  @Test("projects are listed with include_archived=true, paged with after=last_id")
  func projects() async throws {
    let transport = api.transport()
    let frame = try await makeClient(transport).list(.named("projects"))
    #expect(frame["id"].map { [$0[0], $0[1]] } == [.string("proj_1"), .string("proj_2")])
    #expect(
      transport.requests.map(\.target) == [
        "/organization/projects?limit=100&include_archived=true",
        "/organization/projects?limit=100&include_archived=true&after=proj_1",
      ])
  }

  @Test("api_keys lists every project's keys, with project_id and the owner flattened")
  func apiKeys() async throws {
    let transport = api.transport()
    let frame = try await makeClient(transport, concurrency: 1).list(.named("api_keys"))
    #expect(
      dump(frame) == """
        id | redacted_value | name | created_at | last_used_at | owner_project_access | owner_type | owner_id | owner_name | project_id
        key_proj_1 | sk-...x | Key of proj_1 | @1 | null | active | service_account | svc_1 | bot | proj_1
        key_proj_2 | sk-...x | Key of proj_2 | @1 | null | active | service_account | svc_1 | bot | proj_2
        """)
    #expect(
      transport.requests.suffix(2).map(\.target) == [
        "/organization/projects/proj_1/api_keys?limit=100&owner_project_access=any",
        "/organization/projects/proj_2/api_keys?limit=100&owner_project_access=any",
      ])
  }

  @Test("a usage endpoint is not a list")
  func notAList() async {
    await #expect(
      throws: UsageAPIError.invalidQuery(
        endpoint: "costs", message: "'costs' is not a list endpoint")
    ) {
      try await makeClient(api.transport()).list(.costs)
    }
  }
}
