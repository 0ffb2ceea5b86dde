import Testing
import USQVocabulary

@testable import USQOpenAI

@Suite struct PaginatorTests {
  @Test("follows next_page until has_more is false, then stops")
  func follows() throws {
    var paginator = Paginator()
    #expect(try paginator.receive(hasMore: true, next: "a+/=") == .fetch(cursor: "a+/="))
    #expect(try paginator.receive(hasMore: true, next: "b") == .fetch(cursor: "b"))
    #expect(try paginator.receive(hasMore: false, next: "c") == .done)
    #expect(paginator.pageCount == 3)
  }

  @Test("a null or empty cursor ends paging even when has_more is true")
  func nullCursor() throws {
    var paginator = Paginator()
    #expect(try paginator.receive(hasMore: true, next: nil) == .done)
    var other = Paginator()
    #expect(try other.receive(hasMore: true, next: "") == .done)
  }

  @Test("a cursor seen twice is an error, not a loop")
  func repeated() throws {
    var paginator = Paginator()
    _ = try paginator.receive(hasMore: true, next: "x")
    _ = try paginator.receive(hasMore: true, next: "y")
    #expect(throws: Paginator.Failure.repeatedCursor("x")) {
      try paginator.receive(hasMore: true, next: "x")
    }
  }

  @Test("more pages than the cap is an error")
  func cap() throws {
    var paginator = Paginator(maxPages: 3)
    _ = try paginator.receive(hasMore: true, next: "1")
    _ = try paginator.receive(hasMore: true, next: "2")
    #expect(throws: Paginator.Failure.tooManyPages(3)) {
      try paginator.receive(hasMore: true, next: "3")
    }
  }
}

@Suite struct RetryPolicyTests {
  let policy = RetryPolicy(maxAttempts: 5, baseDelay: 0.5, maxDelay: 8, maxRetryAfter: 120)

  @Test("429 waits Retry-After seconds, capped at 120")
  func retryAfter() {
    #expect(policy.decide(.status(429, retryAfter: 3), attempt: 1, jitter: 0.9) == .retry(after: 3))
    #expect(
      policy.decide(.status(429, retryAfter: 600), attempt: 1, jitter: 0) == .retry(after: 120))
  }

  @Test("without Retry-After: 0.5, 1, 2, 4 s, shortened by up to 25 % jitter")
  func exponential() {
    let waits = (1...4).map { policy.decide(.status(500, retryAfter: nil), attempt: $0, jitter: 0) }
    #expect(waits == [.retry(after: 0.5), .retry(after: 1), .retry(after: 2), .retry(after: 4)])
    #expect(policy.decide(.connectionLost, attempt: 2, jitter: 1) == .retry(after: 0.75))
    #expect(
      RetryPolicy(maxAttempts: 20).decide(.timedOut, attempt: 10, jitter: 0) == .retry(after: 8))
  }

  @Test(
    "gives up after the last attempt, and at once on 4xx other than 408/409/429 or an unreachable host"
  )
  func givesUp() {
    #expect(policy.decide(.status(503, retryAfter: nil), attempt: 5, jitter: 0) == .giveUp)
    #expect(policy.decide(.invalidBody, attempt: 4, jitter: 0) == .retry(after: 4))
    for status in [400, 401, 403, 404] {
      #expect(policy.decide(.status(status, retryAfter: nil), attempt: 1, jitter: 0) == .giveUp)
    }
    #expect(
      policy.decide(.status(408, retryAfter: nil), attempt: 1, jitter: 0) == .retry(after: 0.5))
    #expect(policy.decide(.unreachable, attempt: 1, jitter: 0) == .giveUp)
  }

  @Test("Retry-After is read in seconds, retry-after-ms in milliseconds; dates are ignored")
  func headers() {
    #expect(
      RetryPolicy.retryAfter(HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "7")]))
        == 7)
    #expect(
      RetryPolicy.retryAfter(
        HTTPResponse(status: 429, headers: [HTTPHeader("retry-after-ms", "250")])) == 0.25)
    #expect(
      RetryPolicy.retryAfter(
        HTTPResponse(
          status: 429, headers: [HTTPHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")]))
        == nil)
    #expect(RetryPolicy.retryAfter(HTTPResponse(status: 429)) == nil)
  }
}

@Suite struct WindowPlannerTests {
  let day: Int64 = 86_400

  @Test("a 90-day 1d window splits at 31-day epoch multiples, the live part open-ended")
  func days() {
    let now = 20_000 * day + 15 * 3_600  // 15:00 UTC
    let query = UsageQuery(endpoint: .completions, startTime: now / day * day - 89 * day)
    let windows = WindowPlanner.plan(query, now: now, margin: 7_200)
    #expect(
      windows == [
        SubWindow(start: 19_911 * day, end: 19_933 * day, isFinal: true),
        SubWindow(start: 19_933 * day, end: 19_964 * day, isFinal: true),
        SubWindow(start: 19_964 * day, end: 19_995 * day, isFinal: true),
        SubWindow(start: 19_995 * day, end: 20_000 * day, isFinal: true),
        SubWindow(start: 20_000 * day, end: nil, isFinal: false),
      ])
  }

  @Test("a bucket that ended within the margin is not final")
  func margin() {
    let now = 20_000 * day + 3_600  // 01:00 UTC: yesterday ended an hour ago
    let query = UsageQuery(endpoint: .completions, startTime: 19_998 * day)
    #expect(
      WindowPlanner.plan(query, now: now, margin: 7_200) == [
        SubWindow(start: 19_998 * day, end: 19_999 * day, isFinal: true),
        SubWindow(start: 19_999 * day, end: nil, isFinal: false),
      ])
  }

  @Test(
    "a closed window in the past is all final; one in the future is all live; an unaligned start stays"
  )
  func closed() {
    let now = 20_000 * day
    let past = UsageQuery(
      endpoint: .completions, startTime: 19_990 * day + 500, endTime: 19_995 * day,
      bucketWidth: .hour)
    #expect(
      WindowPlanner.plan(past, now: now, margin: 0) == [
        // 1h × 168 = 7-day chunks
        SubWindow(start: 19_990 * day + 500, end: 19_992 * day, isFinal: true),
        SubWindow(start: 19_992 * day, end: 19_995 * day, isFinal: true),
      ])
    let future = UsageQuery(endpoint: .completions, startTime: now + day, endTime: now + 2 * day)
    #expect(
      WindowPlanner.plan(future, now: now, margin: 0) == [
        SubWindow(start: now + day, end: now + 2 * day, isFinal: false)
      ])
  }
}

@Suite struct WindowRefineTests {
  @Test("final windows follow the longest chain of cached windows; the rest is fetched; live stays")
  func refine() {
    let windows = [
      SubWindow(start: 0, end: 100, isFinal: true), SubWindow(start: 100, end: 130, isFinal: true),
      SubWindow(start: 130, end: nil, isFinal: false),
    ]
    let cached: [Int64: [Int64]] = [0: [40, 60, 200], 60: [100], 100: [110], 130: [140]]
    #expect(
      WindowPlanner.refine(windows, cached: cached) == [
        PlannedWindow(window: SubWindow(start: 0, end: 60, isFinal: true), isCached: true),
        PlannedWindow(window: SubWindow(start: 60, end: 100, isFinal: true), isCached: true),
        PlannedWindow(window: SubWindow(start: 100, end: 110, isFinal: true), isCached: true),
        PlannedWindow(window: SubWindow(start: 110, end: 130, isFinal: true), isCached: false),
        PlannedWindow(window: SubWindow(start: 130, end: nil, isFinal: false), isCached: false),
      ])
  }
}
