import Foundation
import Testing
import USQFrame
import USQOpenAI
import USQVocabulary

/// `URLSessionTransport` against a raw socket server: cut connections and timeouts.
@Suite(.serialized) struct TransportFaultTests {
  static let page = """
    {"object":"page","data":[{"object":"bucket","start_time":0,"end_time":86400,"results":[\
    {"object":"organization.costs.result","amount":{"value":"1.25","currency":"usd"},"line_item":null,\
    "project_id":null,"api_key_id":null,"quantity":null,"quantity_unit":null}]}],"has_more":false,"next_page":null}
    """
  let query = UsageQuery(endpoint: .costs, startTime: 0, endTime: 86_400)

  func client(_ server: RawSocketServer, timeout: Double = 10, sleeps: SleepLog? = nil)
    -> UsageClient
  {
    var client = UsageClient(
      baseURL: "http://127.0.0.1:\(server.port)/v1", apiKey: "sk-admin-SECRET",
      transport: URLSessionTransport(timeout: timeout))
    client.requestTimeout = timeout
    client.now = { 1_000_000 }
    client.jitter = { 0 }
    client.sleep = { seconds in sleeps?.append(seconds) }
    return client
  }

  @Test(
    "a connection cut in the middle of the body is retried, and the second attempt's page is used")
  func cutConnection() async throws {
    let server = try RawSocketServer(script: [.cut(Self.page), .respond(Self.page)])
    defer { server.stop() }
    let sleeps = SleepLog()
    let frame = try await client(server, sleeps: sleeps).load(query)
    #expect(frame["amount"]?[0] == .double(1.25))
    #expect(server.log.count == 2)
    #expect(
      server.log.allSatisfy {
        $0.hasPrefix("GET /v1/organization/costs?start_time=0&end_time=86400")
      })
    #expect(sleeps.waits == [0.5])
  }

  @Test(
    "a request with no answer times out and is retried; every attempt timing out exhausts the retries"
  )
  func timeout() async throws {
    let server = try RawSocketServer(script: [.hang])
    defer { server.stop() }
    var client = client(server, timeout: 0.3)
    client.retryPolicy.maxAttempts = 2
    let error = await #expect(throws: UsageAPIError.self) { try await client.load(query) }
    guard case .retriesExhausted(let context, let attempts)? = error else {
      return #expect(Bool(false), "\(String(describing: error))")
    }
    #expect(attempts == 2)
    #expect(context.underlying == "timed out")
    #expect(server.log.count == 2)
  }

  @Test("a closed port is unreachable at once")
  func refused() async throws {
    let server = try RawSocketServer(script: [.hang])
    server.stop()
    let error = await #expect(throws: UsageAPIError.self) { try await client(server).load(query) }
    guard case .networkUnreachable? = error else {
      return #expect(Bool(false), "\(String(describing: error))")
    }
  }
}
