import Foundation
import Synchronization
import Testing
import USQDemo
import USQEngine
import USQFrame
import USQVocabulary

@testable import USQShell

/// `watch` refreshes through `WatchDataSource`: after the first load, only the buckets that were
/// not final at the previous fetch are asked for again, and the result equals a full load.
@Suite struct WatchDataSourceTests {
  /// Records the windows asked for, and answers from the demo organization.
  final class Recording: DataSource {
    let base: any DataSource
    let asked = Mutex<[Int64]>([])

    init(base: any DataSource) { self.base = base }

    func load(_ request: UsageQuery, progress: @escaping @Sendable (Int, Int?) -> Void)
      async throws -> Frame
    {
      asked.withLock { $0.append(request.startTime) }
      return try await base.load(request, progress: progress)
    }

    func plannedRequests(_ request: UsageQuery) -> [PlannedRequest] {
      base.plannedRequests(request)
    }
  }

  static let start = TestSession.now / 86_400 * 86_400 - 6 * 86_400

  static func request(_ width: BucketWidth) -> UsageQuery {
    UsageQuery(
      endpoint: EndpointCatalog.endpoint(named: "completions") ?? EndpointCatalog.all[0],
      startTime: width == .day ? start : start + 5 * 86_400,
      bucketWidth: width, groupBy: ["model"])
  }

  @Test(
    "a refresh an hour later asks only for the open buckets and gives the full frame",
    arguments: [BucketWidth.day, .hour])
  func incremental(width: BucketWidth) async throws {
    let clock = Mutex(TestSession.now)
    let now: @Sendable () -> Int64 = { clock.withLock { $0 } }
    let demo = SessionSetup.demoDataSource(transport: DemoTransport(now: now), now: now)
    let recording = Recording(base: demo)
    let memory = WatchDataSource.Memory()
    let watched = WatchDataSource(base: recording, memory: memory, now: now)
    let request = Self.request(width)
    _ = try await watched.load(request) { _, _ in }
    let firstCount = memory.takeRequestCount()
    clock.withLock { $0 += 3_600 }
    let refreshed = try await watched.load(request) { _, _ in }
    let full = try await demo.load(request) { _, _ in }
    #expect(Table(refreshed) == Table(full))
    let asked = recording.asked.withLock { $0 }
    // Day buckets: the open day only (yesterday ended 12 h before the first fetch). Hour
    // buckets: from the first hour not over 2 h before the first fetch.
    let expectedStart =
      width == .day ? TestSession.now / 86_400 * 86_400 : (TestSession.now - 7_200) / 3_600 * 3_600
    #expect(asked == [request.startTime, expectedStart])
    #expect(firstCount == 2)
    // The hours asked again straddle the client's own finality split: two requests.
    #expect(memory.takeRequestCount() == (width == .day ? 1 : 2))
  }
}

/// Rows and names of a frame, for exact comparisons.
private struct Table: Equatable {
  var names: [String]
  var rows: [[Value]]

  init(_ frame: Frame) {
    names = frame.names
    rows = frame.rows
  }
}
