import USQBasics

/// Every message of the lexer, parser and script preprocessor, alphabetically (STYLE rule 15):
/// lowercase, no final period, user text in single quotes, expected versus found.
public enum LanguageMessages {
  static func chainedComparison(at span: Span) -> Diagnostic {
    .error(
      "parse.chained-comparison", "comparisons cannot be chained", at: span,
      label: "second comparison", help: "join them with 'and': 'a < b and b < c'")
  }

  static func duplicateOption(_ key: Name) -> Diagnostic {
    .error(
      "parse.duplicate-option", "option '\(key.text)' is given twice", at: key.span,
      label: "given again here", help: "give several values as one comma list: '\(key.text)=a,b'")
  }

  static func duplicateParameter(_ name: Name) -> Diagnostic {
    .error(
      "script.duplicate-parameter", "parameter '\(name.text)' is declared twice", at: name.span,
      label: "declared again here")
  }

  /// `expected WHAT, found 'X'`.
  static func expected(
    _ what: String, found token: Token, help: String? = nil, notes: [String] = []
  ) -> Diagnostic {
    .error(
      "parse.expected", "expected \(what), found \(describe(token))", at: token.span, notes: notes,
      help: help)
  }

  static func invalidBucketWidth(_ word: Name) -> Diagnostic {
    .error(
      "parse.invalid-bucket-width", "invalid bucket width '\(word.text)'", at: word.span,
      label: "not a bucket width",
      notes: ["bucket widths: hour, day, week, month, or a duration such as '6h'"],
      help: DidYouMean.help(for: word.text, among: BucketWidth.unitWords))
  }

  static func invalidDate(_ text: String, reason: String, at span: Span) -> Diagnostic {
    .error(
      "lex.invalid-date", "invalid date '\(text)'", at: span, label: reason,
      help: "write 'YYYY-MM-DD', 'YYYY-MM-DDTHH:MM[:SS]', optionally with 'Z' or '+HH:MM'")
  }

  static func invalidEscape(_ text: String, at span: Span) -> Diagnostic {
    .error(
      "lex.invalid-escape", "unknown escape '\(text)' in a string", at: span,
      help: "the escapes are '\\\"', '\\'', '\\\\', '\\n' and '\\t'")
  }

  static func invalidNumber(_ text: String, at span: Span) -> Diagnostic {
    var help = "a number is written '42', '1_000', '2.5' or '1e6'"
    if let dash = text.firstIndex(of: "-"), dash != text.startIndex,
      Literal.number(String(text[..<dash])) != nil
    {
      help = "did you mean `\(text[..<dash]) - \(text[text.index(after: dash)...])`?"
    } else if text.contains(where: { $0.isLetter }) {
      help = "a word cannot start with a digit; quote it: '\"\(text)\"'"
    }
    return .error("lex.invalid-number", "invalid number '\(text)'", at: span, help: help)
  }

  static func invalidOptionValue(_ option: OptionSyntax, expected: [String]) -> Diagnostic {
    .error(
      "parse.invalid-option-value",
      "invalid value '\(option.rawText)' for option '\(option.key.text)'", at: option.valueSpan,
      notes: ["expected one of: " + expected.joined(separator: ", ")],
      help: DidYouMean.help(for: option.rawText, among: expected))
  }

  static func missingOptionValue(_ key: Name, at span: Span, afterComma: Bool) -> Diagnostic {
    afterComma
      ? .error(
        "parse.missing-option-value", "expected a value after ',' in option '\(key.text)'",
        at: span,
        help: "a list has no blanks and no trailing comma: '\(key.text)=a,b'")
      : .error(
        "parse.missing-option-value", "missing value for option '\(key.text)'", at: span,
        help: "write '\(key.text)=VALUE' with no blank after '='")
  }

  static func expressionTooLong(at span: Span, limit: Int, op: BinaryOperator?) -> Diagnostic {
    let help =
      op == .or
      ? "to test one column against many values write 'C in (v1, v2, …)'"
      : "split it into several 'derive' steps, each under \(limit) operators"
    return .error(
      "parse.expression-too-long", "expression more than \(limit) operators deep", at: span,
      label: "operator \(limit + 1) on one path",
      notes: ["each operator of a chain 'a + b + c' is one level"],
      help: help)
  }

  static func nestedTooDeeply(at span: Span, limit: Int) -> Diagnostic {
    .error(
      "parse.nested-too-deeply", "expression nested more than \(limit) levels deep", at: span,
      help: "split it with 'derive' into simpler columns")
  }

  static func numberTooLarge(_ text: String, at span: Span) -> Diagnostic {
    .error("lex.number-too-large", "number '\(text)' is too large", at: span)
  }

  static func parameterWithoutValue(_ name: String, at span: Span) -> Diagnostic {
    .error(
      "script.parameter-without-value", "parameter '\(name)' has no value", at: span,
      label: "declared without a default",
      help: "pass it on the command line: 'usq run FILE \(name)=VALUE'")
  }

  static func unexpectedArgument(_ verb: Name, found token: Token) -> Diagnostic {
    .error(
      "parse.unexpected-argument", "'\(verb.text)' takes no arguments, found \(describe(token))",
      at: token.span)
  }

  static func unexpectedCharacters(_ text: String, at span: Span) -> Diagnostic {
    let help: String? =
      switch text.first {
      case "!": "use '!=' for 'not equal' and 'not' for negation"
      case "$": "parameters ('$NAME') are replaced only in scripts"
      case ";": "write one statement per line"
      case "&": "use 'and'"
      default: nil
      }
    let noun = text.count == 1 ? "character" : "characters"
    return .error("lex.unexpected-character", "unexpected \(noun) '\(text)'", at: span, help: help)
  }

  static func unknownAggregateFunction(_ name: Name) -> Diagnostic {
    let functions = AggregateFunction.allCases.map(\.rawValue)
    return .error(
      "parse.unknown-aggregate-function", "unknown aggregate function '\(name.text)'",
      at: name.span,
      label: "not an aggregate function",
      notes: ["functions: " + functions.joined(separator: ", ")],
      help: DidYouMean.help(for: name.text, among: functions))
  }

  static func unknownChartKind(_ name: Name) -> Diagnostic {
    let kinds = ChartKind.allCases.map(\.rawValue)
    return .error(
      "parse.unknown-chart-kind", "unknown chart kind '\(name.text)'", at: name.span,
      label: "not a chart kind", notes: ["chart kinds: " + kinds.joined(separator: ", ")],
      help: DidYouMean.help(for: name.text, among: kinds))
  }

  static func unknownOption(_ key: Name, context: String, validKeys: [String]) -> Diagnostic {
    .error(
      "parse.unknown-option", "unknown option '\(key.text)' for \(context)", at: key.span,
      label: "not an option here", notes: ["options: " + validKeys.joined(separator: ", ")],
      help: DidYouMean.help(for: key.text, among: validKeys))
  }

  static func unknownOverride(_ name: String, at span: Span, declared: [String]) -> Diagnostic {
    .error(
      "script.unknown-override", "the script declares no parameter '\(name)'", at: span,
      notes: [
        declared.isEmpty
          ? "the script declares no parameters" : "parameters: " + declared.joined(separator: ", ")
      ],
      help: DidYouMean.help(for: name, among: declared))
  }

  static func unknownParameter(_ name: String, at span: Span, declared: [String]) -> Diagnostic {
    if name.isEmpty {
      return .error(
        "script.lone-dollar", "expected a parameter name after '$'", at: span,
        help: "write '$NAME', or '$$' for a literal '$'")
    }
    return .error(
      "script.unknown-parameter", "unknown parameter '$\(name)'", at: span,
      label: "not declared with 'param'",
      help: DidYouMean.help(for: name, among: declared).map { $0.replacingDollar() }
        ?? "declare it with 'param \(name) = DEFAULT', or write '$$' for a literal '$'")
  }

  static func unknownStage(_ verb: Name) -> Diagnostic {
    if Parser.sourceVerbs.contains(verb.text) {
      return .error(
        "parse.source-after-pipe", "'\(verb.text)' starts a pipeline and cannot follow '|'",
        at: verb.span,
        help: "start a new statement with '\(verb.text)', or use 'join' to combine frames")
    }
    return .error(
      "parse.unknown-stage", "unknown stage '\(verb.text)'", at: verb.span, label: "not a stage",
      notes: ["stages: " + StageVerb.names.joined(separator: ", ")],
      help: DidYouMean.help(for: verb.text, among: StageVerb.names))
  }

  static func unknownStatement(_ word: Name) -> Diagnostic {
    if StageVerb.names.contains(word.text) {
      return .error(
        "parse.stage-without-source", "expected a source before stage '\(word.text)'",
        at: word.span,
        label: "a stage needs a source",
        help:
          "start with 'load ENDPOINT', 'read PATH', 'from NAME' or '_', or continue the last result with '| \(word.text) …'"
      )
    }
    let candidates = Parser.sourceVerbs + ["let"] + CommandSyntax.verbs
    let help =
      DidYouMean.help(for: word.text, among: candidates)
      ?? DidYouMean.best(for: word.text, among: StageVerb.names).map { "did you mean '| \($0)'?" }
    return .error(
      "parse.unknown-statement", "unknown command '\(word.text)'", at: word.span,
      label: "not a source or command",
      notes: [
        "a statement starts with load, read, from, _, let, '|' or a command: "
          + CommandSyntax.verbs.joined(separator: ", ")
      ],
      help: help)
  }

  static func unterminatedString(at span: Span) -> Diagnostic {
    .error(
      "lex.unterminated-string", "unterminated string", at: span, label: "no closing quote",
      help: "add the closing quote")
  }

  /// How a token is named in "found …": `end of line`, `the string "…"`, or `'text'`.
  static func describe(_ token: Token) -> String {
    switch token.kind {
    case .end: "end of line"
    case .string: "the string \(token.text)"
    case .value where token.text.isEmpty: "a blank"
    default: "'\(token.text)'"
    }
  }
}

extension String {
  /// `did you mean 'x'?` → `did you mean '$x'?`.
  fileprivate func replacingDollar() -> String {
    guard let quote = firstIndex(of: "'") else { return self }
    var copy = self
    copy.insert("$", at: index(after: quote))
    return copy
  }
}
