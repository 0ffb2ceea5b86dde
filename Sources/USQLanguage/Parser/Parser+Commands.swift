extension Parser {
  /// `command := "help" [TOPIC] | "fields" [WORD [WORD]] | "describe" [NAME] | "explain" pipeline
  ///            | "set" WORD "=" VALUE | "settings" | "frames" | "run" PATH { option }
  ///            | "cache" ("info" | "clear") | "history" | "quit" | "exit"`
  mutating func command() -> CommandSyntax {
    let start = current.span.start
    let verb = Name(current.text, span: current.span)
    let kind = commandKind(verb)
    return CommandSyntax(kind: kind, verb: verb, span: span(from: start))
  }

  mutating func commandKind(_ verb: Name) -> CommandSyntax.Kind {
    switch verb.text {
    case "help": return helpCommand()
    case "fields":
      advance()
      let endpoint = optionalName()
      return .fields(endpoint: endpoint, field: endpoint == nil ? nil : optionalName())
    case "describe":
      advance()
      return .describe(frame: optionalName())
    case "explain": return explainCommand()
    case "set": return setCommand()
    case "run":
      let path = path(after: "run")
      return .run(path: path, arguments: optionList(context: "'run'", stopsAtComma: false))
    case "cache": return cacheCommand()
    case "watch": return watchCommand()
    default:
      advance()
      let kinds: [String: CommandSyntax.Kind] = [
        "settings": .settings, "frames": .frames, "history": .history, "quit": .quit, "exit": .quit,
      ]
      if current.kind != .end { report(LanguageMessages.unexpectedArgument(verb, found: current)) }
      return kinds[verb.text] ?? .quit
    }
  }

  /// `"help" [TOPIC]`, the topic being the rest of the line.
  mutating func helpCommand() -> CommandSyntax.Kind {
    previous = current
    current = lex { $0.restOfLine() }
    consumed.append(current)
    let topic = current.text.isEmpty ? nil : Name(current.text, span: current.span)
    advance()
    return .help(topic: topic)
  }

  /// `"watch" [ "every=" DURATION ] pipeline`
  mutating func watchCommand() -> CommandSyntax.Kind {
    let verbSpan = current.span
    advance()
    var interval: WatchInterval?
    if current.isWord("every"), let option = option(stopsAtComma: false) {
      interval = watchInterval(option)
    }
    if current.kind == .end {
      reportExpected(
        "a pipeline after 'watch'", help: "write 'watch every=30s load costs days=1 | sum amount'")
    }
    return .watch(every: interval, pipeline: pipelineOrPlaceholder(after: verbSpan))
  }

  /// The value of `every=`: a duration of at least `WatchInterval.minimumSeconds`.
  mutating func watchInterval(_ option: OptionSyntax) -> WatchInterval? {
    guard let value = option.singleValue else { return nil }
    let unit = value.text.last.flatMap { DurationUnit(rawValue: String($0)) }
    guard let unit, let amount = Int64(value.text.dropLast()), amount > 0 else {
      report(
        .error(
          "parse.watch-interval", "expected a duration after 'every=', found '\(value.text)'",
          at: value.span, label: "not a duration",
          help: "write 'every=30s', 'every=5m' or 'every=1h'"))
      return nil
    }
    let seconds = amount.multipliedReportingOverflow(by: unit.seconds)
    guard !seconds.overflow, seconds.partialValue >= WatchInterval.minimumSeconds else {
      report(
        .error(
          "parse.watch-interval",
          "'watch' refreshes at most every \(WatchInterval.minimumSeconds)s, found '\(value.text)'",
          at: value.span, label: "too often",
          help:
            "write 'every=\(WatchInterval.minimumSeconds)s' or more: each refresh makes requests"))
      return nil
    }
    return WatchInterval(seconds: seconds.partialValue, span: value.span)
  }

  /// `"explain" pipeline`
  mutating func explainCommand() -> CommandSyntax.Kind {
    let verbSpan = current.span
    advance()
    if current.kind == .end {
      reportExpected("a pipeline after 'explain'", help: "write 'explain load completions | …'")
    }
    return .explain(pipelineOrPlaceholder(after: verbSpan))
  }

  /// The pipeline after a command word, or an empty `_` one (after reporting) when none parses.
  mutating func pipelineOrPlaceholder(after verbSpan: Span) -> PipelineSyntax {
    pipeline()
      ?? PipelineSyntax(
        binding: nil,
        source: SourceSyntax(
          kind: .last, verb: Name("", span: .at(verbSpan.end)), span: .at(verbSpan.end)),
        stages: [], span: .at(verbSpan.end))
  }

  /// `"set" WORD "=" VALUE` (the value is one item: commas do not split it).
  mutating func setCommand() -> CommandSyntax.Kind {
    advance()
    let fallback = CommandSyntax.Kind.set(
      name: Name("", span: .at(current.span.start)),
      value: OptionValue(text: "", isQuoted: false, span: .at(current.span.start)))
    guard current.kind == .word else {
      reportExpected("a setting after 'set'", help: "write 'set NAME=VALUE'; 'settings' lists them")
      return fallback
    }
    guard let option = option(stopsAtComma: false), let value = option.singleValue else {
      return fallback
    }
    if !isAtStageEnd { reportExpected("end of line after 'set \(option.key.text)=…'") }
    return .set(name: option.key, value: value)
  }

  /// `"cache" ( "info" | "clear" )`
  mutating func cacheCommand() -> CommandSyntax.Kind {
    advance()
    guard current.kind == .word, let action = CacheAction(rawValue: current.text) else {
      reportExpected("'info' or 'clear' after 'cache'")
      return .cache(.info)
    }
    advance()
    return .cache(action)
  }

  /// An optional name argument (a word or a quoted string).
  mutating func optionalName() -> Name? {
    guard current.kind == .word || current.kind == .string else { return nil }
    return name("a name")
  }
}
