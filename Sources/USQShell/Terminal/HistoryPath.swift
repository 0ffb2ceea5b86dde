/// Where the history file lives.
public enum HistoryPath {
  /// `USQ_HISTORY` when set (set but empty: no history file), else
  /// `$XDG_STATE_HOME/usq/history` when `XDG_STATE_HOME` is an absolute path, else
  /// `$HOME/.local/state/usq/history`; nil when none of these is known.
  public static func resolve(environment: [String: String]) -> String? {
    if let explicit = environment["USQ_HISTORY"] {
      return explicit.isEmpty ? nil : explicit
    }
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return join(state, "usq/history")
    }
    if let home = environment["HOME"], !home.isEmpty {
      return join(home, ".local/state/usq/history")
    }
    return nil
  }

  private static func join(_ folder: String, _ rest: String) -> String {
    folder.hasSuffix("/") ? folder + rest : folder + "/" + rest
  }
}
