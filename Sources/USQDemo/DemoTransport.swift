import Foundation
import USQBasics
import USQOpenAI

/// An `HTTPTransport` answered in-process by a `DemoOrganization`, so demo data goes through the
/// same client, paginator and decoder as real data.
///
/// ```swift
/// let transport = DemoTransport(now: { 1_764_000_000 })
/// let response = try await transport.send(request)
/// ```
public struct DemoTransport: HTTPTransport {
  public let organization: DemoOrganization
  /// "Now", seconds since the epoch, UTC, asked once per request.
  public let now: @Sendable () -> Int64

  /// - Parameters:
  ///   - organization: the organization to answer for (default seed by default).
  ///   - now: the clock; `DemoClock.system` by default. usq passes a fixed value from `USQ_NOW`.
  public init(
    organization: DemoOrganization = DemoOrganization(),
    now: @escaping @Sendable () -> Int64 = DemoClock.system
  ) {
    self.organization = organization
    self.now = now
  }

  /// A transport for `seed` whose clock is fixed at `fixedNow`, or the system clock when nil.
  public init(seed: UInt64, fixedNow: Int64?) {
    self.init(organization: DemoOrganization(seed: seed), now: DemoClock.clock(fixedAt: fixedNow))
  }

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    try Task.checkCancellation()
    return organization.respond(to: request, now: now())
  }
}

/// Clocks for the demo organization.
public enum DemoClock {
  /// The system clock, whole seconds since the epoch, UTC.
  public static let system: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }

  /// A clock fixed at `time`, or the system clock when `time` is nil.
  public static func clock(fixedAt time: Int64?) -> @Sendable () -> Int64 {
    guard let time else { return system }
    return { time }
  }

  /// Parses a `USQ_NOW` value: seconds since the epoch (`1764000000`) or an ISO 8601 date or
  /// date-time (`2025-11-24T16:00:00Z`; no zone means UTC). Returns nil for anything else.
  public static func parse(_ text: String) -> Int64? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let seconds = Int64(trimmed) { return seconds }
    return ISODate.parse(trimmed)
  }

  /// The fixed "now" from `USQ_NOW` in `environment`, if set and valid.
  public static func fixedNow(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Int64?
  {
    environment["USQ_NOW"].flatMap(parse)
  }
}
