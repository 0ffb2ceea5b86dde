import Testing
import USQFrame
import USQTestSupport

@testable import USQRender

/// Every chart of the cookbook notebook (examples/notebook.usq), as its usq statement draws it, on usage-shaped frames.
@Suite struct NotebookTests {
  static let options = RenderOptions(width: 100, now: Fixtures.dailyNow())

  /// `load completions days=30 | chart bar x=start_time y=input_tokens,output_tokens`
  @Test("daily input vs output tokens: grouped bars")
  func inputVersusOutput() throws {
    let spec = ChartSpec(.bar, x: "start_time", y: ["input_tokens", "output_tokens"])
    let text = try ChartRenderer.render(
      Fixtures.dailyCompletions(), spec: spec, options: Self.options)
    expectFits(text, width: 100)
    #expect(text.hasPrefix("██ input_tokens  ▒▒ output_tokens\n2026-03-01  │"))
    #expect(
      text.hasSuffix(
        "2026-03-30* │░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 1,363,772\n            │░░░░░░░░░░░░░░░░░░░ 376,816\n* bucket still in progress, drawn hatched ░\n"
      ))
    assertGolden(text, suite: "Notebook", named: "1-input-vs-output-tokens")
  }

  @Test("time bars that do not fit the height keep the most recent rows")
  func inputVersusOutputOnAShortTerminal() throws {
    var options = Self.options
    options.height = 12
    let spec = ChartSpec(.bar, x: "start_time", y: ["input_tokens", "output_tokens"])
    let text = try ChartRenderer.render(Fixtures.dailyCompletions(), spec: spec, options: options)
    expectFits(text, width: 100, height: 12)
    let lines = text.split(separator: "\n")
    #expect(lines.count == 11)
    #expect(lines[1] == "… 26 earlier rows not shown")
    #expect(lines[2].hasPrefix("2026-03-27  │"))
    #expect(lines[10] == "* bucket still in progress, drawn hatched ░")
  }

  /// `… group=model,project_id | sum num_model_requests by model, project_id | chart stack x=model y=num_model_requests by=project_id`
  @Test("requests by model stacked by project, legend with totals largest first")
  func stacked() throws {
    let spec = ChartSpec(.stack, x: "model", y: ["num_model_requests"], by: "project_id")
    let text = try ChartRenderer.render(
      Fixtures.requestsByModelProject(), spec: spec, options: Self.options)
    #expect(text.contains("██ proj_abc          294,811\n▒▒ proj_research     167,761\n"))
    assertGolden(text, suite: "Notebook", named: "2-requests-by-model-and-project")
  }

  /// `… sum num_model_requests by project_id | where num_model_requests > 0 | other 5% | chart pie`
  @Test("share of requests by project with Other")
  func pie() throws {
    let text = try ChartRenderer.render(
      Fixtures.requestsByProjectWithOther(), spec: ChartSpec(.pie), options: Self.options)
    #expect(text.contains("██ proj_abc          56.9%  (48,210)"))
    #expect(text.contains("▓▓ Other              4.2%   (3,516)"))
    assertGolden(text, suite: "Notebook", named: "3-requests-by-project-pie")
  }

  /// `… share num_model_requests | where share < 5 | chart pie title="Other, broken down"`
  @Test("the Other slice broken down; counts from the requests, not the share")
  func otherBrokenDown() throws {
    let spec = ChartSpec(.pie, title: "Other, broken down")
    let text = try ChartRenderer.render(
      Fixtures.otherBrokenDown(), spec: spec, options: Self.options)
    #expect(text.contains("██ proj_eval     57.3%  (2,014)"))
    assertGolden(text, suite: "Notebook", named: "4-other-broken-down-pie")
    // The binder passes the default y explicitly: the same chart.
    var explicit = spec
    explicit.y = ["share"]
    #expect(
      try ChartRenderer.render(Fixtures.otherBrokenDown(), spec: explicit, options: Self.options)
        == text)
  }

  /// `load costs days=30 group=line_item | sum amount by line_item | chart bar`
  @Test("costs by line item")
  func costs() throws {
    let text = try ChartRenderer.render(
      Fixtures.costsByLineItem(), spec: ChartSpec(.bar), options: Self.options)
    #expect(text.contains("gpt-4o-mini-2024-07-18, output │"))
    assertGolden(text, suite: "Notebook", named: "5-costs-by-line-item")
  }

  /// `… sum num_model_requests by project_id | top 5`
  @Test("top projects as a table")
  func top() {
    let text = TableRenderer.render(Fixtures.requestsByProjectWithOther(), options: Self.options)
    assertGolden(text, suite: "Notebook", named: "6-top-projects")
  }

  @Test("the notebook's charts in colour")
  func colour() throws {
    var options = Self.options
    options.color = true
    var text = try ChartRenderer.render(
      Fixtures.dailyCompletions(days: 7),
      spec: ChartSpec(.bar, y: ["input_tokens", "output_tokens"]), options: options)
    text += try ChartRenderer.render(
      Fixtures.requestsByModelProject(), spec: ChartSpec(.stack, x: "model", by: "project_id"),
      options: options)
    text += try ChartRenderer.render(
      Fixtures.requestsByProjectWithOther(), spec: ChartSpec(.pie), options: options)
    expectFits(text, width: 100)
    assertGolden(text, suite: "Notebook", named: "7-colour")
  }
}

@Suite struct SVGChartTests {
  @Test("every chart kind as SVG", arguments: ChartSpec.Kind.allCases)
  func svg(_ kind: ChartSpec.Kind) throws {
    let (frame, spec) = ChartCase(kind: kind, charset: .unicode, color: true).input
    let text = try SVGChart.render(frame, spec: spec)
    #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\""))
    #expect(text.hasSuffix("</svg>\n"))
    assertGolden(text, suite: "SVG", named: kind.rawValue)
  }

  @Test("SVG reports the same errors as the terminal chart")
  func errors() {
    #expect(throws: ChartError.missingBy(.stack)) {
      try SVGChart.render(Fixtures.requestsByModelProject(), spec: ChartSpec(.stack))
    }
  }

  @Test("text is escaped")
  func escaping() throws {
    let frame = Fixtures.frame([
      ("line_item", .string, [.string("a < b & \"c\"")]), ("amount", .double, [.double(2.5)]),
    ])
    let text = try SVGChart.render(frame, spec: ChartSpec(.bar, title: "R&D"))
    #expect(text.contains(">a &lt; b &amp; &quot;c&quot;</text>"))
    #expect(text.contains(">R&amp;D</text>"))
  }
}
