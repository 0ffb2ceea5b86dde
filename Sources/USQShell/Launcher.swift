import Foundation
import USQDemo
import USQEngine
import USQOpenAI

/// Starts usq for a command line: builds the session from the environment and runs
/// the interactive shell, one statement, or a script.
public enum Launcher {
  /// usq's version, shown in the banner.
  public static let version = "0.1.0"

  /// Runs usq and returns the process exit code (0 ok, 1 statement error, 2 bad command
  /// line, 3 API/network/auth failure).
  public static func run(_ options: LaunchOptions) async -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    let setup: SessionSetup
    do {
      setup = try SessionSetup(options: options, environment: environment)
    } catch {
      FileHandle.standardError.write(Data("usq: \(error)\n".utf8))
      return 2
    }
    let session = Session(configuration: setup.configuration, settings: setup.settings)
    if let report = options.report {
      // Checked before anything runs: a report that cannot be written is a bad command line.
      if let problem = await session.startReport(path: report, title: reportTitle(options.mode)) {
        FileHandle.standardError.write(
          Data("usq: --report: \(problem); create it first or choose another path\n".utf8))
        return 2
      }
    }
    let status = await run(options.mode, session: session, setup: setup, environment: environment)
    if options.report != nil, await session.finishReport() != nil {
      return status == 0 ? 1 : status
    }
    return status
  }

  private static func reportTitle(_ mode: LaunchOptions.Mode) -> String {
    switch mode {
    case .script(let path, _): path
    case .statement: "usq -c"
    case .interactive: "usq session"
    }
  }

  private static func run(
    _ mode: LaunchOptions.Mode, session: Session, setup: SessionSetup,
    environment: [String: String]
  ) async -> Int32 {
    switch mode {
    case .statement(let text):
      return exitCode(await session.execute(text, origin: .commandLine))
    case .script(let path, let parameters):
      var pairs: [(String, String)] = []
      for parameter in parameters {
        guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
          FileHandle.standardError.write(
            Data("usq: '\(parameter)' is not a NAME=VALUE parameter\n".utf8))
          return 2
        }
        pairs.append(
          (String(parameter[..<equals]), String(parameter[parameter.index(after: equals)...])))
      }
      return exitCode(await session.runScript(path: path, parameters: pairs))
    case .interactive:
      return await interactive(session, setup: setup, environment: environment)
    }
  }

  @MainActor
  private static func interactive(
    _ session: Session, setup: SessionSetup, environment: [String: String]
  ) async -> Int32 {
    let terminal = setup.configuration.terminal
    let reader = REPL.makeReader(
      facts: terminal,
      historyPath: terminal.stdinIsTTY ? HistoryPath.resolve(environment: environment) : nil,
      secrets: setup.secrets)
    if reader.isInteractive { setup.configuration.console.out(setup.configuration.banner + "\n") }
    let handler = SessionHandler(session: session)
    await handler.refreshCompletion()
    return await REPL(reader: reader, handler: handler).run()
  }

  static func exitCode(_ outcome: Session.Outcome) -> Int32 {
    switch outcome {
    case .ok, .quit: 0
    case .failed(let code): code
    }
  }
}

/// Plugs a session into the REPL.
@MainActor
final class SessionHandler: StatementHandler {
  let session: Session
  /// Completion from the session as it was after the last statement (stored frames, `_`).
  private(set) var completion: any CompletionSource

  init(session: Session) {
    self.session = session
    self.completion = NoCompletion()
  }

  /// Takes the session's state for Tab completion; call before the first prompt.
  func refreshCompletion() async {
    completion = EngineCompletion(provider: await session.completionProvider())
  }

  func handle(_ statement: String) async -> HandleResult {
    let outcome = await session.execute(statement, origin: .prompt)
    await refreshCompletion()
    switch outcome {
    case .ok: return .continue
    case .quit: return .quit
    case .failed(let code): return .failed(exitCode: code)
    }
  }
}
