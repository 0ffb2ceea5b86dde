extension Parser {
  /// `primary := literal | WORD | WORD "(" [ expression { "," expression } ] ")" | "(" expression ")"`
  mutating func primary() -> ExpressionSyntax {
    let start = current.span.start
    if let literal = literal() {
      advance()
      return make(literal, from: start)
    }
    switch current.kind {
    case .word:
      return wordOrCall()
    case .leftParen:
      advance()
      var inner = expression()
      if !match(.rightParen) { reportExpected("')'") }
      inner.span = span(from: start)
      inner.slice = source.slice(of: inner.span)
      return inner
    default:
      reportExpected("an expression")
      let span = Span.at(current.span.start)
      return ExpressionSyntax(kind: .missing, span: span, text: "")
    }
  }

  /// The literal at `current`, if it is one (not consumed).
  func literal() -> ExpressionSyntax.Kind? {
    switch (current.kind, current.value) {
    case (.integer, .integer(let value)): .integer(value)
    case (.float, .float(let value)): .float(value)
    case (.string, .string(let value)): .string(value)
    case (.percent, .percent(let value)): .percent(value)
    case (.duration, .duration(let value)): .duration(value)
    case (.datetime, .dateTime(let value)): .dateTime(value)
    case (.word, _) where current.text == "true": .bool(true)
    case (.word, _) where current.text == "false": .bool(false)
    case (.word, _) where current.text == "null": .null
    default: nil
    }
  }

  /// `WORD` or `WORD "(" [ expression { "," expression } ] ")"`.
  mutating func wordOrCall() -> ExpressionSyntax {
    let start = current.span.start
    let word = Name(current.text, span: current.span)
    if ["and", "or", "in", "is"].contains(word.text) {
      reportExpected("an expression")
      return ExpressionSyntax(kind: .missing, span: .at(start), text: "")
    }
    advance()
    guard current.kind == .leftParen else { return make(.word(word.text), from: start) }
    advance()
    var arguments: [ExpressionSyntax] = []
    if current.kind != .rightParen { arguments = commaList { $0.expression() } }
    if !match(.rightParen) { reportExpected("')' or ',' in the arguments of '\(word.text)'") }
    return make(.call(function: word, arguments: arguments), from: start)
  }
}
