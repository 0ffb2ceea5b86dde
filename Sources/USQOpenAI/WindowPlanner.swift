import USQBasics
import USQVocabulary

/// A part of a query's window, fetched (and cached) on its own.
public struct SubWindow: Sendable, Hashable {
  /// First second, inclusive (seconds since the epoch, UTC).
  public var start: Int64
  /// End, exclusive; nil = up to the moment of the request (the query had no end).
  public var end: Int64?
  /// Whether every bucket in it ended before the fetch (with the margin): safe to cache.
  public var isFinal: Bool

  public init(start: Int64, end: Int64?, isFinal: Bool) {
    self.start = start
    self.end = end
    self.isFinal = isFinal
  }
}

/// Splits a query's window into page-sized sub-windows that can be fetched concurrently.
///
/// Sub-window boundaries fall on multiples of `limit × width` seconds since the epoch (so the
/// same past chunk gets the same cache key in every later query) and at the *finality split*:
/// the start of the first bucket that had not ended `margin` seconds before `now`. Chunks before
/// the split are final (cacheable); the rest is always fetched again. Bucket boundaries inside a
/// chunk are those the API would use for the whole window, so concatenating the chunks in order
/// gives the frame that sequential paging of the whole window gives.
public enum WindowPlanner {
  /// The sub-windows of `query`, in time order.
  ///
  /// - Parameters:
  ///   - now: the time of the fetch, seconds since the epoch, UTC.
  ///   - margin: seconds a bucket must have been over before it counts as final.
  public static func plan(_ query: UsageQuery, now: Int64, margin: Int64) -> [SubWindow] {
    let width = query.bucketSeconds
    let chunk = width * Int64(query.effectiveLimit)
    let end = query.endTime ?? max(now, query.startTime + 1)
    let split = min(max(floorMultiple(now - margin, width), query.startTime), end)
    var windows = chunks(from: query.startTime, to: split, size: chunk, isFinal: true)
    if split < end {
      if query.endTime == nil {
        windows.append(SubWindow(start: split, end: nil, isFinal: false))
      } else {
        windows += chunks(from: split, to: end, size: chunk, isFinal: false)
      }
    }
    return windows
  }

  private static func chunks(from start: Int64, to end: Int64, size: Int64, isFinal: Bool)
    -> [SubWindow]
  {
    var windows: [SubWindow] = []
    var cursor = start
    while cursor < end {
      let next = min(floorMultiple(cursor, size) + size, end)
      windows.append(SubWindow(start: cursor, end: next, isFinal: isFinal))
      cursor = next
    }
    return windows
  }
}

/// A sub-window as it will be loaded: from the cache or over HTTP.
struct PlannedWindow: Sendable, Hashable {
  var window: SubWindow
  /// Whether a cache file holds exactly this window.
  var isCached: Bool
}

extension WindowPlanner {
  /// `windows` with each final one covered by the longest chain of cached windows from its start,
  /// and only the rest left to fetch.
  ///
  /// A re-run an hour later plans the same chunks, but the chunk holding the finality split has
  /// grown; the part cached by the earlier run is read, and only the new buckets are fetched.
  /// Pieces start and end on bucket boundaries, so the frame is the same.
  ///
  /// - Parameter cached: for each start, the ends of cached windows from it.
  static func refine(_ windows: [SubWindow], cached: [Int64: [Int64]]) -> [PlannedWindow] {
    windows.flatMap { window -> [PlannedWindow] in
      guard window.isFinal, let end = window.end else {
        return [PlannedWindow(window: window, isCached: false)]
      }
      var pieces: [PlannedWindow] = []
      var cursor = window.start
      while cursor < end {
        guard let reach = cached[cursor]?.filter({ $0 > cursor && $0 <= end }).max() else {
          pieces.append(
            PlannedWindow(
              window: SubWindow(start: cursor, end: end, isFinal: true), isCached: false))
          break
        }
        pieces.append(
          PlannedWindow(window: SubWindow(start: cursor, end: reach, isFinal: true), isCached: true)
        )
        cursor = reach
      }
      return pieces
    }
  }
}
