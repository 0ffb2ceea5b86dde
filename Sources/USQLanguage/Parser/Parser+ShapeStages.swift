import USQBasics

extension Parser {
  /// `"bucket" ( "hour" | "day" | "week" | "month" | DURATION )`
  mutating func bucketWidth() -> BucketWidth {
    let span = current.span
    if case .duration(let duration) = current.value, current.kind == .duration {
      advance()
      return BucketWidth(kind: .duration(duration), span: span)
    }
    let units: [String: BucketWidth.Kind] = [
      "hour": .hour, "day": .day, "week": .week, "month": .month,
    ]
    if current.kind == .word, let unit = units[current.text] {
      advance()
      return BucketWidth(kind: unit, span: span)
    }
    if current.kind == .word {
      report(LanguageMessages.invalidBucketWidth(Name(current.text, span: span)))
      advance()
    } else {
      reportExpected(
        "a bucket width after 'bucket'",
        help: "write 'hour', 'day', 'week', 'month' or a duration such as '6h'")
    }
    return BucketWidth(kind: .day, span: span)
  }

  /// `"other" PERCENT [ "of" NAME ]`
  mutating func otherStage() -> StageSyntax.Kind {
    let span = current.span
    var percent = PercentLiteral(value: 0, text: "", span: .at(span.start))
    if current.kind == .percent, case .percent(let value) = current.value {
      percent = PercentLiteral(value: value, text: current.text, span: span)
      advance()
    } else if current.kind == .integer || current.kind == .float {
      reportExpected("a percentage after 'other'", help: "write '\(current.text)%'")
    } else {
      reportExpected("a percentage after 'other'", help: "write 'other 5%'")
    }
    let column = match(word: "of") ? name("a column name after 'of'") : nil
    return .other(percent, of: column)
  }

  /// `"join" NAME "on" NAME { "," NAME } [ "kind=" ( "inner" | "left" ) ]`
  mutating func joinStage() -> StageSyntax.Kind {
    let frame = name("a frame name after 'join'")
    var keys: [Name] = []
    if match(word: "on") {
      keys = nameList("a column name after 'on'")
    } else {
      reportExpected(
        "'on' after 'join \(frame.text)'", help: "write 'join \(frame.text) on COLUMN'")
    }
    var kind = JoinKind.left
    let options = optionList(context: "'join'", allowedKeys: ["kind"])
    if let option = options.first(where: { $0.key.text == "kind" }) {
      if let value = option.singleValue, let parsed = JoinKind(rawValue: value.text) {
        kind = parsed
      } else {
        report(
          LanguageMessages.invalidOptionValue(
            option, expected: JoinKind.allCases.map(\.rawValue)))
      }
    }
    return .join(frame: frame, on: keys, kind: kind)
  }

  /// `"chart" KIND { option }`
  mutating func chartStage() -> StageSyntax.Kind? {
    guard current.kind == .word else {
      reportExpected(
        "a chart kind after 'chart'",
        notes: ["chart kinds: " + ChartKind.allCases.map(\.rawValue).joined(separator: ", ")])
      return nil
    }
    let kindName = Name(current.text, span: current.span)
    advance()
    let kind = ChartKind(rawValue: kindName.text)
    if kind == nil { report(LanguageMessages.unknownChartKind(kindName)) }
    let options = optionList(context: "'chart'", allowedKeys: ChartKind.optionKeys)
    return kind.map { .chart($0, options: options) }
  }

  /// `"export" PATH { option }` with `format=csv|json|ndjson|md`.
  mutating func exportStage() -> StageSyntax.Kind {
    let path = path(after: "export")
    let options = optionList(context: "'export'", allowedKeys: ["format"])
    var format: ExportFormat?
    if let option = options.first(where: { $0.key.text == "format" }) {
      format = option.singleValue.flatMap { ExportFormat(rawValue: $0.text) }
      if format == nil {
        report(
          LanguageMessages.invalidOptionValue(
            option, expected: ExportFormat.allCases.map(\.rawValue)))
      }
    }
    return .export(path: path, format: format, options: options)
  }
}
