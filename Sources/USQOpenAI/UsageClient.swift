import Foundation
import USQBasics
import USQFrame
import USQVocabulary

/// Progress of a `load`, reported after each sub-window.
public struct LoadProgress: Sendable, Hashable {
  /// Sub-windows finished (fetched or read from the cache).
  public var completedWindows: Int
  /// Sub-windows in the plan.
  public var totalWindows: Int
  /// Pages fetched over HTTP so far.
  public var pagesFetched: Int
  /// Sub-windows served from the cache so far.
  public var cachedWindows: Int
}

/// What a `load` did besides returning the frame.
public struct LoadResult: Sendable {
  /// The rows of the whole window, in time order.
  public var frame: Frame
  /// Pages fetched over HTTP.
  public var pagesFetched: Int
  /// Sub-windows served from the cache.
  public var cachedWindows: Int
  /// Sub-windows in the plan.
  public var windows: Int
  /// Rows skipped because their `object` was not the endpoint's.
  public var skippedRows: Int
}

/// The first request of one sub-window of a `load`, for `explain` and `--curl`.
public struct WindowRequest: Sendable, Hashable {
  /// The first request of the sub-window, key redacted.
  public var request: HTTPRequest
  /// The sub-window it covers.
  public var window: SubWindow
  /// How many pages the sub-window should take (buckets ÷ limit, at least 1).
  public var expectedPages: Int
  /// Whether a cache file already holds it (no request will be made unless the file is damaged).
  public var isCached: Bool
}

/// The Usage API client: plans windows, fetches pages concurrently with retries, caches final
/// pages, and decodes everything into one frame.
///
/// ```swift
/// let client = UsageClient(apiKey: key, transport: URLSessionTransport(), cache: PageCache(directory: dir))
/// let frame = try await client.load(UsageQuery(endpoint: .completions, startTime: start, groupBy: ["model"]))
/// ```
public struct UsageClient: Sendable {
  /// The default base URL.
  public static let defaultBaseURL = "https://api.openai.com/v1"

  /// The base URL without a trailing slash.
  public let baseURL: String
  let apiKey: String
  let transport: any HTTPTransport
  /// The page cache; nil = no caching.
  public var cache: PageCache?
  /// Sub-windows fetched at once (at least 1).
  public var concurrency: Int
  /// When to retry.
  public var retryPolicy = RetryPolicy()
  /// Seconds a bucket must have been over before it is final (cacheable).
  public var finalityMargin: Int64 = 2 * 3_600
  /// The most pages one sub-window may take.
  public var maxPagesPerWindow = 1_000
  /// Seconds before one request is abandoned (and retried).
  public var requestTimeout: Double = 60
  /// The current time, seconds since the epoch, UTC (injectable for tests).
  public var now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
  /// Waits between retries (injectable for tests); must throw when the task is cancelled.
  public var sleep: @Sendable (Double) async throws -> Void = { seconds in
    try await Task.sleep(nanoseconds: UInt64(max(seconds, 0) * 1_000_000_000))
  }
  /// A number in 0..<1 for back-off jitter (injectable for tests).
  public var jitter: @Sendable () -> Double = { Double.random(in: 0..<1) }

  public init(
    baseURL: String = UsageClient.defaultBaseURL, apiKey: String, transport: any HTTPTransport,
    cache: PageCache? = nil, concurrency: Int = 4
  ) {
    self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    self.apiKey = apiKey
    self.transport = transport
    self.cache = cache
    self.concurrency = max(concurrency, 1)
  }

  // MARK: - Public entry points

  /// Every row of `query`'s window as one frame.
  ///
  /// - Parameter progress: called after each sub-window, on the loading task.
  /// - Throws: `UsageAPIError`; `.cancelled` when the task is cancelled.
  public func load(
    _ query: UsageQuery, progress: (@Sendable (LoadProgress) -> Void)? = nil
  ) async throws(UsageAPIError) -> Frame {
    try await fetch(query, progress: progress).frame
  }

  /// Like `load`, with counts of pages fetched and windows read from the cache.
  public func fetch(
    _ query: UsageQuery, progress: (@Sendable (LoadProgress) -> Void)? = nil
  ) async throws(UsageAPIError) -> LoadResult {
    try query.validate()
    let windows = plannedWindows(query, now: now())
    let results = try await Self.boundary(endpoint: query.endpoint.name) {
      try await forEachConcurrently(windows.count) { index in
        try await fetchWindow(query, windows[index])
      } progress: { done, results in
        progress?(
          LoadProgress(
            completedWindows: done, totalWindows: windows.count,
            pagesFetched: results.reduce(0) { $0 + $1.pagesFetched },
            cachedWindows: results.filter(\.isFromCache).count))
      }
    }
    let frame: Frame
    do {
      frame = try Frame.concatenate(results.map(\.frame))
    } catch {
      throw .invalidResponse(ErrorContext(endpoint: query.endpoint.name, underlying: "\(error)"))
    }
    return LoadResult(
      frame: windows.isEmpty ? Frame(empty: query.endpoint.schema) : frame,
      pagesFetched: results.reduce(0) { $0 + $1.pagesFetched },
      cachedWindows: results.filter(\.isFromCache).count, windows: windows.count,
      skippedRows: results.reduce(0) { $0 + $1.skippedRows })
  }

  /// The requests `load(query)` would start with, one per sub-window, key redacted.
  public func plannedRequests(_ query: UsageQuery) -> [HTTPRequest] {
    plan(query).map(\.request)
  }

  /// The plan of `load(query)` for `explain`: each sub-window's first request, expected pages,
  /// and whether the cache already holds it.
  public func plan(_ query: UsageQuery) -> [WindowRequest] {
    let now = now()
    return plannedWindows(query, now: now).map { planned in
      let window = planned.window
      let items = query.queryItems(start: window.start, end: window.end, page: nil)
      let width = query.bucketSeconds
      let end = window.end ?? max(now, window.start + 1)
      let buckets = Int(
        (floorMultiple(end + width - 1, width) - floorMultiple(window.start, width))
          / width)
      return WindowRequest(
        request: request(path: query.endpoint.path, query: items).redacted, window: window,
        expectedPages: max(1, (buckets + query.effectiveLimit - 1) / query.effectiveLimit),
        isCached: planned.isCached)
    }
  }

  /// The sub-windows of `query` at `now`, final ones split along what the cache holds.
  func plannedWindows(_ query: UsageQuery, now: Int64) -> [PlannedWindow] {
    let windows = WindowPlanner.plan(query, now: now, margin: finalityMargin)
    guard let cache, let series = series(query) else {
      return windows.map { PlannedWindow(window: $0, isCached: false) }
    }
    return WindowPlanner.refine(windows, cached: cache.cachedWindows(series: series))
  }

  // MARK: - Building requests

  /// A GET request for `path` with `query`, carrying the key.
  func request(path: String, query: [QueryItem]) -> HTTPRequest {
    HTTPRequest(
      baseURL: baseURL, path: path, query: query,
      headers: [
        HTTPHeader("Authorization", "Bearer \(apiKey)"), HTTPHeader("Accept", "application/json"),
      ],
      timeout: requestTimeout)
  }

  /// The cache series of `query` (every parameter but the window), or nil without a cache.
  func series(_ query: UsageQuery) -> String? {
    guard cache != nil else { return nil }
    let parameters = query.queryItems(start: 0, end: nil, page: nil).filter {
      $0.name != "start_time"
    }
    return PageCache.seriesKey(
      baseURL: baseURL, apiKey: apiKey, endpoint: query.endpoint.name, parameters: parameters)
  }

  /// Maps any error escaping the internals to `UsageAPIError`.
  static func boundary<T>(endpoint: String, _ body: () async throws -> T)
    async throws(UsageAPIError) -> T
  {
    do {
      return try await body()
    } catch let error as UsageAPIError {
      throw error
    } catch is CancellationError {
      throw .cancelled
    } catch {
      throw .invalidResponse(ErrorContext(endpoint: endpoint, underlying: "\(error)"))
    }
  }
}
