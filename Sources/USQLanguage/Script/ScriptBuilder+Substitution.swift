extension ScriptBuilder {
  /// Appends the line `span` to the statement, replacing `$NAME`, `${NAME}` and `$$` outside
  /// comments (strings included).
  mutating func substitute(_ span: Span) {
    let bytes = file.bytes
    var index = span.start
    var literalStart = index
    var quote: UInt8?
    while index < span.end {
      let byte = bytes[index]
      if let open = quote {
        if byte == UInt8(ascii: "\\") {
          index += 2
          continue
        }
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: "#") {
        break
      }
      guard byte == UInt8(ascii: "$") else {
        index += 1
        continue
      }
      appendLiteral(from: literalStart, to: index)
      let (end, replacement) = replacement(at: index, lineEnd: span.end)
      append(Array(replacement.utf8), fileStart: index, fileLength: end - index)
      index = end
      literalStart = end
    }
    appendLiteral(from: literalStart, to: span.end)
  }

  mutating func appendLiteral(from start: Int, to end: Int) {
    guard end > start else { return }
    append(Array(file.bytes[start..<end]), fileStart: start, fileLength: end - start)
  }

  /// The end of the `$…` reference at `start` and its replacement text (reporting problems).
  mutating func replacement(at start: Int, lineEnd: Int) -> (Int, String) {
    let bytes = file.bytes
    var index = start + 1
    if index < lineEnd, bytes[index] == UInt8(ascii: "$") { return (index + 1, "$") }
    let isBraced = index < lineEnd && bytes[index] == UInt8(ascii: "{")
    if isBraced { index += 1 }
    let nameStart = index
    if index < lineEnd, Lexer.isWordStart(bytes[index]) {
      index += 1
      while index < lineEnd, Lexer.isWordStart(bytes[index]) || Lexer.isDigit(bytes[index]) {
        index += 1
      }
    }
    let name = file.text(of: Span(start: nameStart, end: index))
    if isBraced {
      if index < lineEnd, bytes[index] == UInt8(ascii: "}") {
        index += 1
      } else {
        index = nameStart
      }
    }
    let span = Span(start: start, end: index)
    guard !name.isEmpty, !(isBraced && index == nameStart) else {
      diagnostics.append(
        LanguageMessages.unknownParameter("", at: Span(start: start, end: start + 1), declared: []))
      return (start + 1, "$")
    }
    guard let parameter = script.parameters.first(where: { $0.name.text == name }) else {
      diagnostics.append(
        LanguageMessages.unknownParameter(
          name, at: span, declared: script.parameters.map(\.name.text)))
      return (index, "")
    }
    guard let value = parameter.value else {
      diagnostics.append(LanguageMessages.parameterWithoutValue(name, at: span))
      return (index, "")
    }
    return (index, value)
  }
}
