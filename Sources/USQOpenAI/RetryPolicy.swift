/// When to try a request again, and how long to wait first. Pure: no clock, no randomness of its own.
///
/// Retried: 408, 409, 429 (honouring `Retry-After` in seconds, or `retry-after-ms`), 5xx, cut
/// connections, timeouts, and bodies that are truncated or not JSON. Not retried: other 4xx and
/// an unreachable host. Waits grow exponentially from `baseDelay` to `maxDelay`, shortened by
/// up to 25 % of jitter (as openai-python does).
public struct RetryPolicy: Sendable, Hashable {
  /// What went wrong with one attempt.
  public enum Failure: Sendable, Hashable {
    /// A response with this status; `retryAfter` in seconds from the headers, if any.
    case status(Int, retryAfter: Double?)
    /// The connection broke before the whole response arrived.
    case connectionLost
    /// No response within the timeout.
    case timedOut
    /// The host could not be reached at all.
    case unreachable
    /// A 2xx response whose body is truncated or not a page.
    case invalidBody
  }

  /// What to do after a failure.
  public enum Decision: Sendable, Hashable {
    /// Wait this many seconds, then try again.
    case retry(after: Double)
    /// Stop and report the failure.
    case giveUp
  }

  /// Attempts in total, the first included.
  public var maxAttempts: Int
  /// The first back-off wait, seconds.
  public var baseDelay: Double
  /// The longest back-off wait, seconds.
  public var maxDelay: Double
  /// The longest `Retry-After` honoured, seconds; longer values are cut to this.
  public var maxRetryAfter: Double

  public init(
    maxAttempts: Int = 5, baseDelay: Double = 0.5, maxDelay: Double = 8, maxRetryAfter: Double = 120
  ) {
    self.maxAttempts = maxAttempts
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.maxRetryAfter = maxRetryAfter
  }

  /// The decision after attempt number `attempt` (1-based) failed with `failure`.
  ///
  /// - Parameter jitter: a number in 0..<1 (random in production, fixed in tests).
  public func decide(_ failure: Failure, attempt: Int, jitter: Double) -> Decision {
    guard isRetryable(failure), attempt < maxAttempts else { return .giveUp }
    if case .status(_, let retryAfter?) = failure {
      return .retry(after: min(max(retryAfter, 0), maxRetryAfter))
    }
    let exponential = min(baseDelay * Double(1 << min(attempt - 1, 30)), maxDelay)
    return .retry(after: exponential * (1 - 0.25 * min(max(jitter, 0), 1)))
  }

  /// Whether `failure` is worth another attempt at all.
  public func isRetryable(_ failure: Failure) -> Bool {
    switch failure {
    case .status(let status, _): Self.isRetryable(status: status)
    case .connectionLost, .timedOut, .invalidBody: true
    case .unreachable: false
    }
  }

  /// Whether an HTTP status is retried: 408, 409, 429 and 5xx.
  public static func isRetryable(status: Int) -> Bool {
    status == 408 || status == 409 || status == 429 || (500...599).contains(status)
  }

  /// Seconds to wait from the headers: `retry-after-ms` (milliseconds) or `Retry-After`
  /// (seconds); nil when absent or not a number (an HTTP date is ignored: back off instead).
  public static func retryAfter(_ response: HTTPResponse) -> Double? {
    if let text = response.header("retry-after-ms"), let milliseconds = Double(text.trimmed),
      milliseconds >= 0
    {
      return milliseconds / 1_000
    }
    if let text = response.header("retry-after"), let seconds = Double(text.trimmed), seconds >= 0 {
      return seconds
    }
    return nil
  }
}

extension String {
  fileprivate var trimmed: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
