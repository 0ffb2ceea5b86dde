import Foundation
import Testing
import USQDemo
import USQFrame
import USQOpenAI

@testable import USQShell

/// `load spend` and `price` over real HTTP: the demo organization served on 127.0.0.1
/// (`usq serve`), with 429, 500 and truncated pages on both the costs and the usage fetches.
@Suite(.serialized) struct MoneyLoopbackTests {
  static let now = TestSession.now

  static func serve(_ options: ServeOptions) async throws -> (DemoServer, Int, String) {
    var options = options
    let log = FileManager.default.temporaryDirectory.appendingPathComponent(
      "usq-money-\(UUID()).ndjson"
    ).path
    options.port = 0
    options.now = now
    options.logPath = log
    let server = try DemoServer(options: options)
    return (server, try await server.start(), log)
  }

  static func runner(port: Int, concurrency: Int = 4) -> MoneyRunner {
    var client = UsageClient(
      baseURL: "http://127.0.0.1:\(port)/v1", apiKey: "sk-admin-money",
      transport: URLSessionTransport(timeout: 10), concurrency: concurrency)
    client.now = { now }
    client.sleep = { _ in try Task.checkCancellation() }
    return MoneyRunner(dataSource: ClientDataSource(client: client), now: now)
  }

  @Test("429, 500 and truncated pages on both fetches: retried, and the same frames as in-process")
  func faults() async throws {
    // Every 7th, 11th and 13th request fails: five requests in a row can never all fail, so a
    // retried page always comes through within the client's five attempts.
    let (server, port, log) = try await Self.serve(
      ServeOptions(failEvery: 7, error500Every: 11, truncateEvery: 13))
    defer { Task { await server.stop() } }
    let remote = Self.runner(port: port)
    let local = MoneyRunner.demo()
    for statement in [
      "load spend days=20 group=user_id,model", "load spend days=45 group=api_key_id",
      "load spend since=2026-09-01 until=2026-10-15 group=service_tier,batch",
      "load completions days=20 group=user_id,model | price | sum cost by user_id",
    ] {
      let served = try await remote.frame(statement)
      let expected = try await local.frame(statement)
      #expect(served == expected, "\(statement)")
    }
    let lines = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    let faulted = lines.split(separator: "\n").filter { $0.contains("\"fault\"") }
    #expect(faulted.contains { $0.contains("/organization/costs") })
    #expect(faulted.contains { $0.contains("/usage/completions") })
  }

  /// A timing, so it runs only when asked (`USQ_TIMING_TESTS=1`): on a busy machine (the whole
  /// suite in parallel on two cores) wall times say more about the neighbours than about usq.
  @Test(
    "with the API 100 ms away, load spend takes at most 1.3× the slower of its fetches",
    .enabled(if: ProcessInfo.processInfo.environment["USQ_TIMING_TESTS"] == "1"))
  func latency() async throws {
    let (server, port, _) = try await Self.serve(ServeOptions(latencyMilliseconds: 100))
    defer { Task { await server.stop() } }
    let remote = Self.runner(port: port)
    let statements = [
      "load costs days=90 group=project_id,line_item",
      "load completions days=90 group=project_id,user_id,model,batch,service_tier",
      "load embeddings days=90 group=project_id,user_id,model",
      "load spend days=90 group=user_id",
    ]
    var best = [Duration](repeating: .seconds(3_600), count: statements.count)
    let clock = ContinuousClock()
    for _ in 0..<3 {
      for (index, statement) in statements.enumerated() {
        let started = clock.now
        _ = try await remote.frame(statement)
        best[index] = min(best[index], clock.now - started)
      }
    }
    let slowest = best[0..<3].max() ?? .zero
    print(
      "money latency: costs \(best[0]) completions \(best[1]) embeddings \(best[2]) spend \(best[3])"
    )
    #expect(best[3] <= slowest * 1.3, "spend \(best[3]) vs slowest fetch \(slowest)")
  }
}
