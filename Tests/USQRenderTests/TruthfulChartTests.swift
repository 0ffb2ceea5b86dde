import Testing
import USQBasics
import USQFrame
import USQTestSupport

@testable import USQRender

/// Charts that tell the truth: negative stack segments left of a zero axis with signed totals,
/// lines that leave a gap at a null, and one number format for huge values everywhere.
@Suite struct TruthfulChartTests {
  /// Net change per model and project: credits and refunds are negative.
  static let signed = Fixtures.frame([
    ("model", .string, ["gpt-4o", "gpt-4o", "o1", "o1", "o3-mini"].map(Value.string)),
    ("project_id", .string, ["proj_a", "proj_b", "proj_a", "proj_b", "proj_a"].map(Value.string)),
    ("amount_change", .double, [120.5, -40.25, -80.0, 15.0, 30.0].map(Value.double)),
  ])

  /// A series with a missing day in the middle.
  static let gap = Fixtures.frame([
    ("start_time", .time, Fixtures.times(7)),
    (
      "num_model_requests", .int,
      [.int(10), .int(20), .int(30), .null, .int(40), .int(50), .int(60)]
    ),
  ])

  static let huge = Fixtures.frame([
    ("start_time", .time, Fixtures.times(3)),
    ("model", .string, ["a", "b", "c"].map(Value.string)),
    ("input_tokens", .double, [1e18, 2.5e17, 3e15].map(Value.double)),
  ])

  static let variants: [(String, Charset, Bool)] = [
    ("unicode-plain", .unicode, false), ("unicode-color", .unicode, true),
    ("ascii-plain", .ascii, false), ("ascii-color", .ascii, true),
  ]

  @Test("a stack with negative values draws them left of the axis and says their signed totals")
  func stackNegatives() throws {
    let spec = ChartSpec(.stack, x: "model", y: ["amount_change"], by: "project_id")
    for (name, charset, color) in Self.variants {
      let text = try ChartRenderer.render(
        Self.signed, spec: spec, options: RenderOptions(width: 60, color: color, charset: charset))
      expectFits(text, width: 60)
      assertGolden(text, suite: "Truthful", named: "stack-negatives-\(name)")
    }
    let plain = try ChartRenderer.render(Self.signed, spec: spec, options: RenderOptions(width: 60))
    // Net totals after the bars, signed totals in the legend: nothing is shown as 0.
    #expect(plain.contains(" 80.25\n"))
    #expect(plain.contains(" -65.00\n"))
    #expect(plain.contains("proj_a   70.50"))
    #expect(plain.contains("proj_b  -25.25"))
    // o1's bar: its negative segment ends at the axis, its positive one starts there.
    let o1 = try #require(plain.split(separator: "\n").first { $0.hasPrefix("o1 ") })
    let axis = try #require(o1.firstIndex(of: "│"))
    #expect(o1[o1.index(before: axis)] != " ")
    #expect(o1[o1.index(after: axis)] != " ")
  }

  @Test(
    "stack totals and legends equal the signed sums of generated data",
    arguments: [3, 9, 27] as [UInt64])
  func stackSumsProperty(seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<100 {
      let rows = Int.random(in: 1...12, using: &generator)
      let xs = (0..<rows).map { _ in ["a", "b", "c", "d"].randomElement(using: &generator) ?? "a" }
      let bys = (0..<rows).map { _ in ["p", "q", "r"].randomElement(using: &generator) ?? "p" }
      let values = (0..<rows).map { _ in Int64.random(in: -500...500, using: &generator) }
      let frame = Fixtures.frame([
        ("x", .string, xs.map(Value.string)), ("by", .string, bys.map(Value.string)),
        ("v", .int, values.map(Value.int)),
      ])
      let width = Int.random(in: 40...120, using: &generator)
      let text = try ChartRenderer.render(
        frame, spec: ChartSpec(.stack, x: "x", y: ["v"], by: "by"),
        options: RenderOptions(width: width))
      expectFits(text, width: width)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      for x in Set(xs) {
        let net = zip(xs, values).filter { $0.0 == x }.reduce(0) { $0 + $1.1 }
        let line = try #require(lines.first { $0.hasPrefix(x + " ") }, "\(text)")
        #expect(line.hasSuffix(" " + NumberFormatting.grouped(net)), "\(x): \(text)")
      }
      for series in Set(bys) {
        let total = zip(bys, values).filter { $0.0 == series }.reduce(0) { $0 + $1.1 }
        // Legend lines follow the blank line: swatch, blank, name, total.
        let legends = lines.drop { !$0.isEmpty }.dropFirst()
        let legend = try #require(
          legends.first { $0.dropFirst(3).hasPrefix(series + " ") }, "\(text)")
        #expect(legend.hasSuffix(" " + NumberFormatting.grouped(total)), "\(series): \(text)")
      }
    }
  }

  @Test("the SVG of a signed stack puts negative segments left of a zero line")
  func stackNegativesSVG() throws {
    let spec = ChartSpec(.stack, x: "model", y: ["amount_change"], by: "project_id")
    let svg = try SVGChart.render(Self.signed, spec: spec)
    assertGolden(svg, suite: "Truthful", named: "stack-negatives-svg")
    #expect(svg.contains("proj_b (-25.25)"))
  }

  @Test("signed bars diverge from a zero axis, on the terminal and in SVG")
  func barNegatives() throws {
    let frame = Fixtures.frame([
      ("model", .string, ["gpt-4o", "o1", "o3-mini"].map(Value.string)),
      ("C_change", .double, [120.5, -80.0, 30.0].map(Value.double)),
    ])
    let text = try ChartRenderer.render(frame, spec: ChartSpec(.bar), options: RenderOptions())
    let lines = text.split(separator: "\n").filter { $0.contains("│") }
    let axes = Set(
      lines.compactMap { line in
        line.firstIndex(of: "│").map { line.distance(from: line.startIndex, to: $0) }
      })
    #expect(axes.count == 1, "one zero axis:\n\(text)")
    let o1 = try #require(lines.first { $0.hasPrefix("o1") })
    #expect(o1.contains("█│ -80.0"), "\(text)")
    let svg = try SVGChart.render(frame, spec: ChartSpec(.bar))
    assertGolden(svg, suite: "Truthful", named: "bar-negatives-svg")
    // The negative bar ends where the zero line is drawn.
    let zero = try #require(svg.firstMatch(of: /<line x1="([0-9.]+)"/).flatMap { Double($0.1) })
    let ends = svg.matches(of: /<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)"/).compactMap {
      match in Double(match.1).flatMap { x in Double(match.2).map { x + $0 } }
    }
    #expect(ends.contains { abs($0 - zero) < 0.2 }, "no bar ends at the zero line \(zero):\n\(svg)")
  }

  @Test("a line leaves a gap at a null point, on the terminal and in SVG")
  func lineGap() throws {
    let spec = ChartSpec(.line, y: ["num_model_requests"])
    for (name, charset, color) in Self.variants {
      let text = try ChartRenderer.render(
        Self.gap, spec: spec, options: RenderOptions(width: 60, color: color, charset: charset))
      assertGolden(text, suite: "Truthful", named: "line-gap-\(name)")
    }
    // The plot's columns around the middle (day 4 of 7) hold no point.
    let plain = try ChartRenderer.render(Self.gap, spec: spec, options: RenderOptions(width: 60))
    let rows = plain.split(separator: "\n").filter { $0.contains("┤") || $0.contains("│") }
    let plotStart = try #require(rows.first?.firstIndex { $0 == "┤" || $0 == "│" })
    let offset = rows[0].distance(from: rows[0].startIndex, to: plotStart) + 1
    let middle = offset + 28
    for row in rows {
      let cells = Array(row)
      #expect(cells.count <= middle || cells[middle] == " ", "a line crosses the gap:\n\(plain)")
    }
    let svg = try SVGChart.render(Self.gap, spec: spec)
    #expect(svg.components(separatedBy: "<polyline").count == 3)
    assertGolden(svg, suite: "Truthful", named: "line-gap-svg")
  }

  @Test("a huge value reads the same in bars, on a line's axis, in a table and a sparkline")
  func hugeValuesOneFormat() throws {
    let bar = try ChartRenderer.render(
      Self.huge, spec: ChartSpec(.bar, x: "model"), options: RenderOptions())
    let line = try ChartRenderer.render(Self.huge, spec: ChartSpec(.line), options: RenderOptions())
    let table = TableRenderer.render(Self.huge, options: RenderOptions())
    let spark = try ChartRenderer.render(
      Self.huge, spec: ChartSpec(.spark, by: "model"), options: RenderOptions())
    for text in [bar, table, spark] { #expect(text.contains("1e18"), "\(text)") }
    #expect(line.contains("1e18"), "\(line)")
    for text in [bar, line, table, spark] {
      #expect(!text.contains("e+"), "\(text)")
      #expect(!text.contains(",000T"), "\(text)")
    }
    assertGolden(bar + line + table + spark, suite: "Truthful", named: "huge-values")
  }

  @Test(
    "every format agrees from the ceiling on, and none uses an exponent below it",
    arguments: [7, 42, 1234])
  func oneRule(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<2_000 {
      let exponent = Double(Int.random(in: 0...30, using: &generator))
      let value =
        Double.random(in: 1..<10, using: &generator) * pow10(exponent)
        * (Bool.random(using: &generator) ? -1 : 1)
      let texts = [
        NumberFormatting.fixed(value, decimals: 2), NumberFormatting.compact(value),
        NumberFormatting.money(value, currency: nil),
      ]
      if value.magnitude >= NumberFormatting.ceiling {
        #expect(Set(texts).count == 1, "\(value): \(texts)")
        #expect(texts[0] == NumberFormatting.scientific(value))
      } else {
        for text in texts { #expect(!text.contains("e"), "\(value): \(text)") }
        #expect(!NumberFormatting.compact(value).contains(",000"), "\(value)")
      }
    }
  }

  private func pow10(_ exponent: Double) -> Double {
    var result = 1.0
    for _ in 0..<Int(exponent) { result *= 10 }
    return result
  }
}
