extension Parser {
  /// The words that start a pipeline.
  static let sourceVerbs = ["load", "read", "from", "_"]

  /// `statement := pipeline | command | (nothing)`
  mutating func statement() -> Statement {
    let statement: Statement
    if current.kind == .end {
      statement = .empty
    } else if current.kind == .word, CommandSyntax.verbs.contains(current.text) {
      statement = .command(command())
    } else {
      guard let pipeline = pipeline() else { return .empty }
      statement = .pipeline(pipeline)
    }
    if current.kind != .end {
      reportExpected("end of line")
    }
    return statement
  }

  /// `pipeline := [ "let" NAME "=" ] source { "|" stage } | "|" stage { "|" stage }`
  mutating func pipeline() -> PipelineSyntax? {
    let start = current.span.start
    var binding: Name?
    if current.isWord("let") {
      advance()
      binding = letName()
    }
    guard let source = pipelineSource() else { return nil }
    let stages = stageList()
    return PipelineSyntax(binding: binding, source: source, stages: stages, span: span(from: start))
  }

  /// `NAME "="` after `let`.
  mutating func letName() -> Name? {
    guard current.kind == .word, !Parser.sourceVerbs.contains(current.text) else {
      reportExpected("a frame name after 'let'", help: "write 'let NAME = load …'")
      return nil
    }
    let name = Name(current.text, span: current.span)
    advance()
    if !match(.equal) { reportExpected("'=' after 'let \(name.text)'") }
    return name
  }

  /// `{ "|" stage }` — each iteration consumes a `|`; errors resynchronise at the next one.
  mutating func stageList() -> [StageSyntax] {
    var stages: [StageSyntax] = []
    if !isAtStageEnd {
      reportExpected("'|' or end of line")
      synchronize()
    }
    while current.kind == .pipe {
      advance()
      isQuiet = false
      let verb = current.text
      if let stage = stage() { stages.append(stage) }
      if !isAtStageEnd {
        reportExpected("'|' or end of line", help: trailingHelp(after: verb))
        synchronize()
      }
    }
    return stages
  }

  /// A hint for text left over after stage `verb` parsed.
  func trailingHelp(after verb: String) -> String? {
    if current.kind == .leftParen, previous.kind == .word {
      return computedKeyHelp(function: previous.text, verb: verb)
    }
    guard current.kind == .word else { return nil }
    if verb == "sort", current.text.hasPrefix("desc") || current.text.hasPrefix("asc") {
      return "write '\(current.text.hasPrefix("desc") ? "desc" : "asc")'"
    }
    if current.text == "group" || current.text == "grouped" {
      return "write 'by COLUMN', as in 'sum input_tokens by model'"
    }
    if verb == "count" { return "write 'count by \(current.text)'" }
    let listsColumns = ["select", "drop", "distinct", "sum", "avg", "min", "max", "sort", "share"]
    if listsColumns.contains(verb), previous.kind == .word {
      return "separate columns with commas: '\(previous.text), \(current.text)'"
    }
    return nil
  }

  // MARK: - Sources

  /// `source := "load" WORD { option } | "read" PATH | "from" NAME | "_" | (a leading "|")`
  mutating func pipelineSource() -> SourceSyntax? {
    let start = current.span.start
    if current.kind == .pipe {
      return SourceSyntax(kind: .continuation, verb: Name("", span: .at(start)), span: .at(start))
    }
    guard current.kind == .word else {
      reportExpected(
        "a statement", help: "start with 'load ENDPOINT', 'read PATH', 'from NAME' or '_'")
      return nil
    }
    let verb = Name(current.text, span: current.span)
    let kind: SourceSyntax.Kind
    switch verb.text {
    case "load": kind = loadSource()
    case "read": kind = .read(path: path(after: "read"))
    case "from":
      advance()
      kind = .from(frame: name("a frame name after 'from'"))
    case "_":
      advance()
      kind = .last
    default:
      report(LanguageMessages.unknownStatement(verb))
      synchronize()
      return nil
    }
    return SourceSyntax(kind: kind, verb: verb, span: span(from: start))
  }

  /// `"load" ENDPOINT { option }` (the endpoint may be a unique prefix; the binder resolves it).
  mutating func loadSource() -> SourceSyntax.Kind {
    advance()
    guard current.kind == .word else {
      reportExpected(
        "an endpoint after 'load'",
        notes: ["endpoints: " + SourceSyntax.endpoints.joined(separator: ", ")])
      return .load(endpoint: Name("", span: .at(current.span.start)), options: [])
    }
    let endpoint = Name(current.text, span: current.span)
    advance()
    return .load(endpoint: endpoint, options: optionList(context: "'load \(endpoint.text)'"))
  }

  /// A path in value mode (a bare run of non-blank characters or a quoted string), after `verb`.
  mutating func path(after verb: String) -> PathSyntax {
    advanceIntoValue(stopsAtComma: false)
    let token = current
    advance()
    guard !token.text.isEmpty else {
      report(LanguageMessages.expected("a path after '\(verb)'", found: current))
      return PathSyntax(text: "", isQuoted: false, span: token.span)
    }
    return PathSyntax(
      text: token.stringValue, isQuoted: token.kind == .string, span: token.span)
  }

  /// `NAME` — a word or a quoted string; on anything else reports `what` and returns an empty name.
  mutating func name(_ what: String) -> Name {
    guard current.kind == .word || current.kind == .string else {
      reportExpected(what)
      return Name("", span: .at(current.span.start))
    }
    let name = Name(current.stringValue, span: current.span)
    advance()
    return name
  }

  /// `NAME { "," NAME }`.
  mutating func nameList(_ what: String) -> [Name] {
    var names = [name(what)]
    while match(.comma) { names.append(name(what)) }
    return names
  }

  /// A column list holds names, not calls (`sum … by day(start_time)`): compute the key first.
  func computedKeyHelp(function: String, verb: String) -> String {
    let column = peekedArgument() ?? "start_time"
    let name = function.prefix(1)
    let derive = "derive \(name) = \(function)(\(column)) | \(verb) … by \(name)"
    guard ["day", "week", "month", "hour"].contains(function) else {
      return "columns here are names, not calls: compute it first with '\(derive)'"
    }
    return
      "columns here are names, not calls: '\(derive)', or re-bucket the time with 'bucket \(function)' before the stage"
  }

  /// The word inside the parentheses at `current`, for hints (`start_time` in `day(start_time)`).
  func peekedArgument() -> String? {
    let rest = source.bytes.dropFirst(current.span.end)
    let word = rest.prefix { $0 != UInt8(ascii: ")") && $0 != UInt8(ascii: " ") }
    guard !word.isEmpty, word.count < 64 else { return nil }
    return String(decoding: word, as: UTF8.self)
  }

  /// `[ "by" NAME { "," NAME } ]`.
  mutating func byClause() -> [Name] {
    guard match(word: "by") else { return [] }
    return nameList("a column name after 'by'")
  }
}

extension SourceSyntax {
  /// The endpoints LANGUAGE.md names, in its order (the binder holds the authoritative catalog).
  public static let endpoints: [String] = [
    "completions", "embeddings", "moderations", "images", "audio_speeches",
    "audio_transcriptions", "vector_stores", "code_interpreter_sessions", "file_search_calls",
    "web_search_calls", "costs", "projects", "users", "api_keys",
  ]
}
