import Foundation
import Testing
import USQOpenAI

@testable import USQDemo

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite(.serialized) struct DemoServerTests {
  func fetch(_ port: Int, _ target: String, key: String?) async throws -> (
    Int, Data, HTTPURLResponse
  ) {
    var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/v1\(target)")))
    if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    return (http.statusCode, data, http)
  }

  @Test(
    "the server on port 0 serves a page, demands the key, and injects faults that a retry clears")
  func serves() async throws {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent(
      "usq-demo-\(UUID().uuidString).ndjson")
    let options = ServeOptions(
      port: 0, key: "sk-admin-test", failEvery: 3, truncateEvery: 5, logPath: log.path,
      now: fixedNow)
    let server = try DemoServer(options: options)
    let port = try await server.start()
    #expect(port > 0)
    let target = "/organization/usage/completions?start_time=\(wednesday)&group_by=model"
    let (status, body, _) = try await fetch(port, target, key: "sk-admin-test")  // request 1
    #expect(status == 200)
    let page = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
    #expect(page["object"] as? String == "page")
    #expect(try await fetch(port, target, key: "sk-admin-nope").0 == 401)  // request 2
    let (limited, limitedBody, limitedResponse) = try await fetch(
      port, target, key: "sk-admin-test")  // 3: fault
    #expect(limited == 429)
    #expect(limitedResponse.value(forHTTPHeaderField: "Retry-After") == "1")
    #expect(
      String(decoding: limitedBody, as: UTF8.self).contains("\"code\":\"rate_limit_exceeded\""))
    // 4: the retry passes.
    let (retried, retriedBody, _) = try await fetch(port, target, key: "sk-admin-test")
    #expect(retried == 200)
    #expect(retriedBody == body)
    let (cut, cutBody, _) = try await fetch(port, target, key: "sk-admin-test")  // 5: truncated
    #expect(cut == 200)
    #expect(cutBody.count == body.count / 2)
    #expect(try await fetch(port, target, key: "sk-proj-abc").0 == 403)  // 6
    await server.stop()
    let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 6)
    #expect(lines[2].contains("\"status\":429,\"fault\":\"429\""))
    #expect(lines[4].contains("\"fault\":\"truncate\""))
    #expect(!lines.joined().contains("sk-admin-test"))
    try? FileManager.default.removeItem(at: log)
  }

  @Test("a port that is already in use fails start quickly")
  func portInUse() async throws {
    let first = try DemoServer(options: ServeOptions(port: 0))
    let port = try await first.start()
    let second = try DemoServer(options: ServeOptions(port: port))
    let clock = ContinuousClock()
    let started = clock.now
    await #expect(throws: (any Error).self) { _ = try await second.start() }
    #expect(clock.now - started < .seconds(5))
    await first.stop()
  }
}
