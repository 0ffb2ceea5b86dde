import Testing
import USQFrame
import USQTestSupport

@testable import USQRender

/// Charts and tables tell the truth about time: a bucket still in progress, a bucket that began
/// before the loaded data, and a projected (forecast) row are each drawn distinctly and named.
@Suite struct TimeTruthTests {
  static let days = 10
  static var now: Int64 { Fixtures.dailyNow(days: days) }

  /// `dailyCompletions` with the `forecast` column: the last three days projected.
  static func withForecast() -> Frame {
    let frame = Fixtures.dailyCompletions(days: days)
    let flags = (0..<days).map { Value.bool($0 >= days - 3) }
    return Frame(
      unchecked: frame.pairs.map { ($0.0, $0.1) } + [("forecast", Column.from(flags, kind: .bool))])
  }

  /// Months as `bucket month` makes them, from data loaded since March 6.
  static func months() -> Frame {
    let april1 = Fixtures.march1 + 31 * Fixtures.day
    return Fixtures.frame([
      ("start_time", .time, [.time(Fixtures.march1), .time(april1)]),
      ("end_time", .time, [.time(april1), .time(april1 + 10 * Fixtures.day)]),
      ("num_model_requests", .int, [.int(26_000), .int(9_000)]),
    ])
  }

  static let march6 = Fixtures.march1 + 5 * Fixtures.day

  @Test(
    "the in-progress bucket: dotted line segment, hatched or lighter bar, and a note",
    arguments: [ChartSpec.Kind.line, .bar, .spark], ["plain", "color", "ascii"])
  func inProgress(kind: ChartSpec.Kind, variant: String) throws {
    let spec = ChartSpec(kind, y: ["num_model_requests"], width: 70)
    let color = variant == "color"
    let options = RenderOptions(
      width: 70, color: color, charset: variant == "ascii" ? .ascii : .unicode, now: Self.now)
    let text = try ChartRenderer.render(
      Fixtures.dailyCompletions(days: Self.days), spec: spec, options: options)
    #expect(ANSIText.strip(text).contains("bucket still in progress"))
    if kind == .bar && color { #expect(text.contains("\u{1B}[2;38;5;31m")) }
    assertGolden(
      text, suite: "TimeTruth", named: "in-progress-\(kind.rawValue)-\(variant)")
  }

  @Test("a sparkline's min and last leave the half-finished day out, and say so")
  func sparkStats() throws {
    let frame = Fixtures.dailyCompletions(days: Self.days)
    let text = try ChartRenderer.render(
      frame, spec: ChartSpec(.spark, y: ["num_model_requests"]),
      options: RenderOptions(width: 80, now: Self.now))
    guard case .int(let requests)? = frame["num_model_requests"] else { return }
    let settled = (0..<(Self.days - 1)).compactMap { requests[$0] }
    let row = try #require(text.split(separator: "\n").dropFirst().first)
    let numbers = row.split(separator: " ").suffix(3).map(String.init)
    #expect(
      numbers
        == [settled.min(), settled.max(), settled.last].map {
          NumberFormatting.grouped($0 ?? 0)
        })
    #expect(text.contains("left out of min, max and last"))
  }

  @Test("forecast rows: dotted after the last actual point, lighter bars, a legend line")
  func forecast() throws {
    for kind in [ChartSpec.Kind.line, .bar] {
      let text = try ChartRenderer.render(
        Self.withForecast(), spec: ChartSpec(kind, y: ["num_model_requests"], width: 70),
        options: RenderOptions(width: 70))
      #expect(text.contains("projected rows (forecast = true)"))
      assertGolden(text, suite: "TimeTruth", named: "forecast-\(kind.rawValue)")
      let svg = try SVGChart.render(Self.withForecast(), spec: ChartSpec(kind))
      #expect(svg.contains("projected rows (forecast = true)"))
      #expect(svg.contains(kind == .line ? "stroke-dasharray=\"2 4\"" : "fill-opacity=\"0.35\""))
    }
  }

  @Test("after bucket month the first month is marked partial, and the reason said")
  func partialStart() throws {
    let options = RenderOptions(width: 80, now: Fixtures.march1 + 41 * Fixtures.day)
    var withStart = options
    withStart.dataStart = Self.march6
    let table = TableRenderer.render(Self.months(), options: withStart)
    #expect(table.contains("│ 2026-03-01* │"))
    #expect(table.contains("* 2026-03-01: partial bucket, the loaded data starts 2026-03-06"))
    #expect(!TableRenderer.render(Self.months(), options: options).contains("partial bucket"))
    let chart = try ChartRenderer.render(Self.months(), spec: ChartSpec(.bar), options: withStart)
    #expect(chart.contains("2026-03-01* │░"))
    assertGolden(table + chart, suite: "TimeTruth", named: "partial-month")
  }

  @Test("the SVG line of a daily series marks its last day instead of dropping silently")
  func svgLine() throws {
    let svg = try SVGChart.render(
      Fixtures.dailyCompletions(days: Self.days), spec: ChartSpec(.line, y: ["num_model_requests"]),
      options: RenderOptions(now: Self.now))
    let dashed = svg.split(separator: "\n").filter { $0.contains("stroke-dasharray=\"2 4\"") }
    // The last segment of the line, and the sample beside the note.
    #expect(dashed.count == 2)
    #expect(svg.contains("2026-03-10: bucket still in progress, drawn dotted"))
    assertGolden(svg, suite: "TimeTruth", named: "svg-line-in-progress")
  }

  @Test("a heatmap marks the hour still in progress, in the terminal and in SVG")
  func heat() throws {
    // "now" half way through the last hour of two days of hours.
    let frame = Fixtures.hourlyRequests(days: 2)
    let options = RenderOptions(width: 90, now: Fixtures.march1 + 47 * 3600 + 1800)
    let text = try ChartRenderer.render(frame, spec: ChartSpec(.heat), options: options)
    let lastDay = try #require(text.split(separator: "\n").dropFirst(2).first)
    #expect(lastDay.hasSuffix("*"))
    #expect(text.hasSuffix("* hour still in progress: its value is partial\n"))
    let svg = try SVGChart.render(frame, spec: ChartSpec(.heat), options: options)
    #expect(svg.components(separatedBy: "fill-opacity=\"0.35\"").count == 3)  // cell and sample
    #expect(svg.contains("* hour still in progress: its value is partial"))
  }

  @Test("after names, a chart labels rows by the name column, not the id")
  func namesLabel() throws {
    let frame = Fixtures.frame([
      ("project_id", .string, [.string("proj_a1"), .string("proj_b2"), .string("proj_c3")]),
      ("project_name", .string, [.string("Support"), .string("Search"), .null]),
      ("num_model_requests", .int, [.int(50), .int(30), .int(20)]),
    ])
    let pie = try ChartRenderer.render(frame, spec: ChartSpec(.pie), options: RenderOptions())
    #expect(pie.contains("Support") && pie.contains("Search") && pie.contains("proj_c3"))
    #expect(!pie.contains("proj_a1"))
    let svg = try SVGChart.render(frame, spec: ChartSpec(.pie))
    #expect(
      svg.contains(">Support</text>") && svg.contains(">50.0%</text>") && !svg.contains("proj_a1"))
  }
}
