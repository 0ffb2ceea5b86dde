import USQBasics

extension Parser {
  /// `stage := VERB arguments` — dispatches on the verb; an unknown verb is reported with a
  /// suggestion and gives `nil`.
  mutating func stage() -> StageSyntax? {
    let start = current.span.start
    guard current.kind == .word else {
      reportExpected(
        "a stage after '|'", notes: ["stages: " + StageSyntax.verbs.joined(separator: ", ")])
      return nil
    }
    let verb = Name(current.text, span: current.span)
    guard let kind = stageKind(verb) else {
      report(LanguageMessages.unknownStage(verb))
      synchronize()
      return nil
    }
    return StageSyntax(kind: kind, verb: verb, span: span(from: start))
  }

  /// The arguments of the stage `verb` (the verb itself not yet consumed).
  mutating func stageKind(_ verb: Name) -> StageSyntax.Kind? {
    if let function = AggregateFunction(rawValue: verb.text),
      [.sum, .avg, .min, .max].contains(function)
    {
      advance()
      return aggregateStage(function)
    }
    switch verb.text {
    case "where", "select", "drop", "distinct", "rename", "derive", "count", "agg", "sort":
      advance()
      return rowStage(verb.text)
    case "top", "head", "tail", "bucket", "fill", "share", "other", "pivot", "join", "names":
      advance()
      return shapeStage(verb.text)
    case "chart":
      advance()
      return chartStage()
    case "export":
      return exportStage()
    case "compare", "forecast", "assert":
      advance()
      return periodStage(verb.text)
    default:
      return nil
    }
  }

  mutating func rowStage(_ verb: String) -> StageSyntax.Kind? {
    switch verb {
    case "where": return .where(expression())
    case "select": return .select(nameList("a column name after 'select'"))
    case "drop": return .drop(nameList("a column name after 'drop'"))
    case "distinct": return .distinct(nameList("a column name after 'distinct'"))
    case "rename": return .rename(commaList { $0.renameItem() })
    case "derive": return .derive(commaList { $0.derivation() })
    case "count": return .count(by: byClause())
    case "agg":
      let calls = commaList { $0.aggregateCall() }
      return .agg(calls, by: byClause())
    case "sort": return .sort(commaList { $0.sortKey() })
    default: return nil
    }
  }

  mutating func shapeStage(_ verb: String) -> StageSyntax.Kind? {
    switch verb {
    case "top":
      let count =
        integer("a row count after 'top'")
        ?? IntegerLiteral(value: 0, text: "", span: .at(current.span.start))
      return .top(count, by: match(word: "by") ? name("a column name after 'by'") : nil)
    case "head": return .head(isAtStageEnd ? nil : integer("a row count after 'head'"))
    case "tail": return .tail(isAtStageEnd ? nil : integer("a row count after 'tail'"))
    case "bucket": return .bucket(bucketWidth())
    case "fill": return .fill
    case "names": return .names
    case "share":
      let column = name("a column name after 'share'")
      return .share(column: column, by: byClause())
    case "other": return otherStage()
    case "pivot":
      let column = name("a column name after 'pivot'")
      if !match(word: "values") { reportExpected("'values' after 'pivot \(column.text)'") }
      return .pivot(column: column, values: name("a column name after 'values'"))
    case "join": return joinStage()
    default: return nil
    }
  }

  /// `("sum" | "avg" | "min" | "max") NAME { "," NAME } [ "by" NAME { "," NAME } ]`
  mutating func aggregateStage(_ function: AggregateFunction) -> StageSyntax.Kind {
    let columns = nameList("a column name after '\(function.rawValue)'")
    return .aggregate(function: function, columns: columns, by: byClause())
  }

  /// `item { "," item }` for a rule `item` that always consumes or reports.
  mutating func commaList<Item>(_ item: (inout Parser) -> Item) -> [Item] {
    var items = [item(&self)]
    while match(.comma) { items.append(item(&self)) }
    return items
  }

  /// `NEW "=" OLD`
  mutating func renameItem() -> RenameSyntax {
    let newName = name("a new column name after 'rename'")
    if !match(.equal) {
      reportExpected("'=' after '\(newName.text)'", help: "write 'rename NEW = OLD'")
    }
    let oldName = name("the column to rename")
    return RenameSyntax(newName: newName, oldName: oldName, span: newName.span.union(oldName.span))
  }

  /// `NAME "=" expression`
  mutating func derivation() -> DerivationSyntax {
    let name = name("a column name after 'derive'")
    if !match(.equal) {
      reportExpected("'=' after '\(name.text)'", help: "write 'derive NAME = EXPRESSION'")
    }
    let value = expression()
    return DerivationSyntax(name: name, expression: value, span: name.span.union(value.span))
  }

  /// `NAME [ "asc" | "desc" ]`
  mutating func sortKey() -> SortKeySyntax {
    let column = name("a column name after 'sort'")
    var isDescending = false
    if match(word: "desc") {
      isDescending = true
    } else {
      _ = match(word: "asc")
    }
    return SortKeySyntax(
      column: column, isDescending: isDescending, span: span(from: column.span.start))
  }

  /// `FUNCTION "(" [ NAME ] ")" [ "as" NAME ]`
  mutating func aggregateCall() -> AggregateCallSyntax {
    let start = current.span.start
    let functionName = name("an aggregate function such as 'sum(input_tokens)'")
    let function = AggregateFunction(rawValue: functionName.text)
    if function == nil, !functionName.text.isEmpty {
      report(LanguageMessages.unknownAggregateFunction(functionName))
    }
    var argument: Name?
    if !match(.leftParen) {
      reportExpected(
        "'(' after '\(functionName.text)'", help: "write '\(functionName.text)(COLUMN)'")
    } else {
      if current.kind != .rightParen { argument = name("a column name or ')'") }
      if !match(.rightParen) { reportExpected("')'") }
    }
    let alias = match(word: "as") ? name("a column name after 'as'") : nil
    return AggregateCallSyntax(
      function: function ?? .count, functionName: functionName, argument: argument, alias: alias,
      span: span(from: start))
  }

  /// An integer literal, or `nil` after reporting `what`.
  mutating func integer(_ what: String) -> IntegerLiteral? {
    guard current.kind == .integer, case .integer(let value) = current.value else {
      reportExpected(what)
      return nil
    }
    let literal = IntegerLiteral(value: value, text: current.text, span: current.span)
    advance()
    return literal
  }
}
