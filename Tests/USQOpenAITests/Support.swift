import Foundation
import USQFrame
import USQOpenAI

/// Fixture files copied from `reference/examples` (and the reference JSON itself).
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: directory.appendingPathComponent(name))
  }

  /// The reference `usage-endpoints.json` as plain JSON objects.
  static func reference() throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: data("usage-endpoints.json")) as? [String: Any] ?? [:]
  }
}

/// A frame as text: a header line, then one line per row, cells separated by ` | `.
func dump(_ frame: Frame) -> String {
  ([frame.names.joined(separator: " | ")]
    + frame.rows.map { $0.map(\.description).joined(separator: " | ") })
    .joined(separator: "\n")
}

/// A transport answering from a closure and logging every request.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
  // @unchecked: `log` is only touched under `lock`.
  private let lock = NSLock()
  private var log: [HTTPRequest] = []
  private let handler: @Sendable (HTTPRequest, Int) async throws -> HTTPResponse

  /// - Parameter handler: gets the request and its 0-based number in the log.
  init(_ handler: @escaping @Sendable (HTTPRequest, Int) async throws -> HTTPResponse) {
    self.handler = handler
  }

  var requests: [HTTPRequest] {
    lock.lock()
    defer { lock.unlock() }
    return log
  }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    let number = lock.withLock {
      log.append(request)
      return log.count - 1
    }
    return try await handler(request, number)
  }
}

extension HTTPResponse {
  static func json(_ data: Data, status: Int = 200, headers: [HTTPHeader] = []) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: [HTTPHeader("Content-Type", "application/json")] + headers,
      body: data)
  }

  static func json(_ text: String, status: Int = 200, headers: [HTTPHeader] = []) -> HTTPResponse {
    json(Data(text.utf8), status: status, headers: headers)
  }
}

/// A client over `transport` with a fixed clock, no waiting and no jitter.
func makeClient(
  _ transport: any HTTPTransport, now: Int64 = 1_750_000_000, cache: PageCache? = nil,
  concurrency: Int = 4,
  sleeps: SleepLog? = nil
) -> UsageClient {
  var client = UsageClient(
    baseURL: "http://api.test/v1", apiKey: "sk-admin-SECRET", transport: transport, cache: cache,
    concurrency: concurrency)
  client.now = { now }
  client.jitter = { 0 }
  client.sleep = { seconds in
    sleeps?.append(seconds)
    try Task.checkCancellation()
  }
  return client
}

/// Records the waits a client asked for.
final class SleepLog: @unchecked Sendable {
  // @unchecked: `values` is only touched under `lock`.
  private let lock = NSLock()
  private var values: [Double] = []

  func append(_ seconds: Double) {
    lock.lock()
    values.append(seconds)
    lock.unlock()
  }

  var waits: [Double] {
    lock.lock()
    defer { lock.unlock() }
    return values
  }
}

/// A fresh empty directory under the temporary directory.
func temporaryDirectory() -> String {
  let path = NSTemporaryDirectory() + "usq-openai-tests-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}
