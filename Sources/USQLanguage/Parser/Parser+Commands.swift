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

  /// `"explain" pipeline`
  mutating func explainCommand() -> CommandSyntax.Kind {
    let verbSpan = current.span
    advance()
    if current.kind == .end {
      reportExpected("a pipeline after 'explain'", help: "write 'explain load completions | …'")
    }
    let pipeline =
      pipeline()
      ?? PipelineSyntax(
        binding: nil,
        source: SourceSyntax(
          kind: .last, verb: Name("", span: .at(verbSpan.end)), span: .at(verbSpan.end)),
        stages: [], span: .at(verbSpan.end))
    return .explain(pipeline)
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
