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
    Fixtures.frame([("share", .double, [.double(.nan), .double(.infinity), .double(-.infinity), .null])]),
    Fixtures.frame([("start_time", .time, [.null, .null]), ("x", .int, [.null, .int(3)])]),
    Frame.empty,
  ]

  @Test("tables fit every width from 1 to 200 columns")
  func tables() {
    for frame in Self.frames {
      for width in stride(from: 1, through: 200, by: 3) {
        for charset in Charset.allCases {
          let options = RenderOptions(
            width: width, charset: charset, maxRows: 7, now: Fixtures.dailyNow())
          expectFits(TableRenderer.render(frame, options: options), width: max(width, 1))
        }
      }
    }
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
