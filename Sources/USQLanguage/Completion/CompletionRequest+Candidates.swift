extension CompletionRequest {
  /// The settings of `set NAME=VALUE` (LANGUAGE.md), with the values the language lists for them.
  public static let settings: [(name: String, values: [String])] = [
    ("source", ["demo", "api"]), ("tz", ["UTC", "local"]), ("width", ["auto"]),
    ("color", ["auto", "always", "never"]), ("format", ["table", "csv", "json", "ndjson", "md"]),
    ("rows", []), ("cache", ["on", "off"]), ("concurrency", []), ("charset", ["unicode", "ascii"]),
    ("timer", ["on", "off"]),
  ]

  /// The candidates the grammar alone knows for `expected`, those starting with `partial`, in
  /// their documented order; empty for kinds whose candidates come from data (columns, frames,
  /// paths, option values, fields), which the engine and shell supply.
  ///
  /// Option keys are offered with their `=` (`title=`), so a candidate can be inserted as is.
  public var grammarCandidates: [String] {
    let all: [String]
    switch expected {
    case .statementStart: all = ["load", "read", "from", "_", "let", "|"] + CommandSyntax.verbs
    case .stage: all = StageVerb.names
    case .endpoint: all = SourceSyntax.endpoints
    case .chartKind: all = ChartKind.allCases.map(\.rawValue)
    case .chartOptionKey: all = ChartKind.optionKeys.map { $0 + "=" }
    case .setting: all = Self.settings.map { $0.name + "=" }
    case .settingValue(let name): all = Self.settings.first { $0.name == name }?.values ?? []
    case .keyword(let words): all = words
    default: all = []
    }
    return all.filter { $0.hasPrefix(partial) }
  }
}
