/// The paging state machine of one window: which cursor to send next, or stop.
///
/// Pure: it sees only what each page says (`has_more`, the next cursor) and never does I/O.
/// Usage and costs send the previous `next_page` as `page`; lists send the previous `last_id` as
/// `after`. Both stop when the page says there is no more; a cursor seen twice, or more pages
/// than `maxPages`, is an error rather than a loop.
///
/// ```swift
/// var paginator = Paginator(maxPages: 100)
/// var cursor: String? = nil                       // first request: no cursor
/// while true {
///   let page = try await fetch(cursor)
///   guard case .fetch(let next) = try paginator.receive(hasMore: page.hasMore, next: page.nextCursor)
///   else { break }
///   cursor = next
/// }
/// ```
public struct Paginator: Sendable, Hashable {
  /// What to do after a page.
  public enum Step: Sendable, Hashable {
    /// Request the next page with this cursor.
    case fetch(cursor: String)
    /// The window is complete.
    case done
  }

  /// Why paging stopped with an error.
  public enum Failure: Error, Sendable, Hashable {
    /// The API returned a cursor it had returned before.
    case repeatedCursor(String)
    /// More than `maxPages` pages.
    case tooManyPages(Int)
  }

  /// The most pages one window may take.
  public let maxPages: Int
  /// Pages received so far.
  public private(set) var pageCount = 0
  private var seenCursors: Set<String> = []

  public init(maxPages: Int = 1_000) {
    precondition(maxPages > 0, "maxPages must be positive")
    self.maxPages = maxPages
  }

  /// Records a received page and says what comes next.
  ///
  /// - Parameters:
  ///   - hasMore: the page's `has_more`.
  ///   - next: the page's `next_page` (usage, costs) or `last_id` (lists).
  /// - Throws: `Failure.repeatedCursor` or `Failure.tooManyPages`.
  public mutating func receive(hasMore: Bool, next: String?) throws(Failure) -> Step {
    pageCount += 1
    guard hasMore, let next, !next.isEmpty else { return .done }
    guard seenCursors.insert(next).inserted else { throw .repeatedCursor(next) }
    guard pageCount < maxPages else { throw .tooManyPages(maxPages) }
    return .fetch(cursor: next)
  }
}
