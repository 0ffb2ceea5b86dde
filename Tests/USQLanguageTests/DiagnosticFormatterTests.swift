import Testing
import USQBasics
import USQTestSupport

@testable import USQLanguage

@Suite("DiagnosticFormatter: the layout of STYLE rule 17")
struct DiagnosticFormatterTests {
  static let statement =
    "load completions days=30 group=model,project_id | sum num_model_request by project_id | top 5"

  /// The binder's unknown-column error, built here as the binder would build it.
  static var unknownColumn: Diagnostic {
    .error(
      "bind.unknown-column", "unknown column 'num_model_request'", at: Span(start: 54, end: 71),
      label: "not a column of the input frame",
      help: DidYouMean.help(
        for: "num_model_request", among: ["model", "project_id", "num_model_requests"]))
  }

  @Test("the example of STYLE rule 17, exactly")
  func styleExample() {
    let text = DiagnosticFormatter().format(Self.unknownColumn, in: SourceFile(Self.statement))
    #expect(
      text == """
        error: unknown column 'num_model_request'
         --> <input>:1:55
          |
        1 | load completions days=30 group=model,project_id | sum num_model_request by project_id | top 5
          |                                                       ^^^^^^^^^^^^^^^^^ not a column of the input frame
          = help: did you mean 'num_model_requests'?
        """)
  }

  @Test("parser diagnostics, golden")
  func parserGolden() {
    let statements = [
      "load completions | sun input_tokens by model",
      "lod completions",
      "where x > 1",
      "load completions days= | top 5",
      "_ | chart bars title=\"x\"",
      "_ | where model = \"gpt-4o",
      "_ | where a < b < c",
      "load completions | chart pie titel=x",
      "_ | where name = 'José' and 3x > 1",
      "_ | where 名前 = 1",
      "load",
    ]
    var output: [String] = []
    for statement in statements {
      let source = SourceFile(statement)
      let (_, diagnostics) = Parser.parse(source)
      output.append(DiagnosticFormatter().format(diagnostics, in: source))
    }
    assertGolden(
      output.joined(separator: "\n\n") + "\n", suite: "DiagnosticFormatter", named: "parser")
  }

  @Test("warnings, notes, multi-digit lines and colour, golden")
  func decorated() {
    var lines = (1...11).map { "# line \($0)" }
    lines.append("load completions | sum x")
    let source = SourceFile(lines.joined(separator: "\n"), name: "report.usq")
    let start = source.lineStarts[11] + 23
    let warning = Diagnostic.warning(
      "bind.dimension-outside-group", "column 'x' is outside 'group='",
      at: Span(start: start, end: start + 1),
      label: "always null", notes: ["group keys: model, project_id"],
      help: "add it: 'group=model,x'")
    let plain = DiagnosticFormatter().format(warning, in: source)
    let script = DiagnosticFormatter(style: .script).format(warning, in: source)
    let colour = DiagnosticFormatter(decorator: .ansi).format(warning, in: source)
    assertGolden(
      [plain, script, colour].joined(separator: "\n\n") + "\n", suite: "DiagnosticFormatter",
      named: "decorated")
  }

  @Test("a statement continued over lines shows the line of the error")
  func continued() {
    let source = SourceFile("load completions days=30 |\n  sun input_tokens")
    let (_, diagnostics) = Parser.parse(source)
    #expect(
      DiagnosticFormatter().format(diagnostics[0], in: source).split(separator: "\n").prefix(5)
        == [
          "error: unknown stage 'sun'", " --> <input>:2:3", "  |", "2 |   sun input_tokens",
          "  |   ^^^ not a stage",
        ])
  }

  @Test("a very long line is echoed as a window around the span, the caret still under it")
  func longLine() {
    let text = "derive x = " + Array(repeating: "1", count: 2_000).joined(separator: " + ")
    let start = text.utf8.count / 2 + 1  // a '+' in the middle of the chain
    let diagnostic = Diagnostic.error(
      "parse.expression-too-long", "expression more than 1000 operators deep",
      at: Span(start: start, end: start + 1), label: "here")
    let lines = DiagnosticFormatter().format(diagnostic, in: SourceFile(text))
      .split(separator: "\n").map(String.init)
    #expect(lines[3].hasPrefix("1 | … "))
    #expect(lines[3].hasSuffix(" …"))
    #expect(lines[3].count < 140)
    let caret = lines[4].firstIndex(of: "^").map {
      lines[4].distance(from: lines[4].startIndex, to: $0)
    }
    let plus = lines[3].index(lines[3].startIndex, offsetBy: caret ?? 0)
    #expect(lines[3][plus] == "+")
    #expect(lines[4].hasSuffix("^ here"))
  }

  @Test("an empty span at the end of the line gets one caret after the text")
  func endOfLine() {
    let source = SourceFile("load")
    let (_, diagnostics) = Parser.parse(source)
    #expect(
      DiagnosticFormatter().format(diagnostics[0], in: source).split(separator: "\n")[4]
        == "  |     ^")
  }

  @Test("columns count display width")
  func displayWidth() {
    let source = SourceFile("_ | where 名前 = x")
    #expect(source.location(of: 16).column == 15)
    #expect(DisplayWidth.of("名前") == 4)
    #expect(DisplayWidth.of("é") == 1)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("👍") == 2)
  }
}
