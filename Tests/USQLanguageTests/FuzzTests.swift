import Testing
import USQBasics

@testable import USQLanguage

@Suite("Fuzz: random and mutated statements")
struct FuzzTests {
  static let fragments = [
    "load completions", "load costs days=30", "group=model,project_id", "since=-7d",
    "| sum input_tokens by model",
    "| where model = gpt-4o", "| where a > 1 and not b < 2.5 or c in (1, \"x\")", "| top 5",
    "| head", "| chart bar x=a y=b,c",
    "| chart pie title=\"A, b\"", "| export out.csv format=csv", "let x =", "from x",
    "read pages/*.json", "_", "|",
    "| agg sum(a) as s, count() by k", "| sort a desc, b", "| bucket week", "| other 5% of a",
    "| pivot m values v",
    "| join f on k kind=inner", "| derive t = round(a / b, 2)", "| rename a = b", "help chart",
    "set tz=+02:00",
    "explain load costs", "run x.usq n=3", "cache clear", "2026-11-01T08:00+02:00", "90m", "1_000",
    "1e6", "#", "\"",
    "'", "(", ")", ",", "=", "==", "!", "$x", "é", "名前", "👍", "\\", "\t", "\n", " ", "~",
    "is not null", "-",
    "load completions days=30 | chart bar x=start_time y=input_tokens,output_tokens",
    "| chart stack x=model y=num_model_requests by=project_id", "param n = 3", "$$", "${n}",
    "| share num_model_requests | where share < 5 | chart pie title=\"Other, broken down\"",
  ]

  static let alphabet: [Character] = Array("abz_09|=,()\"'\\#%.:-+*/<>!~$ \t\né名👍")

  func randomStatement(_ random: inout SeededGenerator) -> String {
    var text = ""
    for _ in 0..<Int.random(in: 1...8, using: &random) {
      text += Self.fragments.randomElement(using: &random) ?? ""
      text += Bool.random(using: &random) ? " " : ""
    }
    return text
  }

  func mutate(_ text: String, _ random: inout SeededGenerator) -> String {
    var characters = Array(text)
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      let position = characters.isEmpty ? 0 : Int.random(in: 0..<characters.count, using: &random)
      switch Int.random(in: 0..<3, using: &random) {
      case 0 where !characters.isEmpty: characters.remove(at: position)
      case 1: characters.insert(Self.alphabet.randomElement(using: &random) ?? "a", at: position)
      default:
        if characters.count > 1 {
          characters.swapAt(position, Int.random(in: 0..<characters.count, using: &random))
        }
      }
    }
    return String(characters)
  }

  /// Checks one input; returns a problem description or `nil`.
  func check(_ text: String, cursor: Int) -> String? {
    let source = SourceFile(text)
    let size = source.bytes.count
    let (statement, diagnostics) = Parser.parse(source)
    for diagnostic in diagnostics where diagnostic.span.start < 0 || diagnostic.span.end > size {
      return "diagnostic \(diagnostic.id) span \(diagnostic.span) outside 0..\(size)"
    }
    let (tokens, lexed) = Lexer.tokenize(source)
    for diagnostic in lexed where diagnostic.span.end > size {
      return "lexer span \(diagnostic.span)"
    }
    if tokens.count > size + 1 { return "\(tokens.count) tokens for \(size) bytes" }
    for (left, right) in zip(tokens, tokens.dropFirst()) where left.span.end > right.span.start {
      return "tokens \(left) and \(right) overlap or go backwards"
    }
    if Parser.tokens(source).count > 2 * size + 4 { return "parser read too many tokens" }
    if statement.span.end > size { return "statement span \(statement.span) outside 0..\(size)" }
    _ = DiagnosticFormatter().format(diagnostics, in: source)
    let request = Completion.request(line: text, cursor: cursor)
    if request.partialSpan.end > size { return "completion span \(request.partialSpan)" }
    let (script, problems) = Script.parse(SourceFile(text, name: "f.usq"))
    for problem in problems where problem.span.end > size { return "script span \(problem.span)" }
    for statement in script.statements {
      let (_, inner) = Parser.parse(statement.source)
      for diagnostic in inner where statement.fileSpan(diagnostic.span).end > size {
        return "mapped span \(statement.fileSpan(diagnostic.span)) outside 0..\(size)"
      }
    }
    return nil
  }

  @Test("10,000 random and mutated statements: no crash, no hang, spans inside the input")
  func fuzz() {
    let seed: UInt64 = 0x05C_2026
    var random = SeededGenerator(seed: seed)
    for index in 0..<10_000 {
      var text = randomStatement(&random)
      if index % 2 == 1 { text = mutate(text, &random) }
      let cursor = Int.random(in: 0...text.utf8.count, using: &random)
      if let problem = check(text, cursor: cursor) {
        Issue.record("seed \(seed), case \(index): \(problem)\ninput: \(String(reflecting: text))")
        return
      }
    }
  }

  @Test("pathological inputs")
  func pathological() {
    let inputs = [
      String(repeating: "(", count: 2_000), String(repeating: "|", count: 1_000),
      String(repeating: "not ", count: 1_000) + "x", String(repeating: "- ", count: 1_000) + "1",
      "load " + String(repeating: "a=b,", count: 1_000), String(repeating: "\"", count: 999),
      "_ | where " + String(repeating: "a + ", count: 3_000) + "a",
    ]
    for input in inputs {
      #expect(check(input, cursor: input.utf8.count) == nil)
    }
  }
}

@Suite("Combinations of valid statements")
struct CombinationTests {
  /// Every source case that is a pipeline, and every stage case reduced to its stage.
  static let sources = ParserStatementTests.sources.filter {
    !$0.text.hasPrefix("let") && $0.dump != "empty" && !$0.text.contains("|")
  }
  static let stages = (ParserStatementTests.stages + ParserStatementTests.outputs).map {
    ParseCase(String($0.text.dropFirst(4)), String($0.dump.dropFirst(4)))
  }

  @Test("2,000 random pipelines built from valid parts parse cleanly to the joined dumps")
  func combinations() {
    let seed: UInt64 = 0xC0FFEE
    var random = SeededGenerator(seed: seed)
    for index in 0..<2_000 {
      guard let source = Self.sources.randomElement(using: &random) else { return }
      var text = source.text
      var expected = source.dump
      for _ in 0..<Int.random(in: 0...4, using: &random) {
        guard let stage = Self.stages.randomElement(using: &random) else { return }
        let separator = ["|", " | ", "\n  | ", "  |  "].randomElement(using: &random) ?? " | "
        text += separator + stage.text
        expected += " | " + stage.dump
      }
      let (statement, diagnostics) = Parser.parse(SourceFile(text))
      if !diagnostics.isEmpty || SyntaxDump.describe(statement) != expected {
        Issue.record(
          "seed \(seed), case \(index): \(String(reflecting: text)) gave \(diagnostics.map(\.message)) and \(SyntaxDump.describe(statement))"
        )
        return
      }
    }
  }
}
