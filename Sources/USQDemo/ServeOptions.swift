/// Options of `usq serve`: what the command line parses and `DemoServer.run` takes.
public struct ServeOptions: Sendable, Hashable {
  /// TCP port on 127.0.0.1; 0 picks a free one (printed as `PORT=<n>` first).
  public var port: Int
  /// When set, requests must carry `Authorization: Bearer <key>` (401 otherwise).
  public var key: String?
  /// Seed of the demo organization.
  public var seed: UInt64
  /// Delay before every response, in milliseconds.
  public var latencyMilliseconds: Int
  /// Every Nth request fails with 429 and `Retry-After: 1` (0 = never).
  public var failEvery: Int
  /// Every Nth request fails with 500 (0 = never).
  public var error500Every: Int
  /// Every Nth request gets its body cut in the middle of the JSON (0 = never).
  public var truncateEvery: Int
  /// File to append one JSON line per request to.
  public var logPath: String?
  /// Fixed "now" (seconds since the epoch, UTC), e.g. from `USQ_NOW`; nil = the system clock.
  public var now: Int64?

  public init(
    port: Int = 0, key: String? = nil, seed: UInt64 = DemoOrganization.defaultSeed,
    latencyMilliseconds: Int = 0, failEvery: Int = 0, error500Every: Int = 0,
    truncateEvery: Int = 0, logPath: String? = nil, now: Int64? = nil
  ) {
    self.port = port
    self.key = key
    self.seed = seed
    self.latencyMilliseconds = latencyMilliseconds
    self.failEvery = failEvery
    self.error500Every = error500Every
    self.truncateEvery = truncateEvery
    self.logPath = logPath
    self.now = now
  }
}
