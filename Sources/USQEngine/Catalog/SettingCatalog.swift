/// The names of the settings of `set NAME=VALUE` and the values each takes, for completion and
/// `help`. The shell's `Settings` checks and applies them (one rule, in one place).
public enum SettingCatalog {
  /// Every setting name with its accepted values (as `settings` and `help set` show them).
  public static let settings: [(name: String, values: String)] = [
    ("source", "demo|api"), ("tz", "UTC|local|±HH:MM|Area/City"), ("width", "auto|N"),
    ("color", "auto|always|never"), ("format", "table|csv|json|ndjson|md"), ("rows", "N"),
    ("cache", "on|off"), ("concurrency", "N"), ("charset", "unicode|ascii"), ("timer", "on|off"),
    ("report", "PATH.html|off"),
  ]
}
