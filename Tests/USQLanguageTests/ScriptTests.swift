import Testing

@testable import USQLanguage

@Suite("Script: statements, continuations, parameters")
struct ScriptTests {
  static let report = """
    # Weekly report
    param days = 30
    param title = "Tokens, by model"
    param model

    let usage = load completions days=$days group=model
      | sum input_tokens by model   # a continuation
    # a comment between continuation lines
      | where model ~ "gpt*"
    from usage | chart bar title="$title ($$)"
    | top 3
    set rows=${days}
    """

  @Test("continuation lines join the statement above, comments and params drop out")
  func statements() {
    let (script, diagnostics) = Script.parse(SourceFile(Self.report, name: "report.usq"))
    #expect(diagnostics.isEmpty)
    #expect(
      script.statements.map(\.source.text) == [
        "let usage = load completions days=30 group=model\n  | sum input_tokens by model   # a continuation\n  | where model ~ \"gpt*\"",
        "from usage | chart bar title=\"Tokens, by model ($)\"\n| top 3",
        "set rows=30",
      ])
    #expect(script.statements.map(\.line) == [6, 10, 12])
    #expect(script.parameters.map(\.name.text) == ["days", "title", "model"])
    #expect(script.parameters.map(\.value) == ["30", "Tokens, by model", nil])
    #expect(script.statements.allSatisfy { $0.source.name == "report.usq" })
  }

  @Test("joined statements parse as one pipeline")
  func parses() {
    let (script, _) = Script.parse(SourceFile(Self.report, name: "report.usq"))
    let dumps = script.statements.map { statement -> String in
      let (syntax, diagnostics) = Parser.parse(statement.source)
      #expect(diagnostics.isEmpty)
      return SyntaxDump.describe(syntax)
    }
    #expect(
      dumps == [
        "let usage = load completions days=30 group=model | sum [input_tokens] by [model] | where (~ model \"gpt*\")",
        "from usage | chart bar title=\"Tokens, by model ($)\" | top 3",
        "set rows=30",
      ])
  }

  @Test("overrides replace defaults")
  func overrides() {
    let (script, diagnostics) = Script.parse(
      SourceFile(Self.report, name: "report.usq"), overrides: ["days": "7", "model": "gpt-4o"])
    #expect(diagnostics.isEmpty)
    #expect(
      script.statements[0].source.text.hasPrefix("let usage = load completions days=7 group=model"))
    #expect(script.parameters.map(\.value) == ["7", "Tokens, by model", "gpt-4o"])
  }

  @Test("an unknown override is an error with a suggestion")
  func unknownOverride() {
    let (_, diagnostics) = Script.parse(
      SourceFile(Self.report, name: "r.usq"), overrides: ["dyas": "7"])
    #expect(diagnostics.map(\.message) == ["the script declares no parameter 'dyas'"])
    #expect(diagnostics.first?.help == "did you mean 'days'?")
    #expect(
      diagnostics.map(DiagnosticFormatter().formatWithoutSource) == [
        """
        error: the script declares no parameter 'dyas'
          = note: parameters: days, title, model
          = help: did you mean 'days'?
        """
      ])
  }

  @Test("command-line overrides split at the first '='")
  func overrideArgument() {
    #expect(Script.override("days=7")! == ("days", "7"))
    #expect(Script.override("model=a=b,c")! == ("model", "a=b,c"))
    #expect(Script.override("title=")! == ("title", ""))
    #expect(Script.override("=7") == nil)
    #expect(Script.override("days") == nil)
  }

  @Test("unknown and valueless parameters are reported at their use")
  func unknownParameter() {
    let text = "param days = 3\nload completions days=$dys | where model = $model\nparam model"
    let (_, diagnostics) = Script.parse(SourceFile(text, name: "r.usq"))
    #expect(
      diagnostics.map(\.message) == ["unknown parameter '$dys'", "parameter 'model' has no value"])
    #expect(diagnostics.first?.help == "did you mean '$days'?")
    let source = SourceFile(text, name: "r.usq")
    #expect(diagnostics.map { source.text(of: $0.span) } == ["$dys", "$model"])
  }

  @Test("a leading '|' line with nothing above continues the last result")
  func leadingPipe() {
    let (script, _) = Script.parse(SourceFile("\n| top 3\n\n| head 2"))
    #expect(script.statements.map(\.source.text) == ["| top 3\n| head 2"])
  }

  @Test("'$' in a comment is left alone")
  func dollarInComment() {
    let (script, diagnostics) = Script.parse(SourceFile("load costs # costs in $\n"))
    #expect(diagnostics.isEmpty)
    #expect(script.statements.map(\.source.text) == ["load costs # costs in $"])
  }

  @Test("diagnostics map back to FILE:LINE:COL, through replacements")
  func mapping() {
    let (script, _) = Script.parse(SourceFile(Self.report, name: "report.usq"))
    let statement = script.statements[0]
    let (_, diagnostics) = Parser.parse(statement.source)
    #expect(diagnostics.isEmpty)
    let text = statement.source.text
    let whereOffset = text.utf8.count - "\"gpt*\"".utf8.count
    let wrong = Diagnostic.error(
      "bind.test", "test", at: Span(start: whereOffset, end: whereOffset + 6))
    let mapped = statement.mapped(wrong)
    #expect(script.file.text(of: mapped.span) == "\"gpt*\"")
    #expect(script.file.location(of: mapped.span.start) == (9, 19))
    let valueStart = Array(text.utf8).firstIndex(of: UInt8(ascii: "3")) ?? 0
    let replaced = statement.fileSpan(Span(start: valueStart, end: valueStart + 2))
    #expect(script.file.text(of: replaced) == "$days")
  }

  @Test("a script error prints FILE:LINE:COL, the line and a caret")
  func scriptFormat() {
    let text = "param n = 5\nload completions\n  | sun input_tokens\n  | top $n"
    let (script, _) = Script.parse(SourceFile(text, name: "weekly.usq"))
    let statement = script.statements[0]
    let (_, diagnostics) = Parser.parse(statement.source)
    let formatted = DiagnosticFormatter(style: .script).format(
      statement.mapped(diagnostics[0]), in: script.file)
    #expect(
      formatted == """
        weekly.usq:3:5: error: unknown stage 'sun'
        3 |   | sun input_tokens
          |     ^^^ not a stage
          = note: stages: where, select, drop, rename, derive, sum, avg, min, max, count, agg, sort, top, head, tail, bucket, fill, share, other, pivot, join, names, price, distinct, compare, forecast, assert, chart, export
          = help: did you mean 'sum'?
        """)
  }
}
