import Testing
import USQFrame
import USQTestSupport

@testable import USQRender

/// One chart kind drawn with one glyph set and colour choice.
struct ChartCase: CustomTestStringConvertible, Sendable {
  let kind: ChartSpec.Kind
  let charset: Charset
  let color: Bool
  var testDescription: String { name }
  var name: String { "\(kind.rawValue)-\(charset.rawValue)-\(color ? "color" : "plain")" }

  static let all: [ChartCase] = ChartSpec.Kind.allCases.flatMap { kind in
    [Charset.unicode, .ascii].flatMap { charset in
      [false, true].map { ChartCase(kind: kind, charset: charset, color: $0) }
    }
  }

  /// A representative frame and spec per kind.
  var input: (Frame, ChartSpec) {
    switch kind {
    case .bar:
      (
        Fixtures.dailyCompletions(days: 7),
        ChartSpec(
          .bar, y: ["input_tokens", "output_tokens"], title: "Daily input vs output tokens")
      )
    case .stack:
      (
        Fixtures.requestsByModelProject(),
        ChartSpec(.stack, x: "model", y: ["num_model_requests"], by: "project_id")
      )
    case .line: (Fixtures.dailyByModel(), ChartSpec(.line, by: "model", title: "Requests per day"))
    case .pie:
      (Fixtures.requestsByProjectWithOther(), ChartSpec(.pie, title: "Requests by project"))
    case .spark: (Fixtures.dailyByModel(), ChartSpec(.spark, by: "model"))
    case .heat:
      (Fixtures.hourlyRequests(), ChartSpec(.heat, title: "When does the org use the API?"))
    }
  }
}

/// Every line of `text` fits `width` display columns (escapes aside) and there are at most `height` lines.
func expectFits(
  _ text: String, width: Int, height: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  for line in lines {
    #expect(
      ANSIText.width(String(line)) <= width, "line wider than \(width): \(line)",
      sourceLocation: sourceLocation)
  }
  if let height {
    #expect(
      lines.count <= height, "\(lines.count) lines > \(height)", sourceLocation: sourceLocation)
  }
}

@Suite struct ChartRendererTests {
  @Test("every chart kind in Unicode and ASCII, with and without colour", arguments: ChartCase.all)
  func matrix(_ chart: ChartCase) throws {
    let (frame, spec) = chart.input
    let options = RenderOptions(width: 80, color: chart.color, charset: chart.charset)
    let text = try ChartRenderer.render(frame, spec: spec, options: options)
    expectFits(text, width: 80)
    if !chart.color { #expect(!text.contains("\u{1B}")) }
    if chart.charset == .ascii {
      let isASCII = ANSIText.strip(text).unicodeScalars.allSatisfy { $0.isASCII }
      #expect(isASCII)
    }
    assertGolden(text, suite: "Charts", named: chart.name)
  }

  @Test("a chart never exceeds the given width and height", arguments: ChartSpec.Kind.allCases)
  func bounded(_ kind: ChartSpec.Kind) throws {
    let (frame, spec) = ChartCase(kind: kind, charset: .unicode, color: false).input
    for (width, height) in [(40, 10), (60, 14), (200, 30), (30, 6)] {
      var sized = spec
      sized.width = width
      sized.height = height
      let text = try ChartRenderer.render(
        frame, spec: sized, options: RenderOptions(width: 120, height: 50))
      expectFits(text, width: width, height: height)
      let narrow = try ChartRenderer.render(
        frame, spec: spec, options: RenderOptions(width: width, height: height))
      expectFits(narrow, width: width, height: height)
    }
  }

  @Test("a lone total is labelled with its column's name")
  func loneTotal() throws {
    let frame = Fixtures.frame([("input_tokens", .int, [.int(1_234_567)])])
    let text = try ChartRenderer.render(
      frame, spec: ChartSpec(.bar), options: RenderOptions(width: 40))
    #expect(text == "input_tokens │████████████████ 1,234,567\n")
  }

  @Test("stacked daily bars mark the bucket still in progress")
  func stackInProgress() throws {
    let frame = Fixtures.frame([
      ("start_time", .time, Fixtures.times(2) + Fixtures.times(2)),
      (
        "end_time", .time,
        [.time(Fixtures.march1 + Fixtures.day), .time(Fixtures.march1 + Fixtures.day + 3600)] + [
          .time(Fixtures.march1 + Fixtures.day), .time(Fixtures.march1 + Fixtures.day + 3600),
        ]
      ),
      (
        "project_id", .string, ["proj_abc", "proj_abc", "proj_eval", "proj_eval"].map(Value.string)
      ),
      ("num_model_requests", .int, [30, 10, 10, 5].map(Value.int)),
    ])
    let spec = ChartSpec(.stack, by: "project_id")
    let options = RenderOptions(width: 40, now: Fixtures.march1 + Fixtures.day + 3600)
    let text = try ChartRenderer.render(frame, spec: spec, options: options)
    #expect(
      text == """
        start_time   num_model_requests by proj…
        2026-03-01  │██████████████████▒▒▒▒▒▒ 40
        2026-03-02* │█·█·█·▒·▒ 15

        ██ proj_abc   40
        ▒▒ proj_eval  15
        * bucket still in progress, drawn
          hatched ·

        """)
  }

  @Test("a line through an open bucket says its last values are partial")
  func lineInProgress() throws {
    let options = RenderOptions(width: 60, now: Fixtures.dailyNow(days: 5))
    let text = try ChartRenderer.render(
      Fixtures.dailyCompletions(days: 5), spec: ChartSpec(.line), options: options)
    #expect(
      text.hasSuffix(
        "── num_model_requests\n2026-03-05: bucket still in progress, drawn dotted\n"))
    let settled = try ChartRenderer.render(
      Fixtures.dailyCompletions(days: 5), spec: ChartSpec(.line), options: RenderOptions(width: 60))
    #expect(settled.hasSuffix("── num_model_requests\n"))
  }

  // MARK: - Errors

  @Test("a missing column names the role and lists the columns")
  func missingColumn() {
    let frame = Fixtures.requestsByProjectWithOther()
    #expect(
      throws: ChartError.missingColumn(
        "requests", role: "y", available: ["project_id", "num_model_requests"])
    ) {
      try ChartRenderer.render(
        frame, spec: ChartSpec(.bar, y: ["requests"]), options: RenderOptions())
    }
    let error = ChartError.missingColumn(
      "requests", role: "y", available: ["project_id", "num_model_requests"])
    #expect(
      error.description
        == "chart y=requests: no column 'requests'; columns are 'project_id', 'num_model_requests'")
  }

  @Test("a string y column is the wrong type")
  func wrongType() {
    let frame = Fixtures.requestsByProjectWithOther()
    #expect(
      throws: ChartError.wrongType("project_id", role: "y", expected: "numeric", found: "string")
    ) {
      try ChartRenderer.render(
        frame, spec: ChartSpec(.bar, y: ["project_id"]), options: RenderOptions())
    }
  }

  @Test("no numeric column means no default y")
  func noNumeric() {
    let frame = Fixtures.frame([("project_id", .string, [.string("proj_abc")])])
    #expect(throws: ChartError.noDefault(role: "y", expected: "numeric")) {
      try ChartRenderer.render(frame, spec: ChartSpec(.pie), options: RenderOptions())
    }
  }

  @Test("a stacked chart needs by")
  func stackNeedsBy() {
    #expect(throws: ChartError.missingBy(.stack)) {
      try ChartRenderer.render(
        Fixtures.requestsByModelProject(), spec: ChartSpec(.stack, x: "model"),
        options: RenderOptions())
    }
  }

  @Test("a heatmap of daily buckets asks for bucket=1h")
  func heatNeedsHourly() {
    #expect(throws: ChartError.needsHourlyData("start_time")) {
      try ChartRenderer.render(
        Fixtures.dailyCompletions(days: 5), spec: ChartSpec(.heat), options: RenderOptions())
    }
    #expect(
      throws: ChartError.wrongType("project_id", role: "x", expected: "timestamp", found: "string")
    ) {
      try ChartRenderer.render(
        Fixtures.requestsByProjectWithOther(), spec: ChartSpec(.heat, x: "project_id"),
        options: RenderOptions())
    }
  }
}
