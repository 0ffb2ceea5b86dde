import ArgumentParser
import USQShell

/// `usq`: the interactive shell, one statement (`-c`), or a script (`usq FILE.usq`).
struct USQCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "usq",
    abstract: "An analysis shell for OpenAI's organization Usage and Costs APIs.",
    discussion: """
      With no admin key (OPENAI_ADMIN_KEY or --key-file) usq runs on a built-in demo organization.
      Environment: OPENAI_ADMIN_KEY, OPENAI_BASE_URL, NO_COLOR, USQ_CACHE_DIR, USQ_HISTORY, USQ_NOW.
      Exit codes: 0 success; 1 error in a statement; 2 bad command line; 3 API, network or auth failure; 4 a failed assert.
      """,
    version: "usq \(Launcher.version)",
    subcommands: [Run.self, Serve.self]
  )

  @Option(name: .customShort("c"), help: "Run one statement and exit.")
  var command: String?

  @Argument(help: "A .usq script to run, then NAME=VALUE parameters.")
  var script: [String] = []

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if command != nil, !script.isEmpty {
      throw ValidationError("give either -c STATEMENT or a script, not both")
    }
    if let first = script.first, !first.hasSuffix(".usq") {
      throw ValidationError(
        "'\(first)' is not a .usq script (did you mean `usq -c \"\(first) …\"`?)")
    }
  }

  func run() async throws { throw ExitCode(await execute()) }

  /// Runs the command and returns the exit code.
  func execute() async -> Int32 {
    let mode: LaunchOptions.Mode
    if let command {
      mode = .statement(command)
    } else if let path = script.first {
      mode = .script(path: path, parameters: Array(script.dropFirst()))
    } else {
      mode = .interactive
    }
    return await Launcher.run(global.launchOptions(mode: mode))
  }
}

/// `usq run FILE.usq [NAME=VALUE …]`.
struct Run: AsyncParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Run a .usq script.")

  @Argument(help: "The script.")
  var path: String

  @Argument(help: "NAME=VALUE parameters overriding the script's `param` defaults.")
  var parameters: [String] = []

  @OptionGroup var global: GlobalOptions

  func run() async throws { throw ExitCode(await execute()) }

  /// Runs the script and returns the exit code.
  func execute() async -> Int32 {
    await Launcher.run(global.launchOptions(mode: .script(path: path, parameters: parameters)))
  }
}
