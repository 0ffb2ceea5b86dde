import Foundation
import Testing

/// `compare` against `usq serve` with the page cache on, as a user runs it: both windows go
/// through the same cache, so a second run fetches only the bucket still open. The server's
/// request log shows exactly what was sent.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: EndToEndTests.binary)))
struct CompareCacheTests {
  static let statement = "load completions days=7 | sum num_model_requests by model | compare prev"

  /// The server's port, polled without suspending: the end-to-end tests block the cooperative
  /// threads while their processes run, and a sleeping task could wake only after a deadline.
  static func port(of server: BackgroundProcess) -> String? {
    for _ in 0..<600 {
      if let line = server.output.split(separator: "\n").first(where: { $0.hasPrefix("PORT=") }) {
        return String(line.dropFirst("PORT=".count))
      }
      usleep(50_000)
    }
    return nil
  }

  @Test("the first run loads both windows; the second only the open bucket, the rest cached")
  func cache() throws {
    let folder = NSTemporaryDirectory() + "usq-compare-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let log = folder + "/requests.log"
    let server = try BackgroundProcess([
      "/usr/bin/env", "USQ_NOW=2026-11-30T12:00:00Z", EndToEndTests.binary, "serve", "--port", "0",
      "--key", "sk-admin-test", "--log", log,
    ])
    defer { server.stop() }
    let port = try #require(Self.port(of: server), "\(server.output)")
    let environment = [
      "OPENAI_BASE_URL": "http://127.0.0.1:\(port)/v1", "OPENAI_ADMIN_KEY": "sk-admin-test",
      "USQ_CACHE_DIR": folder + "/cache",
    ]
    func queries() throws -> [String] {
      try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map { line in
        let query = line.components(separatedBy: "\"query\":\"").last ?? ""
        return String(query.prefix { $0 != "\"" })
      }
    }
    let first = try EndToEndTests.usq(["-c", Self.statement], environment: environment)
    #expect(first.status == 0, "\(first.err)")
    #expect(
      first.out.contains(
        "│ o4-mini-2025-04-16      │        429 │        426 │          3 │        0.70 │"))
    let common = "bucket_width=1d&group_by=model&limit=31"
    #expect(
      Set(try queries()) == [
        "start_time=1794873600&end_time=1795435200&\(common)",  // 11-17 … 11-23T12:00
        "start_time=1795478400&end_time=1795996800&\(common)",  // 11-24 … 11-30, final
        "start_time=1795996800&\(common)",  // 11-30, open
      ])
    let second = try EndToEndTests.usq(["-c", Self.statement], environment: environment)
    #expect(second.out == first.out)
    #expect(try queries().dropFirst(3) == ["start_time=1795996800&\(common)"])
  }
}
