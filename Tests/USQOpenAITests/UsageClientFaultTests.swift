import Foundation
import Testing
import USQFrame
import USQOpenAI
import USQVocabulary

@Suite struct UsageClientFaultTests {
  static let day: Int64 = 86_400
  static let now: Int64 = 20_000 * day + 15 * 3_600
  let api = SyntheticAPI(now: now)
  /// One past day: one sub-window, one request when nothing fails.
  let query = UsageQuery(endpoint: .completions, startTime: 19_999 * day, endTime: 20_000 * day)

  static func error(_ message: String, param: String? = nil) -> String {
    let param = param.map { "\"\($0)\"" } ?? "null"
    return
      #"{"error":{"message":"\#(message)","type":"invalid_request_error","param":\#(param),"code":null}}"#
  }

  func load(_ transport: FakeTransport, sleeps: SleepLog? = nil) async throws(UsageAPIError)
    -> Frame
  {
    try await makeClient(transport, now: Self.now, sleeps: sleeps).load(query)
  }

  @Test("429 with Retry-After: 3 waits 3 s, then succeeds on the second request")
  func rateLimited() async throws {
    let sleeps = SleepLog()
    let transport = api.transport { _, number in
      number == 0
        ? .json(Self.error("Rate limit"), status: 429, headers: [HTTPHeader("Retry-After", "3")])
        : nil
    }
    let frame = try await load(transport, sleeps: sleeps)
    #expect(frame.rowCount == 1)
    #expect(transport.requests.count == 2)
    #expect(sleeps.waits == [3])
  }

  @Test("500, 502, a truncated body and a cut connection are retried with backoff 0.5, 1, 2, 4 s")
  func transientFailures() async throws {
    let sleeps = SleepLog()
    let transport = api.transport { request, number in
      switch number {
      case 0: return .json("oops", status: 500)
      case 1: return .json("bad gateway", status: 502)
      case 2:
        let whole = api.respond(path: request.path, query: request.queryString).body
        return .json(whole.prefix(whole.count / 2))
      case 3: throw TransportError.connectionLost("reset by peer")
      default: return nil
      }
    }
    let frame = try await load(transport, sleeps: sleeps)
    #expect(frame.rowCount == 1)
    #expect(transport.requests.count == 5)
    #expect(sleeps.waits == [0.5, 1, 2, 4])
  }

  @Test("retries exhausted: five attempts, the last status in the message")
  func exhausted() async throws {
    let transport = api.transport { _, _ in
      .json("busy", status: 503, headers: [HTTPHeader("x-request-id", "req_123")])
    }
    let error = await #expect(throws: UsageAPIError.self) { try await load(transport) }
    #expect(transport.requests.count == 5)
    #expect(
      error?.description
        == "'completions' failed after 5 attempts (last status HTTP 503); wait a minute and try again [page 1; request id req_123]"
    )
  }

  @Test(
    "401: an organization admin key is needed, with how to create one and OPENAI_ADMIN_KEY; no retry"
  )
  func unauthorized() async throws {
    let transport = api.transport { _, _ in
      .json(Self.error("Incorrect API key provided: sk-admin-SECRET"), status: 401)
    }
    let error = await #expect(throws: UsageAPIError.self) { try await load(transport) }
    #expect(transport.requests.count == 1)
    guard case .unauthorized(let context)? = error else {
      return #expect(Bool(false), "\(String(describing: error))")
    }
    #expect(
      error?.description
        == "the API refused the key for 'completions' (HTTP 401): an organization admin key is needed; create one at https://platform.openai.com/settings/organization/admin-keys and set OPENAI_ADMIN_KEY [page 1]"
    )
    #expect(context.bodyExcerpt?.contains("sk-admin-SECRET") == false)
    #expect(context.bodyExcerpt?.contains("$OPENAI_ADMIN_KEY") == true)
  }

  @Test(
    "401 with 'Missing scopes: api.usage.read', and 403: a project key was used",
    arguments: [401, 403])
  func forbidden(status: Int) async throws {
    let body = try Fixtures.data("errors/401-missing-scope.json")
    let transport = api.transport { _, _ in .json(body, status: status) }
    let error = await #expect(throws: UsageAPIError.self) { try await load(transport) }
    #expect(
      error?.description
        == "the key may not read usage for 'completions' (HTTP \(status)): a project key (or an admin key without api.usage.read) was used; an organization admin key is needed [page 1]"
    )
  }

  @Test("400: the API's message and its param")
  func badRequest() async throws {
    let transport = api.transport { _, _ in
      .json(Self.error("Invalid value for group_by: 'modle'", param: "group_by"), status: 400)
    }
    let error = await #expect(throws: UsageAPIError.self) { try await load(transport) }
    #expect(
      error?.description
        == "the API rejected the request for 'completions' (HTTP 400): Invalid value for group_by: 'modle' (parameter 'group_by') [page 1]"
    )
  }

  @Test("an unreachable host fails at once, without retries")
  func unreachable() async throws {
    let transport = api.transport { _, _ in throw TransportError.unreachable("connection refused") }
    let error = await #expect(throws: UsageAPIError.self) { try await load(transport) }
    #expect(transport.requests.count == 1)
    #expect(
      error?.description
        == "cannot reach the API for 'completions': check the network and OPENAI_BASE_URL, or use 'set source=demo' [page 1; unreachable: connection refused]"
    )
  }

  @Test("a repeated cursor stops with an error instead of looping")
  func repeatedCursor() async throws {
    let transport = FakeTransport { _, _ in
      .json(#"{"object":"page","data":[],"has_more":true,"next_page":"same"}"#)
    }
    let error = await #expect(throws: UsageAPIError.self) { try await load(transport) }
    #expect(transport.requests.count == 2)
    #expect(
      error == .repeatedCursor(ErrorContext(endpoint: "completions", page: 2), cursor: "same"))
  }

  @Test("no message ever contains the key")
  func neverTheKey() async throws {
    for status in [400, 401, 403, 404, 503] {
      let transport = api.transport { _, _ in
        .json(Self.error("key sk-admin-SECRET rejected"), status: status)
      }
      let error = await #expect(throws: UsageAPIError.self) { try await load(transport) }
      #expect(error.map { "\($0)" }?.contains("SECRET") == false)
      #expect(error.map { String(reflecting: $0) }?.contains("SECRET") == false)
    }
  }

  @Test("cancelling the task stops every request in flight at once")
  func cancellation() async throws {
    let inFlight = Counter()
    let transport = FakeTransport { _, _ in
      inFlight.add(1)
      defer { inFlight.add(-1) }
      // Ten minutes: only cancellation can end these requests while the test runs.
      try await Task.sleep(nanoseconds: 600_000_000_000)
      return .json("{}")
    }
    let wide = UsageQuery(
      endpoint: .completions, startTime: 19_800 * Self.day, endTime: 20_000 * Self.day, limit: 5)
    let client = makeClient(transport, now: Self.now, concurrency: 4)
    let task = Task { try await client.load(wide) }
    while inFlight.value < 4 { try await Task.sleep(nanoseconds: 1_000_000) }
    task.cancel()
    let result = await task.result
    #expect(throws: UsageAPIError.cancelled) { try result.get() }
    #expect(inFlight.value == 0)
    #expect(transport.requests.count == 4)
  }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
  // @unchecked: `count` is only touched under `lock`.
  private let lock = NSLock()
  private var count = 0

  func add(_ delta: Int) { lock.withLock { count += delta } }
  var value: Int { lock.withLock { count } }
}

extension UsageClientFaultTests {
  @Test("x-should-retry: false stops retrying a 503 at once")
  func shouldNotRetry() async throws {
    let transport = api.transport { _, _ in
      .json("busy", status: 503, headers: [HTTPHeader("x-should-retry", "false")])
    }
    let error = await #expect(throws: UsageAPIError.self) { try await load(transport) }
    #expect(transport.requests.count == 1)
    guard case .httpStatus(let context)? = error else {
      return #expect(Bool(false), "\(String(describing: error))")
    }
    #expect(context.status == 503)
  }
}
