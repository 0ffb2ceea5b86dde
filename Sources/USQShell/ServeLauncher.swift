import Foundation
import USQDemo

/// `usq serve`: the demo organization as the Usage and Costs API on 127.0.0.1.
public enum ServeLauncher {
  /// What `usq serve` was asked for.
  public struct Request: Sendable {
    public var port: Int
    public var key: String?
    public var seed: UInt64?
    public var latencyMilliseconds: Int
    public var failEvery: Int
    public var error500Every: Int
    public var truncateEvery: Int
    public var logPath: String?

    public init(
      port: Int, key: String?, seed: UInt64?, latencyMilliseconds: Int, failEvery: Int,
      error500Every: Int, truncateEvery: Int, logPath: String?
    ) {
      self.port = port
      self.key = key
      self.seed = seed
      self.latencyMilliseconds = latencyMilliseconds
      self.failEvery = failEvery
      self.error500Every = error500Every
      self.truncateEvery = truncateEvery
      self.logPath = logPath
    }
  }

  /// Serves until the process is interrupted; returns the exit code of a failure to start.
  public static func run(_ request: Request) async -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    var now: Int64?
    if let text = environment["USQ_NOW"], !text.isEmpty {
      guard let parsed = DemoClock.parse(text) else {
        FileHandle.standardError.write(Data("usq serve: USQ_NOW '\(text)' is not a date-time\n".utf8))
        return 2
      }
      now = parsed
    }
    let options = ServeOptions(
      port: request.port, key: request.key, seed: request.seed ?? DemoOrganization.defaultSeed,
      latencyMilliseconds: request.latencyMilliseconds, failEvery: request.failEvery,
      error500Every: request.error500Every, truncateEvery: request.truncateEvery,
      logPath: request.logPath, now: now)
    // Serves until the process is interrupted; SIGINT and SIGTERM end it as usual.
    do {
      try await DemoServer.run(options)
      return 0
    } catch {
      FileHandle.standardError.write(Data("usq serve: \(error)\n".utf8))
      return 3
    }
  }
}
