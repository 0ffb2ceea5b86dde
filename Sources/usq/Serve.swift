import ArgumentParser

/// `usq serve`: the demo organization as the API, on 127.0.0.1.
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the demo organization as the Usage and Costs API on 127.0.0.1.")

  @Option(help: "The port; 0 picks a free one and prints PORT=<n> first.")
  var port: Int = 8787

  func run() async throws { throw ExitCode(await execute()) }

  /// Serves until interrupted and returns the exit code.
  func execute() async -> Int32 {
    2
  }
}
