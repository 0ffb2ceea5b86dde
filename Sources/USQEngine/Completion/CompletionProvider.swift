import USQFrame
import USQLanguage
import USQVocabulary

/// Candidates for Tab at a cursor: stages, endpoints, options, group keys valid for the
/// endpoint, columns of the frame flowing into the current stage (the prefix is bound), stored
/// frames, values of low-cardinality string columns after `where C =`, settings, chart
/// options, help topics. Paths are the shell's job.
public struct CompletionProvider: Sendable {
  /// Endpoints, stored frames and now (the pipeline prefix is bound in it).
  public var environment: Environment
  /// Setting names and the values each accepts (empty: free).
  public var settings: [(name: String, values: [String])]

  /// The settings of LANGUAGE.md with their fixed values.
  public static let defaultSettings: [(name: String, values: [String])] = SettingCatalog.settings
    .map {
      (
        $0.name,
        $0.values.split(separator: "|").map(String.init).filter {
          $0 != "N" && $0 != "±HH:MM" && $0 != "PATH.html"
        }
      )
    }

  /// Creates a provider.
  public init(
    environment: Environment, settings: [(name: String, values: [String])] = defaultSettings
  ) {
    self.environment = environment
    self.settings = settings
  }

  /// The candidates for `line` with the cursor at `cursor` (a 0-based UTF-8 offset).
  public func complete(line: String, cursor: Int) -> CompletionCandidates {
    let request = Completion.request(line: line, cursor: cursor)
    let all = candidates(for: request.expected, line: line, request: request)
    let partial = request.partial
    var seen = Set<String>()
    let matching = all.filter { $0.hasPrefix(partial) && seen.insert($0).inserted }
    return CompletionCandidates(candidates: matching, replacing: request.partialSpan)
  }

  private func candidates(
    for expected: CompletionRequest.Expected, line: String, request: CompletionRequest
  )
    -> [String]
  {
    switch expected {
    case .statementStart: return ["load", "read", "from", "let", "_"] + CommandSyntax.verbs
    case .stage: return StageVerb.names
    case .endpoint: return environment.endpoints.map(\.name)
    case .optionKey(let endpoint):
      guard let description = resolve(endpoint) else { return [] }
      return LoadOptions.keys(for: description).map { $0 + "=" }
    case .optionValue(let endpoint, let key): return optionValues(endpoint: endpoint, key: key)
    case .column(let stage, let prefix):
      return columns(stage: stage, prefix: prefix, line: line, request: request)
    case .frameName: return environment.frames.keys.sorted()
    case .setting: return settings.map { $0.name + "=" }
    case .settingValue(let name): return settings.first { $0.name == name }?.values ?? []
    case .path, .nothing: return []
    case .chartKind: return ChartKind.allCases.map(\.rawValue)
    case .chartOptionKey: return ChartKind.optionKeys.map { $0 + "=" }
    case .field(let endpoint):
      return resolve(endpoint).map { FieldsCatalog.fields(of: $0).map(\.name) } ?? []
    case .helpTopic:
      return HelpCatalog(endpoints: environment.endpoints).topics.flatMap { [$0.name] + $0.aliases }
    case .keyword(let words): return words
    }
  }

  private func resolve(_ endpoint: String) -> Endpoint? {
    if let exact = environment.endpoint(named: endpoint) { return exact }
    let matches = environment.endpoints.filter { $0.name.hasPrefix(endpoint) }
    return environment.acceptsPrefixes && matches.count == 1 ? matches[0] : nil
  }

  private func optionValues(endpoint: String, key: String) -> [String] {
    guard let description = resolve(endpoint) else { return [] }
    switch key {
    case "group": return description.groupKeys
    case "bucket": return description.bucketWidths.map(\.rawValue)
    case "days": return ["1", "7", "14", "30", "90"]
    case "hours": return ["1", "6", "24", "48"]
    case "since", "until": return ["-1d", "-7d", "-30d", "-36h"]
    default:
      let filter = description.filter(named: key)
      return filter?.isBoolean == true ? ["true", "false"] : []
    }
  }

  /// The columns entering the stage, or, after `where C =` / `C in (`, the values of C when the
  /// frame is stored and C has few distinct strings.
  private func columns(stage: String, prefix: String, line: String, request: CompletionRequest)
    -> [String]
  {
    let (statement, _) = Parser.parse(SourceFile(prefix))
    guard case .pipeline(let pipeline) = statement else { return [] }
    let binder = Binder(environment: environment)
    guard let schema = binder.schema(flowingInto: pipeline.stages.count, of: pipeline) else {
      return []
    }
    if stage == "where", let column = comparedColumn(line: line, before: request.partialSpan.start),
      schema[column] != nil
    {
      return values(of: column, pipeline: pipeline)
    }
    return schema.names
  }

  /// The column in `… where C = ` / `C != ` / `C in (a, ` just before the cursor.
  private func comparedColumn(line: String, before offset: Int) -> String? {
    let text = String(decoding: Array(line.utf8).prefix(offset), as: UTF8.self)
    let stage =
      text.split(separator: "|", omittingEmptySubsequences: false).last.map(String.init) ?? text
    var spaced = ""
    for character in stage {
      if "=!<>(),".contains(character) {
        spaced += " \(character) "
      } else {
        spaced.append(character)
      }
    }
    let words = spaced.split(separator: " ").map(String.init)
    let count = words.count
    if count >= 2, words[count - 1] == "=", words[count - 2] != "<", words[count - 2] != ">" {
      let column =
        words[count - 2] == "=" || words[count - 2] == "!"
        ? (count >= 3 ? words[count - 3] : nil) : words[count - 2]
      return column
    }
    if let inIndex = words.lastIndex(of: "in"), inIndex >= 1, !words[inIndex...].contains(")"),
      words[inIndex...].contains("(")
    {
      return words[inIndex - 1]
    }
    return nil
  }

  /// Up to 50 distinct string values of `column` in the stored source frame.
  private func values(of column: String, pipeline: PipelineSyntax) -> [String] {
    let frame: Frame?
    switch pipeline.source.kind {
    case .from(let name): frame = environment.frames[name.text]
    case .last, .continuation: frame = environment.lastResult
    default: frame = nil
    }
    guard case .string(let strings)? = frame?[column], strings.dictionary.count <= 50 else {
      return []
    }
    return strings.dictionary.sorted(by: utf8Precedes)
  }
}

/// What Tab offers: the candidates and the span of the line they replace.
public struct CompletionCandidates: Sendable, Hashable {
  /// The candidates, in a useful order; option keys end in `=`.
  public var candidates: [String]
  /// The part of the line (0-based UTF-8 offsets) a chosen candidate replaces.
  public var replacing: Span
}
