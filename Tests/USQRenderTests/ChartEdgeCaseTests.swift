import Testing
import USQFrame
import USQTestSupport

@testable import USQRender

/// A named edge case: a frame and the spec to draw it with.
struct EdgeCase: CustomTestStringConvertible, Sendable {
  let name: String
  let frame: Frame
  let spec: ChartSpec
  var width = 80
  var testDescription: String { name }
}

@Suite struct ChartEdgeCaseTests {
  static let empty = Fixtures.frame([
    ("start_time", .time, []), ("model", .string, []), ("num_model_requests", .int, []),
  ])
  static let oneRow = Fixtures.frame([
    ("start_time", .time, [.time(Fixtures.march1)]),
    ("model", .string, [.string("gpt-4o-mini-2024-07-18")]),
    ("num_model_requests", .int, [.int(1_234)]),
  ])
  static let zeros = Fixtures.frame([
    ("start_time", .time, Fixtures.times(5)),
    ("model", .string, Array(repeating: .string("gpt-4o"), count: 5)),
    ("num_model_requests", .int, Array(repeating: .int(0), count: 5)),
  ])
  static let huge = Fixtures.frame([
    ("start_time", .time, Fixtures.times(5)),
    ("model", .string, ["gpt-4o", "gpt-4o-mini", "o1", "o1-mini", "o3-mini"].map(Value.string)),
    ("num_model_requests", .int, [12, 7, 9_000_000_000, 3, 15].map(Value.int)),
  ])
  static let negatives = Fixtures.frame([
    (
      "line_item", .string,
      ["gpt-4o, input", "credit adjustment", "web search", "refund"].map(Value.string)
    ),
    ("amount", .double, [412.5, -120.25, 12.0, -3.5].map(Value.double)),
  ])
  static let nulls = Fixtures.frame([
    ("start_time", .time, Fixtures.times(6)),
    (
      "model", .string,
      [.string("gpt-4o"), .null, .string("gpt-4o"), .string("o1"), .null, .string("o1")]
    ),
    ("num_model_requests", .int, [.int(40), .int(12), .null, .int(30), .null, .int(55)]),
  ])
  static let wideLabels = Fixtures.frame([
    (
      "project_id", .string,
      [
        "proj_データ分析チーム", "proj_客服机器人", "proj_🚀launch", "proj_Größenänderung",
        "proj_an_extremely_long_project_identifier_that_never_ends_2024_07_18",
      ].map(Value.string)
    ),
    ("num_model_requests", .int, [4_210, 2_877, 1_502, 960, 333].map(Value.int)),
  ])

  static let cases: [EdgeCase] = {
    var cases: [EdgeCase] = []
    let frames: [(String, Frame)] = [
      ("empty", empty), ("one-row", oneRow), ("all-zeros", zeros), ("huge-value", huge),
      ("nulls", nulls),
    ]
    for (name, frame) in frames {
      cases.append(EdgeCase(name: "bar-\(name)", frame: frame, spec: ChartSpec(.bar, x: "model")))
      cases.append(
        EdgeCase(name: "line-\(name)", frame: frame, spec: ChartSpec(.line, by: "model")))
      cases.append(EdgeCase(name: "pie-\(name)", frame: frame, spec: ChartSpec(.pie, by: "model")))
      cases.append(
        EdgeCase(name: "spark-\(name)", frame: frame, spec: ChartSpec(.spark, by: "model")))
      cases.append(
        EdgeCase(
          name: "stack-\(name)", frame: frame, spec: ChartSpec(.stack, x: "start_time", by: "model")
        ))
    }
    cases.append(EdgeCase(name: "bar-negatives", frame: negatives, spec: ChartSpec(.bar)))
    cases.append(EdgeCase(name: "pie-negatives", frame: negatives, spec: ChartSpec(.pie)))
    cases.append(EdgeCase(name: "line-negatives", frame: negatives, spec: ChartSpec(.line)))
    cases.append(EdgeCase(name: "bar-wide-labels", frame: wideLabels, spec: ChartSpec(.bar)))
    cases.append(EdgeCase(name: "pie-wide-labels", frame: wideLabels, spec: ChartSpec(.pie)))
    cases.append(
      EdgeCase(
        name: "spark-wide-labels", frame: wideLabels, spec: ChartSpec(.spark, by: "project_id")))
    cases.append(
      EdgeCase(
        name: "bar-wide-labels-width-40", frame: wideLabels, spec: ChartSpec(.bar), width: 40))
    cases.append(EdgeCase(name: "heat-empty", frame: empty, spec: ChartSpec(.heat)))
    cases.append(EdgeCase(name: "heat-one-row", frame: oneRow, spec: ChartSpec(.heat)))
    for kind in ChartSpec.Kind.allCases {
      let (frame, spec) = ChartCase(kind: kind, charset: .unicode, color: false).input
      cases.append(EdgeCase(name: "\(kind.rawValue)-width-40", frame: frame, spec: spec, width: 40))
      cases.append(
        EdgeCase(name: "\(kind.rawValue)-width-200", frame: frame, spec: spec, width: 200))
    }
    return cases
  }()

  @Test("edge cases draw something sensible", arguments: cases)
  func edge(_ edge: EdgeCase) throws {
    let text = try ChartRenderer.render(
      edge.frame, spec: edge.spec, options: RenderOptions(width: edge.width))
    expectFits(text, width: edge.width)
    assertGolden(text, suite: "ChartEdges", named: edge.name)
  }
}
