import Foundation
import Synchronization
import USQEngine
import USQFrame
import USQVocabulary

/// The data source `watch` refreshes through: the session's own, but each load after the first
/// fetches only the buckets that were not final at the previous fetch, and keeps the rows of the
/// final ones. It counts the requests it sends, for the status line.
///
/// A bucket is final once it ended `finalityMargin` seconds before a fetch (late usage arrives
/// for a while; the page cache uses the same rule).
struct WatchDataSource: DataSource {
  /// What the previous refreshes loaded, shared by the refreshes of one `watch`.
  final class Memory: Sendable {
    struct Loaded {
      var frame: Frame
      var start: Int64
      var fetchedAt: Int64
    }

    fileprivate let loads = Mutex<[UsageQuery: Loaded]>([:])
    fileprivate let requests = Mutex(0)

    init() {}

    /// The requests sent since the last call, and starts counting again.
    func takeRequestCount() -> Int {
      requests.withLock { count in
        defer { count = 0 }
        return count
      }
    }
  }

  let base: any DataSource
  let memory: Memory
  let now: @Sendable () -> Int64
  var finalityMargin: Int64 = 2 * 3_600

  func load(_ request: UsageQuery, progress: @escaping @Sendable (Int, Int?) -> Void) async throws
    -> Frame
  {
    let fetchedAt = now()
    guard let width = request.bucketWidth?.seconds, request.endpoint.isBucketed else {
      return try await fetch(request, progress: progress)
    }
    var series = request
    series.startTime = 0
    let previous = memory.loads.withLock { $0[series] }
    var frame: Frame
    if let previous, previous.start <= request.startTime {
      // Buckets that had ended (with the margin) before the previous fetch are kept.
      let finalEnd = (previous.fetchedAt - finalityMargin) / width * width
      let from = max(request.startTime, finalEnd)
      let kept = Self.rows(of: previous.frame, from: request.startTime, before: from)
      var rest = request
      rest.startTime = from
      if from >= (request.endTime ?? fetchedAt) {
        frame = kept
      } else {
        let fresh = try await fetch(rest, progress: progress)
        frame = (try? Frame.concatenate([kept, fresh])) ?? fresh
      }
    } else {
      frame = try await fetch(request, progress: progress)
    }
    memory.loads.withLock {
      $0[series] = Memory.Loaded(frame: frame, start: request.startTime, fetchedAt: fetchedAt)
    }
    return frame
  }

  private func fetch(_ request: UsageQuery, progress: @escaping @Sendable (Int, Int?) -> Void)
    async throws -> Frame
  {
    let planned = max(base.plannedRequests(request).count, 1)
    memory.requests.withLock { $0 += planned }
    return try await base.load(request, progress: progress)
  }

  /// The rows of `frame` whose `start_time` lies in `start..<end`.
  static func rows(of frame: Frame, from start: Int64, before end: Int64) -> Frame {
    guard let starts = frame["start_time"] else { return frame.slice(0..<0) }
    let kept = (0..<frame.rowCount).filter { row in
      guard case .time(let time) = starts[row] else { return false }
      return time >= start && time < end
    }
    return frame.gather(kept)
  }

  func plannedRequests(_ request: UsageQuery) -> [PlannedRequest] {
    base.plannedRequests(request)
  }

  func decodePages(_ data: Data) throws -> Frame? { try base.decodePages(data) }
}
