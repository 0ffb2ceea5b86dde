import Foundation
import USQDemo

/// What `usq serve` serves: port, key, seed, latency and faults (the demo server's options).
public typealias ServeOptions = USQDemo.ServeOptions

/// `usq serve`: the demo organization as the Usage and Costs API on 127.0.0.1.
public enum ServeLauncher {
  /// Serves until the process is interrupted; returns the exit code of a failure to start.
  ///
  /// "Now" comes from `USQ_NOW` when it is set, as for the shell.
  public static func run(_ options: ServeOptions) async -> Int32 {
    var options = options
    if let text = ProcessInfo.processInfo.environment["USQ_NOW"], !text.isEmpty {
      guard let parsed = DemoClock.parse(text) else {
        FileHandle.standardError.write(
          Data("usq serve: USQ_NOW '\(text)' is not a date-time\n".utf8))
        return 2
      }
      options.now = parsed
    }
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
