import USQLanguage
import USQVocabulary

/// The texts of `help [TOPIC]`: the language, every stage, command, setting and endpoint, each
/// with examples that run.
public struct HelpCatalog: Sendable {
  /// Every topic, in the order `help` lists them.
  public let topics: [HelpTopic]
  private let endpoints: [Endpoint]

  /// A catalog for these endpoints.
  public init(endpoints: [Endpoint]) {
    self.endpoints = endpoints
    self.topics =
      Self.languageTopics + Self.moneyTopics + Self.stageTopics + Self.commandTopics
      + Self.settingTopics
      + endpoints.map(Self.endpointTopic)
  }

  /// Every stage's topic, in the order of `StageVerb.table` (which names each verb's topic).
  static let stageTopics: [HelpTopic] = StageVerb.topics.compactMap { name in
    operationTopics.first { $0.name == name }
  }

  /// The topic each operation documents itself with (the order does not matter).
  static let operationTopics: [HelpTopic] = [
    WhereOperation.help, SelectOperation.help, DropOperation.help, RenameOperation.help,
    DeriveOperation.help, SumOperation.help, CountOperation.help, AggOperation.help,
    SortOperation.help, TopOperation.help, HeadOperation.help, TailOperation.help,
    BucketOperation.help, FillOperation.help, ShareOperation.help, OtherOperation.help,
    PivotOperation.help, JoinOperation.help, NamesOperation.help, PriceOperation.help,
    DistinctOperation.help, CompareOperation.help, ForecastOperation.help, AssertOperation.help,
    ChartStage.help, ExportStage.help,
  ]

  /// The topic named `name` (or one of its aliases); a chart kind (`pie`, `heat`) finds the
  /// `chart` topic, since users ask `help pie`.
  public func topic(named name: String) -> HelpTopic? {
    var lowered = name.lowercased()
    if ChartKind(rawValue: lowered) != nil { lowered = "chart" }
    return topics.first { $0.name == lowered || $0.aliases.contains(lowered) }
  }

  /// `help` (no topic: the overview) or `help TOPIC`; an unknown topic is an error with
  /// "did you mean".
  public func answer(_ topic: Name?) -> CatalogAnswer {
    guard let topic else { return .text(overview) }
    let words = topic.text.split(separator: " ").map(String.init)
    if let found = self.topic(named: topic.text) ?? words.first.flatMap(self.topic(named:)) {
      return .text(found.text)
    }
    let names = topics.flatMap { [$0.name] + $0.aliases } + ChartKind.allCases.map(\.rawValue)
    return .error(
      .error(
        "help.unknown-topic", "no help for '\(topic.text)'", at: topic.span, label: "not a topic",
        notes: ["topics: \(topics.map(\.name).joined(separator: ", "))"],
        help: DidYouMean.help(for: topic.text, among: names)))
  }

  /// The overview `help` prints.
  public var overview: String {
    func names(_ kind: HelpTopic.Kind) -> String {
      topics.filter { $0.kind == kind }.map(\.name).joined(separator: " ")
    }
    return """
      usq — ask the OpenAI usage and costs API questions with pipelines

        load completions days=30 | sum input_tokens by model | chart bar

      a line is a pipeline (source | stage | stage …) or a command; `let NAME = …` stores a result
      sources:   load ENDPOINT [option=value …] · load spend [group=K,…] · read PATH · from NAME · _
      stages:    \(StageVerb.table.filter { !$0.isOutput }.map(\.name).joined(separator: " "))
      output:    chart KIND [x= y= by= title=] · export PATH [format=]
      commands:  \(names(.command))
      settings:  \(names(.setting))
      endpoints: \(names(.endpoint))
      more:      help TOPIC — a stage, command, setting or endpoint, or: \(names(.language))
      """
  }

  private static func endpointTopic(_ endpoint: Endpoint) -> HelpTopic {
    let sample = endpoint.fields.first { $0.kind.isNumeric }?.name
    let key = endpoint.groupKeys.first
    var examples = ["fields \(endpoint.name)"]
    switch endpoint.kind {
    case .usage, .costs:
      if let sample, let key {
        examples.insert(
          "load \(endpoint.name) days=7 group=\(key) | sum \(sample) by \(key)", at: 0)
      } else {
        examples.insert("load \(endpoint.name) days=7", at: 0)
      }
    case .list: examples.insert("load \(endpoint.name)", at: 0)
    }
    var details = endpoint.summary
    if !endpoint.groupKeys.isEmpty {
      details += "\ngroup keys: " + endpoint.groupKeys.joined(separator: ", ")
    }
    if !endpoint.bucketWidths.isEmpty {
      details +=
        "\nbucket widths: " + endpoint.bucketWidths.map(\.rawValue).joined(separator: ", ")
    }
    let filters = endpoint.filters.map { "\($0.optionName)= (\($0.apiName))" }
    if !filters.isEmpty { details += "\nfilters: " + filters.joined(separator: ", ") }
    return HelpTopic(
      name: endpoint.name, kind: .endpoint,
      usage: "load \(endpoint.name)" + (endpoint.isBucketed ? " [option=value …]" : ""),
      details: details, examples: examples)
  }
}

/// The answer of `help` or `fields`: the text to print, or an error to report.
public enum CatalogAnswer: Sendable, Hashable {
  case text(String)
  case error(Diagnostic)
}
