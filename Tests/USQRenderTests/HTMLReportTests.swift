import Foundation
import Testing
import USQFrame
import USQTestSupport

@testable import USQRender

/// The HTML report page and its tables: terminal formatting, no network, light/dark, print.
@Suite struct HTMLReportTests {
  @Test(
    "a table cell holds the terminal's text; numbers right-aligned; nulls and partial rows marked")
  func table() {
    let frame = Fixtures.dailyCompletions(days: 3)
    let html = HTMLTable.render(
      frame, options: RenderOptions(now: Fixtures.dailyNow(days: 3)),
      hints: TableHints(fill: TableHints.groupFill(["project_id", "model"])))
    #expect(html.contains("<th class=\"num\">input_tokens</th>"))
    #expect(html.contains("<td class=\"num\">1,150,000</td>") || html.contains("class=\"num\">"))
    #expect(html.contains("<tr class=\"partial\"><td>2026-03-03*</td>"))
    #expect(html.contains("<p class=\"note\">* bucket still in progress</p>"))
    #expect(html.contains("hidden, all null: project_id, user_id, api_key_id, model, batch"))
    assertGolden(html, suite: "HTML", named: "table-daily")
  }

  @Test("money, escaping and more rows than shown")
  func escaping() {
    let frame = Fixtures.frame([
      ("line_item", .string, [.string("<b>R&D</b>"), .string("\"quoted\""), .null]),
      ("amount", .double, [.double(1234.5), .double(0.25), .double(3)]),
      ("currency", .string, [.string("usd"), .string("usd"), .string("usd")]),
    ])
    let html = HTMLTable.render(frame, options: RenderOptions(maxRows: 2))
    #expect(html.contains("<td>&lt;b&gt;R&amp;D&lt;/b&gt;</td>"))
    #expect(html.contains("<td class=\"num\">$1,234.50</td>"))
    #expect(html.contains("<p class=\"note\">… 1 more row</p>"))
    #expect(!html.contains("<b>"))
  }

  @Test("the page: title, parameters, run time, statements in order, self-contained")
  func page() throws {
    let chart = try SVGChart.render(
      Fixtures.requestsByProjectWithOther(), spec: ChartSpec(.pie, title: "Requests"))
    let report = HTMLReport(
      title: "weekly <report>.usq", parameters: [("days", "7"), ("out", "w.md")],
      started: Fixtures.march1, seconds: 1.25,
      entries: [
        .init(line: 3, source: "load costs | chart pie", blocks: [.chart(svg: chart)]),
        .init(line: 4, source: "let x = load costs", blocks: []),
        .init(
          line: 5, source: "load costs | sum amout",
          blocks: [.warning("warning: w"), .error("error: unknown column 'amout'")]),
      ])
    let html = report.render()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<h1>weekly &lt;report&gt;.usq</h1>"))
    #expect(html.contains("run 2026-03-01 00:00 UTC · took 1.25 s"))
    #expect(html.contains("<tr><th>days</th><td><code>7</code></td></tr>"))
    #expect(html.contains("<section class=\"statement failed\">"))
    // A statement that printed nothing has no section.
    #expect(!html.contains("let x = load costs"))
    #expect(html.contains("@media (prefers-color-scheme: dark)") && html.contains("@media print"))
    Self.expectSelfContained(html)
    assertGolden(html, suite: "HTML", named: "page")
  }

  /// No request leaves the page: no scripts, links, imports or URLs but the SVG namespace.
  static func expectSelfContained(
    _ html: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let withoutNamespace = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
    for needle in ["http:", "https:", "<script", "<link", "@import", "url(", "src=", "href="] {
      #expect(
        !withoutNamespace.contains(needle), "the report refers to '\(needle)'",
        sourceLocation: sourceLocation)
    }
  }
}
