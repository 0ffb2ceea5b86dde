import USQBasics

extension Parser {
  /// `stage := VERB arguments` — dispatches on the verb; an unknown verb is reported with a
  /// suggestion and gives `nil`.
  mutating func stage() -> StageSyntax? {
    let start = current.span.start
    guard current.kind == .word else {
      reportExpected(
        "a stage after '|'", notes: ["stages: " + StageVerb.names.joined(separator: ", ")])
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

  /// The arguments of the stage `verb` (the verb itself not yet consumed), parsed by its row
  /// of `StageVerb.table`; `nil` for an unknown verb.
  mutating func stageKind(_ verb: Name) -> StageSyntax.Kind? {
    guard let row = StageVerb.named(verb.text) else { return nil }
    if !row.startsAtVerb { advance() }
    return row.parse(&self)
  }

  /// `"agg" CALL { "," CALL } [ "by" NAME { "," NAME } ]`
  mutating func aggStage() -> StageSyntax.Kind {
    let calls = commaList { $0.aggregateCall() }
    return .agg(calls, by: byClause())
  }

  /// `"top" INTEGER [ "by" NAME ]`
  mutating func topStage() -> StageSyntax.Kind {
    let count =
      integer("a row count after 'top'")
      ?? IntegerLiteral(value: 0, text: "", span: .at(current.span.start))
    return .top(count, by: match(word: "by") ? name("a column name after 'by'") : nil)
  }

  /// `[ INTEGER ]` after `head` or `tail`.
  mutating func optionalCount(_ verb: String) -> IntegerLiteral? {
    isAtStageEnd ? nil : integer("a row count after '\(verb)'")
  }

  /// `"share" NAME [ "by" NAME { "," NAME } ]`
  mutating func shareStage() -> StageSyntax.Kind {
    let column = name("a column name after 'share'")
    return .share(column: column, by: byClause())
  }

  /// `"pivot" NAME "values" NAME`
  mutating func pivotStage() -> StageSyntax.Kind {
    let column = name("a column name after 'pivot'")
    if !match(word: "values") { reportExpected("'values' after 'pivot \(column.text)'") }
    return .pivot(column: column, values: name("a column name after 'values'"))
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
