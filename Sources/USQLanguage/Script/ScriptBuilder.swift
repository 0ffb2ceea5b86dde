/// Builds a `Script`: classifies lines, collects parameters, joins continuations, replaces `$NAME`.
struct ScriptBuilder {
  let file: SourceFile
  let overrides: [String: String]
  var diagnostics: [Diagnostic] = []
  var script: Script

  /// The statement being assembled.
  var text: [UInt8] = []
  var segments: [ScriptStatement.Segment] = []
  var firstLine = 0

  init(file: SourceFile, overrides: [String: String]) {
    self.file = file
    self.overrides = overrides
    self.script = Script(file: file)
  }

  mutating func build() -> (Script, [Diagnostic]) {
    var statementLines: [(index: Int, span: Span)] = []
    for index in file.lineStarts.indices {
      let span = file.lineSpan(index)
      let trimmed = file.text(of: span).drop { $0 == " " || $0 == "\t" }
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      if trimmed.hasPrefix("param")
        && (trimmed.dropFirst(5).first.map { $0 == " " || $0 == "\t" } ?? true)
      {
        declare(line: span, offset: span.end - trimmed.utf8.count)
      } else {
        statementLines.append((index, span))
      }
    }
    checkOverrides()
    for (index, span) in statementLines {
      let isContinuation = file.text(of: span).drop { $0 == " " || $0 == "\t" }.hasPrefix("|")
      if !isContinuation || text.isEmpty {
        flush()
        firstLine = index + 1
      } else {
        append(
          Array("\n".utf8),
          fileStart: segments.last.map { $0.fileStart + $0.fileLength } ?? span.start, fileLength: 0
        )
      }
      substitute(span)
    }
    flush()
    return (script, diagnostics)
  }

  /// Ends the statement being assembled.
  mutating func flush() {
    guard !text.isEmpty else { return }
    let source = SourceFile(String(decoding: text, as: UTF8.self), name: file.name)
    script.statements.append(ScriptStatement(source: source, line: firstLine, segments: segments))
    text = []
    segments = []
  }

  mutating func append(_ bytes: [UInt8], fileStart: Int, fileLength: Int) {
    segments.append(
      ScriptStatement.Segment(
        statementStart: text.count, statementLength: bytes.count, fileStart: fileStart,
        fileLength: fileLength))
    text += bytes
  }

  // MARK: - Parameters

  /// `param NAME [= DEFAULT]`; `offset` is where `param` starts.
  mutating func declare(line: Span, offset: Int) {
    var lexer = Lexer(file)
    lexer.offset = offset + 5
    let nameToken = lexer.next()
    guard nameToken.kind == .word, nameToken.span.end <= line.end,
      !nameToken.text.contains(where: { ".:-".contains($0) })
    else {
      diagnostics.append(
        LanguageMessages.expected(
          "a parameter name after 'param'", found: nameToken, help: "write 'param NAME = DEFAULT'"))
      return
    }
    let name = Name(nameToken.text, span: nameToken.span)
    var value: String?
    let equal = lexer.next()
    if equal.kind == .equal, equal.span.end <= line.end {
      let token = lexer.nextValue(stopsAtComma: false)
      value =
        token.kind == .string
        ? token.stringValue
        : file.text(of: Span(start: token.span.start, end: line.end)).trimmingBlanksAndComment()
    } else if equal.kind != .end, equal.span.start < line.end {
      diagnostics.append(
        LanguageMessages.expected(
          "'=' after 'param \(name.text)'", found: equal,
          help: "write 'param \(name.text) = DEFAULT'"))
      return
    }
    if script.parameters.contains(where: { $0.name.text == name.text }) {
      diagnostics.append(LanguageMessages.duplicateParameter(name))
      return
    }
    script.parameters.append(Script.Parameter(name: name, value: overrides[name.text] ?? value))
  }

  mutating func checkOverrides() {
    let declared = script.parameters.map(\.name.text)
    for name in overrides.keys.sorted() where !declared.contains(name) {
      diagnostics.append(LanguageMessages.unknownOverride(name, at: .at(0), declared: declared))
    }
  }
}

extension String {
  /// The text up to a `#` comment, without surrounding blanks.
  func trimmingBlanksAndComment() -> String {
    let uncommented =
      split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    return String(
      uncommented.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }
        .reversed())
  }
}
