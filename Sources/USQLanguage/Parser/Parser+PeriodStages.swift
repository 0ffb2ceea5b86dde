extension Parser {
  /// `"compare" ( "prev" | DURATION )`
  mutating func compareStage() -> StageSyntax.Kind? {
    let span = current.span
    if current.kind == .duration, case .duration(let duration) = current.value {
      advance()
      return .compare(.duration(duration, span))
    }
    if match(word: "prev") { return .compare(.previous(span)) }
    reportExpected(
      "'prev' or a duration after 'compare'",
      help: "write 'compare prev' (the window just before) or 'compare 7d' (shifted back 7 days)")
    return nil
  }

  /// `"assert" expression [ "message=" STRING ]`
  mutating func assertStage() -> StageSyntax.Kind {
    let condition = expression()
    // A message is one item even with commas in it (`message=over budget, again`).
    let options = optionList(context: "'assert'", allowedKeys: ["message"], stopsAtComma: false)
    let message = options.first { $0.key.text == "message" }
    return .assert(condition, message: message?.singleValue)
  }
}
