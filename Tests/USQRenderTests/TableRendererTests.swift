import Foundation
import Testing
import USQFrame
import USQTestSupport

@testable import USQRender

@Suite struct TableRendererTests {
  static let completionsHints = TableHints(
    fill: TableHints.groupFill(["project_id", "user_id", "api_key_id", "model", "batch"]))

  static let costs = Fixtures.frame([
    ("start_time", .time, Fixtures.times(4)),
    ("end_time", .time, Fixtures.times(4, from: Fixtures.march1 + Fixtures.day)),
    ("amount", .double, [.double(412.8125), .double(1_024.5), .double(0.004), .double(-3.5)]),
    ("currency", .string, ["usd", "usd", "eur", "usd"].map(Value.string)),
    (
      "line_item", .string,
      ["gpt-4o-2024-08-06, input", "gpt-4o-2024-08-06, output", "web search tool calls", "credit"]
        .map(Value.string)
    ),
    ("project_id", .string, [.string("proj_abc"), .null, .string("proj_research"), .null]),
  ])

  static let cjk = Fixtures.frame([
    (
      "project_name", .string,
      ["データ分析チーム", "客服机器人", "🚀 launch", "Größenänderung", "café"].map(Value.string)
    ),
    ("num_model_requests", .int, [4_210, 2_877_001, 1_502, 960, 33].map(Value.int)),
    ("share", .double, [51.234, 34.9, 10.0, 3.5, 0.366].map(Value.double)),
  ])

  static let hourly = Fixtures.frame([
    ("start_time", .time, Fixtures.times(3, from: Fixtures.march1 + 22 * 3600, step: 3600)),
    ("end_time", .time, Fixtures.times(3, from: Fixtures.march1 + 23 * 3600, step: 3600)),
    (
      "model", .string,
      ["gpt-4o-mini-2024-07-18", "gpt-4o-2024-08-06", "o1-2024-12-17"].map(Value.string)
    ),
    ("input_tokens", .int, [12_000, 3_400_500, 77].map(Value.int)),
    ("batch", .bool, [.bool(false), .bool(true), .null]),
  ])

  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let frame: Frame
    let options: RenderOptions
    var hints = TableHints()
    var testDescription: String { name }
  }

  static let cases: [Case] =
    [
      Case(
        name: "daily-completions-hidden-columns", frame: Fixtures.dailyCompletions(days: 5),
        options: RenderOptions(now: Fixtures.dailyNow(days: 5)), hints: completionsHints),
      Case(
        name: "daily-completions-ascii", frame: Fixtures.dailyCompletions(days: 5),
        options: RenderOptions(charset: .ascii, now: Fixtures.dailyNow(days: 5)),
        hints: completionsHints),
      Case(
        name: "daily-completions-color", frame: Fixtures.dailyCompletions(days: 5),
        options: RenderOptions(color: true, now: Fixtures.dailyNow(days: 5)),
        hints: completionsHints),
      Case(
        name: "daily-completions-plus-two-hours", frame: Fixtures.dailyCompletions(days: 5),
        options: RenderOptions(
          width: 100, timeZone: .fixed(seconds: 7200), now: Fixtures.dailyNow(days: 5)),
        hints: completionsHints),
      Case(
        name: "more-rows", frame: Fixtures.dailyCompletions(days: 30),
        options: RenderOptions(maxRows: 10, now: Fixtures.dailyNow()), hints: completionsHints),
      Case(name: "money", frame: costs, options: RenderOptions(width: 100)),
    ] + narrowCases + [
      Case(name: "money-width-40", frame: costs, options: RenderOptions(width: 40)),
      Case(name: "hourly-utc", frame: hourly, options: RenderOptions()),
      Case(
        name: "hourly-plus-two-hours", frame: hourly,
        options: RenderOptions(timeZone: .fixed(seconds: 7200))),
      Case(name: "cjk", frame: cjk, options: RenderOptions()),
      Case(name: "cjk-width-30", frame: cjk, options: RenderOptions(width: 30)),
      Case(
        name: "truncation-width-40", frame: Fixtures.requestsByModelProject(),
        options: RenderOptions(width: 40, maxRows: 6)),
      Case(
        name: "truncation-width-200", frame: Fixtures.dailyCompletions(days: 3),
        options: RenderOptions(width: 200)),
      Case(
        name: "empty",
        frame: Fixtures.frame([("model", .string, []), ("num_model_requests", .int, [])]),
        options: RenderOptions()),
      Case(name: "no-columns", frame: Frame.empty, options: RenderOptions()),
      Case(
        name: "one-row", frame: Fixtures.requestsByModelProject().slice(0..<1),
        options: RenderOptions()),
      Case(
        name: "top-5", frame: Fixtures.requestsByProjectWithOther(),
        options: RenderOptions(charset: .ascii)),
    ]

  /// `load completions days=4 | where num_model_requests > 0` at 40, 60 and 80 columns, each in
  /// Unicode and ASCII, plain and colour: the named column stays, headers wrap whole, the rest
  /// is listed.
  static let narrowCases: [Case] = [40, 60, 80].flatMap { width in
    [(Charset.unicode, false), (.unicode, true), (.ascii, false), (.ascii, true)].map {
      charset, color in
      Case(
        name: "narrow-\(width)-\(charset.rawValue)-\(color ? "color" : "plain")",
        frame: Fixtures.dailyCompletions(days: 4),
        options: RenderOptions(
          width: width, color: color, charset: charset, now: Fixtures.dailyNow(days: 4)),
        hints: TableHints(
          fill: completionsHints.fill, preferred: ["num_model_requests"]))
    }
  }

  @Test("tables", arguments: cases)
  func table(_ table: Case) {
    let text = TableRenderer.render(table.frame, options: table.options, hints: table.hints)
    expectFits(text, width: table.options.width)
    if table.options.charset == .ascii {
      let isASCII = text.unicodeScalars.allSatisfy { $0.isASCII }
      #expect(isASCII)
    }
    assertGolden(text, suite: "Tables", named: table.name)
  }

  @Test("the in-progress bucket is marked and footnoted")
  func inProgress() {
    let text = TableRenderer.render(
      Fixtures.dailyCompletions(days: 3), options: RenderOptions(now: Fixtures.dailyNow(days: 3)))
    #expect(text.contains("│ 2026-03-03* │"))
    #expect(text.contains("\n* bucket still in progress\n"))
    let noNow = TableRenderer.render(Fixtures.dailyCompletions(days: 3), options: RenderOptions())
    #expect(!noNow.contains("*"))
  }

  @Test("all-null columns are hidden and named with the group= that fills them")
  func hiddenColumns() {
    let text = TableRenderer.render(
      Fixtures.dailyCompletions(days: 2), options: RenderOptions(width: 200),
      hints: Self.completionsHints)
    #expect(!text.contains("project_id │"))
    #expect(
      text.contains(
        "hidden, all null: project_id, user_id, api_key_id, model, batch (fill with group=project_id,user_id,api_key_id,model,batch)"
      ))
  }

  @Test("money shows its currency")
  func money() {
    let text = TableRenderer.render(Self.costs, options: RenderOptions(width: 120))
    #expect(text.contains("$412.81"))
    #expect(text.contains("$1,024.50"))
    #expect(text.contains("€0.00"))
    #expect(text.contains("-$3.50"))
  }

  @Test("at most maxRows rows, then a count of the rest")
  func moreRows() {
    let text = TableRenderer.render(
      Fixtures.dailyCompletions(days: 30), options: RenderOptions(maxRows: 4))
    #expect(text.contains("\n… 26 more rows\n"))
    #expect(text.split(separator: "\n").filter { $0.hasPrefix("│ 2026") }.count == 4)
  }

  @Test("long text is cut before the headers of numbers")
  func longTextFirst() {
    let names = String(repeating: "input_tokens, ", count: 6)
    let frame = Fixtures.frame([
      ("name", .string, [.string("usage")]), ("columns", .int, [.int(23)]),
      ("names", .string, [.string(names)]),
    ])
    let text = TableRenderer.render(frame, options: RenderOptions(width: 60))
    #expect(text.contains("│ name  │ columns │ names"))
    #expect(text.contains("│ usage │      23 │ input_tokens, input_tokens, input_tok… │"))
  }

  @Test("after a pivot into many columns, the footnote names twelve and counts the rest")
  func manyLeftOut() {
    let names = (1...30).map { "gpt-4o, input (\($0))" }
    let frame = Frame(
      unchecked: names.map { ($0, Column.int(IntColumn(values: [1_234_567]))) })
    let text = TableRenderer.render(frame, options: RenderOptions(width: 40))
    let note = text.split(separator: "\n").drop { !$0.contains("not shown") }.joined(separator: " ")
    #expect(note.hasPrefix("2"), "\(text)")
    #expect(note.contains("'gpt-4o, input (4)'"), "\(text)")
    #expect(note.contains("… and "), "\(text)")
    #expect(!note.contains("(30)"), "\(text)")
  }

  @Test("a Foundation time zone applies its own offset")
  func foundationZone() throws {
    let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
    let frame = Fixtures.frame([
      ("start_time", .time, [.time(Fixtures.march1), .time(Fixtures.march1 + 3600 * 24 * 60)])
    ])
    let text = TableRenderer.render(frame, options: RenderOptions(timeZone: .zone(zone)))
    #expect(text.contains("2026-03-01 01:00"))  // CET, +01:00
    #expect(text.contains("2026-04-30 02:00"))  // CEST, +02:00
  }
}
