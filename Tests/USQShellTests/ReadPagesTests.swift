import Foundation
import Testing
import USQDemo
import USQOpenAI
import USQVocabulary

@testable import USQShell

/// `read DIR` of saved API pages gives exactly the frame `load` builds from the same pages.
@Suite struct ReadPagesTests {
  @Test(
    "read of a folder of pages equals load of the same window",
    arguments: ["completions", "costs", "images"])
  func readEqualsLoad(_ endpointName: String) async throws {
    let now = TestSession.now
    let transport = DemoTransport(now: { now })
    let endpoint = try #require(EndpointCatalog.endpoint(named: endpointName))
    let start = now - now % 86_400 - 20 * 86_400
    let group = endpointName == "costs" ? "line_item" : "project_id"
    // Seven buckets a page: three pages, the last one partial.
    var query = UsageQuery(
      endpoint: endpoint, startTime: start, bucketWidth: .day, groupBy: [group], limit: 7)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "usq-pages-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var cursor: String?
    var page = 0
    repeat {
      let request = HTTPRequest(
        baseURL: UsageClient.defaultBaseURL, path: endpoint.path,
        query: query.queryItems(page: cursor))
      let response = try await transport.send(request)
      #expect(response.status == 200)
      try response.body.write(
        to: folder.appendingPathComponent(String(format: "page-%03d.json", page)))
      cursor = try PageDecoder.decodePage(response.body, endpoint: endpoint).nextCursor
      page += 1
    } while cursor != nil && page < 20
    #expect(page == 3)
    query.limit = nil

    let output = TextBuffer()
    let session = TestSession.make(output: output)
    let loadStatement = "let loaded = load \(endpointName) since=@\(start) group=\(group)"
    #expect(
      await session.execute("let read_back = read \(folder.path)", origin: .commandLine) == .ok)
    #expect(
      await session.execute(
        loadStatement.replacingOccurrences(of: "@\(start)", with: Self.iso(start)),
        origin: .commandLine) == .ok, "\(output.text)")
    let read = try #require(await session.frames["read_back"])
    let loaded = try #require(await session.frames["loaded"])
    #expect(read.rowCount > 0)
    #expect(read == loaded)
  }

  static func iso(_ seconds: Int64) -> String {
    let date = Date(timeIntervalSince1970: TimeInterval(seconds))
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
