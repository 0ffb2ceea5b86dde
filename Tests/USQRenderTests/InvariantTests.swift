import Testing
import USQFrame

@testable import USQRender

/// Sweeps of sizes, options and frames: nothing crashes and nothing exceeds its bounds.
@Suite struct InvariantTests {
  static let frames: [Frame] = [
    Fixtures.dailyCompletions(days: 30), Fixtures.requestsByModelProject(),
    Fixtures.requestsByProjectWithOther(),
    Fixtures.otherBrokenDown(), Fixtures.costsByLineItem(), Fixtures.hourlyRequests(days: 3),
    Fixtures.dailyByModel(days: 20), ChartEdgeCaseTests.empty, ChartEdgeCaseTests.oneRow,
    ChartEdgeCaseTests.zeros,
    ChartEdgeCaseTests.huge, ChartEdgeCaseTests.negatives, ChartEdgeCaseTests.nulls,
    ChartEdgeCaseTests.wideLabels,
    TableRendererTests.cjk, TableRendererTests.costs, TableRendererTests.hourly,
    Fixtures.frame([("input_tokens", .int, [.int(1_234_567)])]),
    Fixtures.frame([
      ("share", .double, [.double(.nan), .double(.infinity), .double(-.infinity), .null])
    ]),
    Fixtures.frame([("start_time", .time, [.null, .null]), ("x", .int, [.null, .int(3)])]),
    Frame.empty,
    InvariantTests.extremes,
    Fixtures.frame([
      ("start_time", .time, [.time(.min), .time(.max), .time(0)]),
      ("end_time", .time, [.time(.max), .time(.min), .time(3600)]),
      ("requests", .int, [.int(1), .int(2), .int(3)]),
    ]),
  ]

  /// Values that break naive arithmetic: near the double limits, denormals, Int64 extremes.
  static let extremes = Fixtures.frame([
    ("start_time", .time, Fixtures.times(6, step: 3600)),
    ("model", .string, ["a", "b", "a", "b", "a", "b"].map(Value.string)),
    ("tokens", .int, [Int64.max, Int64.min, 0, 1, Int64.max, -1].map(Value.int)),
    (
      "amount", .double,
      [
        1e308, -1e308, Double.leastNonzeroMagnitude, 1e20, Double.greatestFiniteMagnitude,
        -Double.leastNonzeroMagnitude,
      ].map(Value.double)
    ),
  ])

  @Test("tables fit every width from 1 to 200 columns; every frame exports")
  func tables() {
    for frame in Self.frames {
      for format in Exporter.Format.allCases {
        let text = Exporter.render(frame, format: format)
        #expect(text.isEmpty || text.hasSuffix("\n") || text.hasSuffix("\r\n"))
      }
      for width in stride(from: 1, through: 200, by: 3) {
        for charset in Charset.allCases {
          let options = RenderOptions(
            width: width, charset: charset, maxRows: 7, now: Fixtures.dailyNow())
          expectFits(TableRenderer.render(frame, options: options), width: max(width, 1))
        }
      }
    }
  }

  @Test("extreme values: every chart kind, SVG and export finish without trapping")
  func extremeValues() throws {
    for kind in ChartSpec.Kind.allCases {
      for y in ["tokens", "amount"] {
        let spec = ChartSpec(kind, y: [y], by: kind == .bar || kind == .heat ? nil : "model")
        let text = try ChartRenderer.render(
          Self.extremes, spec: spec, options: RenderOptions(width: 60))
        expectFits(text, width: 60)
        _ = try SVGChart.render(Self.extremes, spec: spec)
      }
    }
    for format in Exporter.Format.allCases {
      #expect(!Exporter.render(Self.extremes, format: format).isEmpty)
    }
    expectFits(TableRenderer.render(Self.extremes, options: RenderOptions(width: 60)), width: 60)
  }

  @Test("charts fit every width and height, or say why they cannot be drawn")
  func charts() {
    var drawn = 0
    for frame in Self.frames {
      for kind in ChartSpec.Kind.allCases {
        let by =
          frame.names.contains("model")
          ? "model" : (frame.names.contains("project_id") ? "project_id" : nil)
        for (width, height) in [
          (1, 1), (10, 3), (16, 5), (25, 8), (40, 12), (63, 20), (80, nil), (140, 40),
        ] as [(Int, Int?)] {
          for color in [false, true] {
            let options = RenderOptions(
              width: width, height: height, color: color, charset: color ? .unicode : .ascii)
            let spec = ChartSpec(
              kind, by: kind == .bar ? nil : by, title: "A title that is rather long for a chart")
            guard let text = try? ChartRenderer.render(frame, spec: spec, options: options) else {
              continue
            }
            drawn += 1
            expectFits(text, width: width, height: height)
          }
        }
      }
    }
    #expect(drawn > 500)
  }
}
