import USQBasics

extension CompletionContext {
  /// Inside a stage: `stage` holds the tokens after the last `|`; `prefixEnd` is where that `|` is.
  func stageExpected(_ stage: [Token], prefixEnd: Int) -> CompletionRequest.Expected {
    guard let verb = stage.first?.text else { return .stage }
    let prefix = pipelinePrefix(end: prefixEnd)
    let column = CompletionRequest.Expected.column(stage: verb, pipelinePrefix: prefix)
    let last = stage.count > 1 ? stage[stage.count - 1] : nil
    let afterColumn = last.map { $0.kind == .word || $0.kind == .rightParen } ?? false
    guard let row = StageVerb.named(verb) else { return .nothing }
    switch row.completion {
    case .columns:
      return column
    case .columnsThenBy, .by:
      if stage.contains(where: { $0.isWord("by") }) { return column }
      if row.completion == .by { return .keyword(["by"]) }
      return afterColumn ? .keyword(["by"]) : column
    case .sortKeys:
      return afterColumn && !(last?.isWord("asc") ?? false) && !(last?.isWord("desc") ?? false)
        ? .keyword(["asc", "desc"]) : column
    case .countThenBy:
      if stage.count == 1 { return .nothing }
      return last?.isWord("by") ?? false ? column : .keyword(["by"])
    case .percentThenOf:
      if stage.count == 1 { return .nothing }
      return last?.isWord("of") ?? false ? column : .keyword(["of"])
    case .pivot:
      if stage.count == 1 || last?.isWord("values") ?? false { return column }
      return .keyword(["values"])
    case .bucketWidth: return stage.count == 1 ? .keyword(BucketWidth.unitWords) : .nothing
    case .join: return joinExpected(stage, column: column)
    case .chart: return chartExpected(stage, column: column)
    case .export: return exportExpected(stage)
    case .compare: return stage.count == 1 ? .keyword(["prev"]) : .nothing
    case .forecast:
      switch optionKeyBeforeValue() {
      case "y": return column
      case "to": return .keyword(["month"])
      default: return .keyword(["to=", "y="])
      }
    case .assert:
      // After a comparison's right side (`assert amount < 100 `) comes the message.
      let values: [Token.Kind] = [.word, .rightParen, .integer, .float, .string]
      let afterValue = last.map { values.contains($0.kind) } ?? false
      return afterValue && stage.count > 3 ? .keyword(["message="]) : column
    case .nothing: return .nothing
    }
  }

  func joinExpected(_ stage: [Token], column: CompletionRequest.Expected)
    -> CompletionRequest.Expected
  {
    if stage.count == 1 { return .frameName }
    if stage.count == 2 { return .keyword(["on"]) }
    if optionKeyBeforeValue() == "kind" { return .keyword(JoinKind.allCases.map(\.rawValue)) }
    let last = stage[stage.count - 1]
    return last.isWord("on") || last.kind == .comma ? column : .keyword(["kind="])
  }

  func chartExpected(_ stage: [Token], column: CompletionRequest.Expected)
    -> CompletionRequest.Expected
  {
    if stage.count == 1 { return .chartKind }
    switch optionKeyBeforeValue() {
    case "x", "y", "by": return column
    case nil: return .chartOptionKey
    default: return .nothing
    }
  }

  func exportExpected(_ stage: [Token]) -> CompletionRequest.Expected {
    if stage.count == 1 { return .path }
    if optionKeyBeforeValue() == "format" { return .keyword(ExportFormat.allCases.map(\.rawValue)) }
    return .keyword(["format="])
  }

  /// The pipeline text before the `|` at `end`, without `let NAME =` or `explain`, trimmed;
  /// `_` when the statement starts with `|` (it continues the last result).
  func pipelinePrefix(end: Int) -> String {
    var start = 0
    var index = 0
    if tokens.first?.isWord("explain") ?? false { index = 1 }
    if index < tokens.count, tokens[index].isWord("let"), index + 2 < tokens.count,
      tokens[index + 2].kind == .equal
    {
      index += 3
    }
    if index < tokens.count { start = tokens[index].span.start }
    let text = source.text(of: Span(start: start, end: end))
    let trimmed = String(text.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\n" }.reversed())
    return trimmed.isEmpty ? "_" : trimmed
  }
}
