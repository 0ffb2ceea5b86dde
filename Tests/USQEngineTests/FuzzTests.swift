import Testing
import USQBasics
import USQFrame
import USQLanguage

@testable import USQEngine

@Suite struct FuzzTests {
  static let seed: UInt64 = 0x05D1_2026

  static let corpus = [
    "load completions days=30 | chart bar x=start_time y=input_tokens,output_tokens",
    "load completions days=30 group=model,project_id | sum num_model_requests by model, project_id | chart stack x=model y=num_model_requests by=project_id",
    "load completions days=30 group=project_id | sum num_model_requests by project_id | where num_model_requests > 0 | other 5% | chart pie",
    "load completions days=30 group=project_id | sum num_model_requests by project_id | share num_model_requests | where share < 5 | chart pie title=\"Other, broken down\"",
    "load costs days=30 group=line_item | sum amount by line_item | chart bar",
    "load completions days=30 group=model,project_id | sum num_model_requests by project_id | top 5",
    "load completions hours=48 | bucket 6h | fill | chart heat",
    "load completions | where model in (gpt-4o, o1) and not (input_tokens < 10) | derive t = input_tokens + output_tokens, d = date(start_time)",
    "let x = load completions since=-7d until=2026-11-30 | agg sum(input_tokens) as s, p90(output_tokens), count() by model | sort s desc | head 3",
    "from daily | pivot model values input_tokens | select start_time",
    "_ | names | distinct project_id | join daily on project_id kind=inner",
    "| rename m = model | count by m | tail 2 | export out.csv format=json",
    "load images source=image.generation size=1024x1024 group=size | avg images by size | chart line y=images by=size",
    "load completions | where coalesce(user_id, \"x\") ~ \"u*\" and round(input_tokens / 3, 1) >= 2.5 or model is not null",
    "load costs bucket=1h | where amount != 0",
    "load completions limit=500 | where model > 3",
  ]

  static let vocabulary = [
    "load", "read", "from", "_", "let", "|", "where", "select", "sum", "by", "count", "agg", "top",
    "head",
    "chart", "export", "pivot", "values", "join", "on", "bucket", "other", "share", "fill", "names",
    "completions", "costs", "model", "input_tokens", "start_time", "=", "==", "!=", "<", ">=", "(",
    ")", ",",
    "and", "or", "not", "in", "~", "is", "null", "\"q\"", "'s'", "5%", "90m", "2026-11-01", "-7d",
    "3",
    "1e6", "-", "+", "*", "/", "days=", "group=", "bucket=1h", "x=", "y=", "as", "desc", "é", "😀",
    "day(", "round(", "\\", "#", "$", "\t", "a-b", "1_000", "\"unterminated",
  ]

  @Test("10,000 random and mutated statements: no crash, every diagnostic inside the input")
  func fuzz() async throws {
    var generator = SeededGenerator(seed: Self.seed)
    let environment = Fixtures.environment(
      frames: ["daily": Frames.completions], last: Frames.completions)
    let source = ExampleSource()
    var bound = 0
    for iteration in 0..<10_000 {
      let text = Self.statement(&generator, iteration: iteration)
      let file = SourceFile(text)
      let (statement, parseDiagnostics) = Parser.parse(file)
      var diagnostics = parseDiagnostics
      var plan: Plan?
      if !parseDiagnostics.hasErrors, case .pipeline(let pipeline) = statement {
        let (result, bindDiagnostics) = Binder(environment: environment).bind(pipeline)
        diagnostics += bindDiagnostics
        plan = result
      }
      for diagnostic in diagnostics where !file.fullSpan.contains(diagnostic.span) {
        Issue.record(
          "seed \(Self.seed) #\(iteration): span \(diagnostic.span) outside \(file.bytes.count) bytes: \(text)"
        )
      }
      if let plan, iteration % 4 == 0 {
        bound += 1
        do {
          _ = try await Executor(environment: environment, dataSource: source).run(plan)
        } catch let error as ExecutionError {
          for diagnostic in error.diagnostics where !file.fullSpan.contains(diagnostic.span) {
            Issue.record(
              "seed \(Self.seed) #\(iteration): run-time span \(diagnostic.span) outside: \(text)")
          }
        } catch {}
      }
    }
    #expect(bound > 100)
  }

  static func statement(_ generator: inout SeededGenerator, iteration: Int) -> String {
    if iteration % 5 == 4 {
      let count = Int.random(in: 1...14, using: &generator)
      return (0..<count).map { _ in vocabulary.randomElement(using: &generator) ?? "" }.joined(
        separator: " ")
    }
    var text = Array(corpus.randomElement(using: &generator) ?? "")
    for _ in 0..<Int.random(in: 0...3, using: &generator) {
      mutate(&text, &generator)
    }
    return String(text)
  }

  static func mutate(_ text: inout [Character], _ generator: inout SeededGenerator) {
    guard !text.isEmpty else { return }
    let position = Int.random(in: 0..<text.count, using: &generator)
    switch Int.random(in: 0..<5, using: &generator) {
    case 0:
      let end = min(text.count, position + Int.random(in: 1...6, using: &generator))
      text.removeSubrange(position..<end)
    case 1:
      text.insert(
        contentsOf: " " + (vocabulary.randomElement(using: &generator) ?? "") + " ", at: position)
    case 2:
      text.insert(contentsOf: vocabulary.randomElement(using: &generator) ?? "", at: position)
    case 3:
      text = Array(text.prefix(position))
    default:
      let end = min(text.count, position + Int.random(in: 1...12, using: &generator))
      text.insert(contentsOf: Array(text[position..<end]), at: position)
    }
  }
}
