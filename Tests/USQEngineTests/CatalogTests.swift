import Testing
import USQFrame
import USQLanguage
import USQTestSupport
import USQVocabulary

@testable import USQEngine

@Suite struct CatalogTests {
  let help = HelpCatalog(endpoints: Fixtures.endpoints)
  let fields = FieldsCatalog(endpoints: Fixtures.endpoints)

  func text(_ answer: CatalogAnswer) -> String {
    switch answer {
    case .text(let text): text
    case .error(let diagnostic): "error: " + diagnostic.message
    }
  }

  @Test("every chart kind is a help topic: the chart stage's text")
  func chartKinds() {
    let chart = text(help.answer(Name("chart", span: .at(5))))
    for kind in ["bar", "stack", "line", "pie", "spark", "heat"] {
      #expect(text(help.answer(Name(kind, span: .at(5)))) == chart, "help \(kind)")
    }
    #expect(!help.overview.contains(" pie "), "chart kinds are not stages")
  }

  @Test("help texts")
  func helpTexts() {
    assertGolden(help.overview, suite: "Catalog", named: "help")
    assertGolden(text(help.answer(Name("sum", span: .at(5)))), suite: "Catalog", named: "help-sum")
    assertGolden(
      text(help.answer(Name("timer", span: .at(5)))), suite: "Catalog", named: "help-timer")
    assertGolden(
      text(help.answer(Name("costs", span: .at(5)))), suite: "Catalog", named: "help-costs")
    #expect(
      text(help.answer(Name("avg", span: .at(5)))) == text(help.answer(Name("sum", span: .at(5)))))
    guard case .error(let error) = help.answer(Name("sunm", span: Span(start: 5, end: 9))) else {
      Issue.record("expected an error")
      return
    }
    #expect(error.message == "no help for 'sunm'")
    #expect(error.help == "did you mean 'sum'?")
    #expect(error.span == Span(start: 5, end: 9))
  }

  @Test("the stage topics are the table's: one per topic, in its order, aliases as its rows say")
  func stageTopicsFollowTheTable() {
    #expect(HelpCatalog.stageTopics.map(\.name) == StageVerb.topics)
    #expect(Set(HelpCatalog.operationTopics.map(\.name)) == Set(StageVerb.topics))
    for topic in HelpCatalog.stageTopics {
      let aliases = StageVerb.table.filter { $0.topic == topic.name && $0.name != topic.name }
      #expect(topic.aliases == aliases.map(\.name), "topic \(topic.name)")
    }
  }

  @Test("every stage, command, setting and endpoint has a topic with an example")
  func coverage() {
    for verb in StageVerb.names { #expect(help.topic(named: verb) != nil, "stage \(verb)") }
    for verb in CommandSyntax.verbs { #expect(help.topic(named: verb) != nil, "command \(verb)") }
    for setting in CompletionProvider.defaultSettings {
      #expect(help.topic(named: setting.name) != nil, "setting \(setting.name)")
    }
    for endpoint in Fixtures.endpoints {
      #expect(help.topic(named: endpoint.name) != nil, "endpoint \(endpoint.name)")
    }
    for topic in help.topics { #expect(!topic.examples.isEmpty, "topic \(topic.name)") }
  }

  @Test("every help example parses, and every pipeline example binds and runs")
  func examplesRun() async throws {
    let source = ExampleSource()
    for topic in help.topics {
      var environment = Fixtures.environment(
        frames: ["daily": Frames.completions], last: Frames.completions)
      for example in topic.examples {
        let (statement, parseErrors) = Parser.parse(SourceFile(example))
        #expect(!parseErrors.hasErrors, "\(topic.name): \(example): \(parseErrors.map(\.message))")
        guard case .pipeline(let pipeline) = statement else { continue }
        let (plan, diagnostics) = Binder(environment: environment).bind(pipeline)
        #expect(!diagnostics.hasErrors, "\(topic.name): \(example): \(diagnostics.map(\.message))")
        guard let plan, !example.hasPrefix("read") else { continue }
        do {
          let result = try await Executor(environment: environment, dataSource: source).run(plan)
          if let name = plan.binding { environment.frames[name] = result.frame }
          environment.lastResult = result.frame
        } catch {
          Issue.record("\(topic.name): \(example): \(error)")
        }
      }
    }
  }

  @Test("fields texts")
  func fieldsTexts() {
    assertGolden(fields.overview, suite: "Catalog", named: "fields")
    assertGolden(
      text(fields.answer(endpoint: Name("costs", span: .at(7)), field: nil)), suite: "Catalog",
      named: "fields-costs")
    assertGolden(
      text(
        fields.answer(
          endpoint: Name("completions", span: .at(7)), field: Name("model", span: .at(19)))),
      suite: "Catalog", named: "fields-completions-model")
    #expect(
      text(fields.answer(endpoint: Name("cost", span: .at(7)), field: nil))
        == "error: unknown endpoint 'cost'")
    #expect(
      text(
        fields.answer(endpoint: Name("costs", span: .at(7)), field: Name("amout", span: .at(13))))
        == "error: 'costs' has no field 'amout'")
  }

  @Test("explain prints each stage with its schema and the requests")
  func explain() throws {
    let plan = try #require(
      bindPlan(
        "load completions days=3 | where model = gpt-4o | sum input_tokens by model | chart bar"))
    assertGolden(
      plan.explain(dataSource: FakeDataSource(frames: [:])), suite: "Catalog", named: "explain")
  }
}

/// Serves, for every fixture endpoint, a small frame of its schema.
struct ExampleSource: DataSource {
  func load(_ request: UsageQuery, progress: @escaping @Sendable (Int, Int?) -> Void) async throws
    -> Frame
  {
    if request.endpoint.name == "completions" { return Frames.completions }
    if request.endpoint.name == "projects" { return Frames.projects }
    guard let endpoint = Fixtures.endpoints.first(where: { $0.name == request.endpoint.name })
    else {
      return .empty
    }
    var pairs: [(String, Column)] = []
    if endpoint.isBucketed {
      pairs.append(
        ("start_time", Column.from([day("2026-11-29"), day("2026-11-30")], kind: .time)))
      pairs.append(("end_time", Column.from([day("2026-11-30"), day("2026-12-01")], kind: .time)))
    }
    for field in endpoint.fields {
      let values: [Value] =
        switch field.kind {
        case .int: [.int(1), .int(2)]
        case .double: [.double(1.5), .double(2.5)]
        case .bool: [.bool(true), .bool(false)]
        case .time: [day("2026-11-29"), day("2026-11-30")]
        case .string: [.string("a"), .string("b")]
        }
      pairs.append((field.name, Column.from(values, kind: field.kind)))
    }
    return Frame(unchecked: pairs)
  }
}
