import Foundation
import USQFrame
import USQVocabulary

/// One sub-window, fetched or read from the cache.
struct WindowResult: Sendable {
  var frame: Frame
  var pagesFetched: Int
  var isFromCache: Bool
  var skippedRows: Int
}

extension UsageClient {
  // MARK: - Sub-windows

  /// The rows of one sub-window: from the cache when the plan says so (and the file is sound),
  /// else every page over HTTP, stored in the cache when the window is final.
  func fetchWindow(_ query: UsageQuery, _ planned: PlannedWindow) async throws -> WindowResult {
    let endpoint = query.endpoint
    let window = planned.window
    let key = window.end.flatMap { end in
      window.isFinal
        ? series(query).map { PageCache.windowKey(series: $0, start: window.start, end: end) } : nil
    }
    if planned.isCached, let key, let cache, let frame = cache.load(key, schema: endpoint.schema) {
      return WindowResult(frame: frame, pagesFetched: 0, isFromCache: true, skippedRows: 0)
    }
    let pages = try await fetchPages(endpoint, path: endpoint.path) { cursor in
      query.queryItems(start: window.start, end: window.end, page: cursor)
    }
    let frame =
      pages.isEmpty ? Frame(empty: endpoint.schema) : try Frame.concatenate(pages.map(\.page.frame))
    if let key, let cache { try? cache.store(key, frame: frame) }
    return WindowResult(
      frame: frame, pagesFetched: pages.count, isFromCache: false,
      skippedRows: pages.reduce(0) { $0 + $1.page.skippedRows })
  }

  /// Every page of one window, following the cursor until the API says there is no more.
  func fetchPages(
    _ endpoint: Endpoint, path: String, projectID: String? = nil, items: (String?) -> [QueryItem]
  ) async throws -> [(body: Data, page: DecodedPage)] {
    var paginator = Paginator(maxPages: maxPagesPerWindow)
    var cursor: String?
    var pages: [(body: Data, page: DecodedPage)] = []
    while true {
      let request = request(path: path, query: items(cursor))
      let fetched = try await send(
        request, endpoint: endpoint, page: pages.count + 1, projectID: projectID)
      pages.append(fetched)
      do throws(Paginator.Failure) {
        switch try paginator.receive(hasMore: fetched.page.hasMore, next: fetched.page.nextCursor) {
        case .done: return pages
        case .fetch(let next): cursor = next
        }
      } catch {
        let context = ErrorContext(endpoint: endpoint.name, page: pages.count)
        switch error {
        case .repeatedCursor(let cursor):
          throw UsageAPIError.repeatedCursor(context, cursor: cursor)
        case .tooManyPages(let limit): throw UsageAPIError.tooManyPages(context, limit: limit)
        }
      }
    }
  }

  // MARK: - Concurrency

  /// Runs `body(0..<count)` with at most `concurrency` in flight; results in index order.
  ///
  /// The first error cancels every other call in flight and is rethrown.
  func forEachConcurrently<T: Sendable>(
    _ count: Int, _ body: @escaping @Sendable (Int) async throws -> T,
    progress: (Int, [T]) -> Void
  ) async throws -> [T] {
    var results = [T?](repeating: nil, count: count)
    try await withThrowingTaskGroup(of: (Int, T).self) { group in
      var next = 0
      var done = 0
      while next < min(concurrency, count) {
        let index = next
        group.addTask { (index, try await body(index)) }
        next += 1
      }
      while let (index, result) = try await group.next() {
        results[index] = result
        done += 1
        progress(done, results.compactMap { $0 })
        if next < count {
          let index = next
          group.addTask { (index, try await body(index)) }
          next += 1
        }
      }
    }
    return results.compactMap { $0 }
  }
}
