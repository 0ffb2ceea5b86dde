import ArgumentParser
import USQShell

/// `usq serve`: the demo organization as the API, on 127.0.0.1.
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the demo organization as the Usage and Costs API on 127.0.0.1.",
    discussion: """
      Point usq (or your own scripts, or the cookbook notebook) at it:
        usq serve --port 8787 --key sk-admin-test &
        OPENAI_BASE_URL=http://127.0.0.1:8787/v1 OPENAI_ADMIN_KEY=sk-admin-test usq
      """)

  @Option(help: "The port; 0 picks a free one. The first line printed is PORT=<n>.")
  var port: Int = 8787

  @Option(help: "Demand `Authorization: Bearer KEY` (401 otherwise; 403 for an sk-proj- key).")
  var key: String?

  @Option(help: "The demo organization's seed.")
  var seed: UInt64?

  @Option(name: .customLong("latency-ms"), help: "Wait this long before each answer.")
  var latencyMilliseconds: Int = 0

  @Option(
    name: .customLong("fail-every"), help: "Answer every Nth request with 429 (Retry-After: 1).")
  var failEvery: Int = 0

  @Option(name: .customLong("error-500-every"), help: "Answer every Nth request with 500.")
  var error500Every: Int = 0

  @Option(name: .customLong("truncate-every"), help: "Cut every Nth body mid-JSON.")
  var truncateEvery: Int = 0

  @Option(help: "Log one JSON line per request to this file.")
  var log: String?

  func validate() throws {
    guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
    for (name, value) in [
      ("--latency-ms", latencyMilliseconds), ("--fail-every", failEvery),
      ("--error-500-every", error500Every), ("--truncate-every", truncateEvery),
    ] where value < 0 {
      throw ValidationError("\(name) must not be negative")
    }
  }

  func run() async throws { throw ExitCode(await execute()) }

  /// Serves until interrupted and returns the exit code.
  func execute() async -> Int32 {
    var options = ServeOptions(
      port: port, key: key, latencyMilliseconds: latencyMilliseconds, failEvery: failEvery,
      error500Every: error500Every, truncateEvery: truncateEvery, logPath: log)
    if let seed { options.seed = seed }
    return await ServeLauncher.run(options)
  }
}
