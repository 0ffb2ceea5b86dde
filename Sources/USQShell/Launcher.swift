/// Starts usq for a command line: builds the session from the environment and runs
/// the interactive shell, one statement, or a script.
public enum Launcher {
  /// Runs usq and returns the process exit code (0 ok, 1 statement error, 2 bad command
  /// line, 3 API/network/auth failure).
  public static func run(_ options: LaunchOptions) async -> Int32 {
    0
  }
}
