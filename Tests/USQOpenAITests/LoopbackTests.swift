import Foundation
import Testing
import USQDemo
import USQFrame
import USQVocabulary

@testable import USQOpenAI

/// The real transport (URLSession) against the demo organization's HTTP server on 127.0.0.1,
/// asserting on the server's request log.
@Suite(.serialized) struct LoopbackTests {
  /// 2025-11-24 16:00 UTC, the demo's reference Monday afternoon.
  static let now: Int64 = 1_764_000_000
  static let day: Int64 = 86_400
  static let key = "sk-admin-loopback-SECRET"

  /// A running server with its log file.
  struct Served {
    let server: DemoServer
    let port: Int
    let logPath: String

    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// The log lines: path, raw query, status and fault.
    func log() throws -> [(path: String, query: String, status: Int, fault: String?)] {
      let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
      return try text.split(separator: "\n").map { line in
        let object = try #require(
          try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return (
          object["path"] as? String ?? "", object["query"] as? String ?? "",
          (object["status"] as? NSNumber)?.intValue ?? 0,
          object["fault"] as? String
        )
      }
    }
  }

  static func serve(_ options: ServeOptions = ServeOptions()) async throws -> Served {
    var options = options
    let logPath = temporaryDirectory() + "/requests.ndjson"
    options.port = 0
    options.key = options.key ?? key
    options.now = now
    options.logPath = logPath
    let server = try DemoServer(options: options)
    let port = try await server.start()
    return Served(server: server, port: port, logPath: logPath)
  }

  static func client(
    _ served: Served, key: String = key, cache: PageCache? = nil, concurrency: Int = 4,
    sleeps: SleepLog? = nil
  )
    -> UsageClient
  {
    var client = UsageClient(
      baseURL: served.baseURL, apiKey: key, transport: URLSessionTransport(timeout: 60),
      cache: cache,
      concurrency: concurrency)
    client.now = { now }
    client.sleep = { seconds in
      sleeps?.append(seconds)
      try Task.checkCancellation()
    }
    return client
  }

  /// 21 days of 1h completions grouped by model and project: 4 page-sized sub-windows.
  static let hourly = UsageQuery(
    endpoint: .completions, startTime: now / day * day - 20 * day, bucketWidth: .hour,
    groupBy: ["model", "project_id"])

  /// 14 days of 1d costs by line item: 2 page-sized sub-windows and the live day.
  static let weekly = UsageQuery(
    endpoint: .costs, startTime: now / day * day - 13 * day, groupBy: ["line_item"], limit: 5)

  @Test(
    "concurrent sub-windows over HTTP give the frame of sequential paging with 24-bucket pages and + / = cursors"
  )
  func concurrentEqualsSequential() async throws {
    let served = try await Self.serve()
    defer { Task { await served.server.stop() } }
    let concurrent = try await Self.client(served, concurrency: 4).fetch(Self.hourly)
    let windows = try served.log().count
    #expect(windows == concurrent.windows)
    // Sequential reference: the whole window, default limit (24 buckets per page), cursor to the end.
    var sequential = Self.hourly
    sequential.limit = 24
    let client = Self.client(served)
    let pages = try await client.fetchPages(.completions, path: sequential.endpoint.path) {
      cursor in
      sequential.queryItems(page: cursor)
    }
    #expect(pages.count == 21)  // 20 days and 16 hours of hours, 24 per page
    let reference = try Frame.concatenate(pages.map(\.page.frame))
    #expect(concurrent.frame == reference)
    #expect(concurrent.frame.rowCount > 3_000)
    let cursors = try served.log().dropFirst(windows).compactMap {
      QueryEncoding.decode($0.query).first { $0.name == "page" }?.value
    }
    #expect(cursors.count == 20)
    #expect(cursors.allSatisfy { $0.contains("+") && $0.contains("/") && $0.hasSuffix("==") })
    #expect(try served.log().allSatisfy { $0.status == 200 })
  }

  @Test("429 (Retry-After 1), 500 and truncated bodies are each recovered by one more request")
  func faults() async throws {
    for (fault, options) in [
      ("429", ServeOptions(failEvery: 2)), ("500", ServeOptions(error500Every: 2)),
      ("truncate", ServeOptions(truncateEvery: 2)),
    ] {
      let served = try await Self.serve(options)
      let sleeps = SleepLog()
      let result = try await Self.client(served, concurrency: 1, sleeps: sleeps).fetch(Self.weekly)
      let log = try served.log()
      await served.server.stop()
      #expect(log.count == 2 * result.windows - 1, "\(fault)")
      #expect(log.filter { $0.fault == fault }.count == result.windows - 1)
      #expect(sleeps.waits.count == result.windows - 1)
      if fault == "429" { #expect(sleeps.waits.allSatisfy { $0 == 1 }) }
      let clean = try await Self.client(try await Self.serve(), concurrency: 1).load(Self.weekly)
      #expect(result.frame == clean, "\(fault)")
    }
  }

  @Test(
    "401 for a wrong key, 403 for a project key: messages name the admin key; the key is never shown"
  )
  func authentication() async throws {
    let served = try await Self.serve()
    defer { Task { await served.server.stop() } }
    let wrong = await #expect(throws: UsageAPIError.self) {
      try await Self.client(served, key: "sk-admin-WRONG-SECRET").load(Self.hourly)
    }
    guard case .unauthorized? = wrong else {
      return #expect(Bool(false), "\(String(describing: wrong))")
    }
    #expect(wrong?.description.contains("OPENAI_ADMIN_KEY") == true)
    let project = await #expect(throws: UsageAPIError.self) {
      try await Self.client(served, key: "sk-proj-SECRET").load(Self.hourly)
    }
    guard case .forbidden(let context)? = project else {
      return #expect(Bool(false), "\(String(describing: project))")
    }
    #expect(context.status == 403)
    #expect(
      project?.description.hasPrefix(
        "the key may not read usage for 'completions' (HTTP 403): a project key") == true)
    #expect(!"\(String(reflecting: wrong)) \(String(reflecting: project))".contains("SECRET"))
  }

  @Test("400: the API's message and param, without retry")
  func badRequest() async throws {
    let served = try await Self.serve()
    defer { Task { await served.server.stop() } }
    let client = Self.client(served)
    let request = client.request(
      path: "/organization/costs",
      query: [QueryItem("start_time", "1"), QueryItem("colour", "red")])
    let error = await #expect(throws: UsageAPIError.self) {
      try await client.send(request, endpoint: .costs, page: 1)
    }
    guard case .badRequest(_, let message, let param)? = error else {
      return #expect(Bool(false), "\(String(describing: error))")
    }
    #expect(param == "colour")
    #expect(message.contains("colour"))
    #expect(try served.log().count == 1)
  }

  @Test(
    "a cached re-run makes requests only for the bucket in progress; a corrupt file is refetched")
  func cache() async throws {
    let served = try await Self.serve()
    defer { Task { await served.server.stop() } }
    let directory = temporaryDirectory()
    let cache = PageCache(directory: directory)
    let cold = try await Self.client(served, cache: cache).fetch(Self.hourly)
    let coldRequests = try served.log().count
    let warm = try await Self.client(served, cache: cache).fetch(Self.hourly)
    #expect(warm.frame == cold.frame)
    #expect(try served.log().count == coldRequests + 1)
    #expect(!(try served.log().last?.query.contains("end_time") ?? true))
    let file = try #require(
      try FileManager.default.contentsOfDirectory(atPath: directory).first {
        $0.hasSuffix(".usqpages")
      })
    try Data("usq-page-cache 1\ngarbage".utf8).write(
      to: URL(fileURLWithPath: directory + "/" + file))
    let repaired = try await Self.client(served, cache: cache).fetch(Self.hourly)
    #expect(repaired.frame == cold.frame)
    #expect(try served.log().count == coldRequests + 3)
  }

  @Test("cancelling the task abandons every request in flight and starts no new one")
  func cancellation() async throws {
    let served = try await Self.serve(ServeOptions(latencyMilliseconds: 1_500))
    defer { Task { await served.server.stop() } }
    let client = Self.client(served, concurrency: 4)
    var wide = Self.hourly
    wide.startTime -= 60 * Self.day  // 12 sub-windows: 8 left to start after the first 4
    let task = Task { try await client.load(wide) }
    try await Task.sleep(nanoseconds: 400_000_000)
    let started = ContinuousClock.now
    task.cancel()
    let result = await task.result
    #expect(ContinuousClock.now - started < .milliseconds(500))
    #expect(throws: UsageAPIError.cancelled) { try result.get() }
    try await Task.sleep(nanoseconds: 2_000_000_000)
    let log = try served.log()
    // at most the four in flight reached the server; nothing after
    #expect(log.count <= 4, "\(log)")
  }
}
