import USQLanguage

/// The settings of `set NAME=VALUE`, checked before the shell applies them.
public enum SettingCatalog {
  /// Every setting name with its accepted values (as `settings` and `help set` show them).
  public static let settings: [(name: String, values: String)] = [
    ("source", "demo|api"), ("tz", "UTC|local|±HH:MM"), ("width", "auto|N"),
    ("color", "auto|always|never"), ("format", "table|csv|json|ndjson|md"), ("rows", "N"),
    ("cache", "on|off"), ("concurrency", "N"), ("charset", "unicode|ascii"), ("timer", "on|off"),
    ("report", "PATH.html|off"),
  ]

  /// An error for an unknown setting (with "did you mean") or a value it does not accept;
  /// `nil` when `set name=value` is fine.
  public static func check(name: Name, value: OptionValue) -> Diagnostic? {
    guard let setting = settings.first(where: { $0.name == name.text }) else {
      return .error(
        "set.unknown-setting", "unknown setting '\(name.text)'", at: name.span,
        label: "not a setting",
        notes: ["settings: \(settings.map(\.name).joined(separator: ", "))"],
        help: DidYouMean.help(for: name.text, among: settings.map(\.name)))
    }
    guard !accepts(setting.name, value.text) else { return nil }
    return .error(
      "set.bad-value", "'\(setting.name)' takes \(setting.values), found '\(value.text)'",
      at: value.span,
      label: "not a value of '\(setting.name)'",
      help: DidYouMean.help(
        for: value.text, among: setting.values.split(separator: "|").map(String.init)))
  }

  static func accepts(_ name: String, _ value: String) -> Bool {
    switch name {
    case "tz":
      if value == "UTC" || value == "local" { return true }
      let parts = value.dropFirst().split(separator: ":")
      return (value.hasPrefix("+") || value.hasPrefix("-")) && parts.count == 2
        && parts.allSatisfy { $0.count == 2 && Int($0) != nil } && (Int(parts[0]) ?? 99) < 24
        && (Int(parts[1]) ?? 99) < 60
    case "width": return value == "auto" || (Int(value).map { $0 >= 20 && $0 <= 1_000 } ?? false)
    case "rows": return Int(value).map { $0 >= 1 } ?? false
    case "concurrency": return Int(value).map { (1...64).contains($0) } ?? false
    case "report": return !value.isEmpty
    default:
      let values =
        settings.first { $0.name == name }?.values.split(separator: "|").map(String.init) ?? []
      return values.contains(value)
    }
  }
}
