extension Parser {
  /// `{ option }` up to the end of the stage; `allowedKeys` (when given) are the only valid keys.
  /// A key given twice is an error.
  mutating func optionList(
    context: String, allowedKeys: [String]? = nil, stopsAtComma: Bool = true
  ) -> [OptionSyntax] {
    var options: [OptionSyntax] = []
    while !isAtStageEnd {
      guard current.kind == .word else {
        reportExpected("an option 'key=value' for \(context)")
        synchronize()
        break
      }
      guard let option = option(stopsAtComma: stopsAtComma, after: options.last) else { continue }
      if let allowedKeys, !allowedKeys.contains(option.key.text) {
        report(LanguageMessages.unknownOption(option.key, context: context, validKeys: allowedKeys))
      } else if options.contains(where: { $0.key.text == option.key.text }) {
        report(LanguageMessages.duplicateOption(option.key))
      }
      options.append(option)
    }
    return options
  }

  /// `option := WORD "=" item { "," item }`, the items read in value mode.
  ///
  /// Consumes at least the key; returns `nil` (after reporting) when `=` does not follow it.
  mutating func option(stopsAtComma: Bool = true, after previousOption: OptionSyntax? = nil)
    -> OptionSyntax?
  {
    let key = Name(current.text, span: current.span)
    advance()
    guard current.kind == .equal else {
      var help = "write '\(key.text)=VALUE'"
      if let previousOption, previousOption.span.end + 1 == key.span.start,
        previousOption.values.count == 1, !(previousOption.values.first?.isQuoted ?? true)
      {
        help =
          "a value with blanks needs quotes: "
          + "'\(previousOption.key.text)=\"\(previousOption.rawText) \(key.text)\"'"
      }
      reportExpected("'=' after option '\(key.text)'", help: help)
      return nil
    }
    var values: [OptionValue] = []
    var isFirst = true
    repeat {
      advanceIntoValue(stopsAtComma: stopsAtComma, skipsBlanks: isFirst)
      if current.text.isEmpty {
        report(LanguageMessages.missingOptionValue(key, at: current.span, afterComma: !isFirst))
      } else {
        values.append(
          OptionValue(
            text: current.stringValue, isQuoted: current.kind == .string, span: current.span))
      }
      isFirst = false
    } while lexer.nextByte == UInt8(ascii: ",") && consumeValueComma()
    let valueSpan =
      values.isEmpty ? current.span : Span(start: values[0].span.start, end: current.span.end)
    advance()
    return OptionSyntax(
      key: key, values: values, rawText: source.text(of: valueSpan), valueSpan: valueSpan,
      span: key.span.union(valueSpan))
  }

  /// Consumes the `,` between two value items; always `true`.
  private mutating func consumeValueComma() -> Bool {
    advance()
    return true
  }
}
