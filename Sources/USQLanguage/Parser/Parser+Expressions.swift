extension Parser {
  /// `expression := or` (the full grammar is on `ExpressionSyntax`).
  ///
  /// Nesting deeper than `Parser.maximumDepth` is reported and skipped to the end of the stage.
  mutating func expression() -> ExpressionSyntax {
    guard depth < Parser.maximumDepth else {
      report(LanguageMessages.nestedTooDeeply(at: current.span, limit: Parser.maximumDepth))
      let span = Span.at(current.span.start)
      synchronize()
      return ExpressionSyntax(kind: .missing, span: span, text: "")
    }
    depth += 1
    defer { depth -= 1 }
    return or()
  }

  /// `or := and { "or" and }`
  mutating func or() -> ExpressionSyntax {
    var left = and()
    while current.isWord("or") {
      let operatorSpan = current.span
      advance()
      let right = and()
      left = binary(.or, left, right, operatorSpan)
    }
    return left
  }

  /// `and := not { "and" not }`
  mutating func and() -> ExpressionSyntax {
    var left = not()
    while current.isWord("and") {
      let operatorSpan = current.span
      advance()
      let right = not()
      left = binary(.and, left, right, operatorSpan)
    }
    return left
  }

  /// `not := "not" not | comparison`
  mutating func not() -> ExpressionSyntax {
    guard current.isWord("not") else { return comparison() }
    let start = current.span.start
    advance()
    let operand = depth < Parser.maximumDepth ? nested { $0.not() } : expression()
    return make(.unary(.not, operand), from: start)
  }

  /// `comparison := sum [ OP sum | ["not"] "in" list | ["not"] "~" sum | "is" ["not"] "null" ]`
  mutating func comparison() -> ExpressionSyntax {
    let left = sum()
    let start = left.span.start
    if let op = comparisonOperator() {
      let operatorSpan = current.span
      advance()
      let right = sum()
      let result = binary(op, left, right, operatorSpan)
      if comparisonOperator() != nil {
        report(LanguageMessages.chainedComparison(at: current.span))
      }
      return result
    }
    var isNegated = false
    if current.isWord("not"), peek().isWord("in") || peek().kind == .tilde {
      advance()
      isNegated = true
    }
    if match(word: "in") {
      let values = valueList()
      return make(.inList(left, values, isNegated: isNegated), from: start)
    }
    if current.kind == .tilde {
      let pattern = globPattern()
      return make(.match(left, pattern: pattern, isNegated: isNegated), from: start)
    }
    if match(word: "is") {
      let isNot = match(word: "not")
      if !match(word: "null") { reportExpected("'null' after 'is\(isNot ? " not" : "")'") }
      return make(.isNull(left, isNegated: isNot), from: start)
    }
    return left
  }

  /// The pattern after `~` (the current token): a quoted string, a bare glob such as `gpt-4*`
  /// (read as a string up to the next character that cannot be in one), or any sum.
  mutating func globPattern() -> ExpressionSyntax {
    assert(peeked == nil, "a glob after a lookahead would skip the peeked token")
    previous = current
    current = lex { $0.nextGlob() }
    consumed.append(current)
    guard current.kind == .value else { return sum() }
    let pattern = ExpressionSyntax(
      kind: .string(current.text), span: current.span, slice: source.slice(of: current.span))
    advance()
    return pattern
  }

  /// The comparison operator at `current`, if any.
  func comparisonOperator() -> BinaryOperator? {
    switch current.kind {
    case .equal, .equalEqual: .equal
    case .notEqual: .notEqual
    case .less: .less
    case .lessEqual: .lessOrEqual
    case .greater: .greater
    case .greaterEqual: .greaterOrEqual
    default: nil
    }
  }

  /// `"(" expression { "," expression } ")"` after `in`.
  mutating func valueList() -> [ExpressionSyntax] {
    guard match(.leftParen) else {
      reportExpected("'(' after 'in'", help: "write 'in (a, b, …)'")
      return []
    }
    let values = commaList { $0.expression() }
    if !match(.rightParen) { reportExpected("')' or ',' in the list after 'in'") }
    return values
  }

  /// `sum := product { ( "+" | "-" ) product }`
  mutating func sum() -> ExpressionSyntax {
    var left = product()
    while current.kind == .plus || current.kind == .minus {
      let op: BinaryOperator = current.kind == .plus ? .add : .subtract
      let operatorSpan = current.span
      advance()
      let right = product()
      left = binary(op, left, right, operatorSpan)
    }
    return left
  }

  /// `product := unary { ( "*" | "/" ) unary }`
  mutating func product() -> ExpressionSyntax {
    var left = unary()
    while current.kind == .star || current.kind == .slash {
      let op: BinaryOperator = current.kind == .star ? .multiply : .divide
      let operatorSpan = current.span
      advance()
      let right = unary()
      left = binary(op, left, right, operatorSpan)
    }
    return left
  }

  /// `unary := "-" unary | primary`; a minus before a number, percentage or duration literal is
  /// folded into the literal.
  mutating func unary() -> ExpressionSyntax {
    guard current.kind == .minus else { return primary() }
    let start = current.span.start
    advance()
    let operand = depth < Parser.maximumDepth ? nested { $0.unary() } : expression()
    let folded: ExpressionSyntax.Kind? =
      switch operand.kind {
      case .integer(let value) where value != Int64.min: .integer(-value)
      case .float(let value): .float(-value)
      case .percent(let value): .percent(-value)
      case .duration(let duration):
        .duration(
          DurationLiteral(amount: -duration.amount, unit: duration.unit, text: "-" + duration.text))
      default: nil
      }
    return make(folded ?? .unary(.negate, operand), from: start)
  }

  // MARK: - Helpers

  /// Runs `rule` one nesting level deeper.
  mutating func nested(_ rule: (inout Parser) -> ExpressionSyntax) -> ExpressionSyntax {
    depth += 1
    defer { depth -= 1 }
    return rule(&self)
  }

  mutating func binary(
    _ op: BinaryOperator, _ left: ExpressionSyntax, _ right: ExpressionSyntax, _ operatorSpan: Span
  ) -> ExpressionSyntax {
    let span = left.span.union(right.span).union(operatorSpan)
    let node = ExpressionSyntax(
      kind: .binary(op, left, right, operatorSpan: operatorSpan), span: span,
      slice: source.slice(of: span))
    return capped(node, at: operatorSpan, chaining: op)
  }

  /// An expression spanning from `start` to the end of the previous token.
  mutating func make(_ kind: ExpressionSyntax.Kind, from start: Int) -> ExpressionSyntax {
    let span = span(from: start)
    let node = ExpressionSyntax(kind: kind, span: span, slice: source.slice(of: span))
    return capped(node, at: span, chaining: nil)
  }

  /// `node`, or — when it holds more than `Parser.maximumOperatorDepth` operators on one path —
  /// an error at `span` and a
  /// placeholder, the rest of the stage skipped. Chains are built in loops, but every later pass
  /// walks the tree recursively, so a 100,000-term `1 + 1 + …` must stop here, not at a stack
  /// overflow.
  mutating func capped(_ node: ExpressionSyntax, at span: Span, chaining op: BinaryOperator?)
    -> ExpressionSyntax
  {
    guard node.height - 1 > Parser.maximumOperatorDepth else { return node }
    report(LanguageMessages.expressionTooLong(at: span, limit: Parser.maximumOperatorDepth, op: op))
    synchronize()
    return ExpressionSyntax(kind: .missing, span: .at(span.start), slice: "")
  }
}
