import USQBasics
import USQFrame

/// Draws a frame as a terminal chart: bar, stack, line, pie, spark or heat.
///
/// The chart fits `min(spec.width, options.width)` display columns and `min(spec.height,
/// options.height)` lines, title and legend included. With `options.color` off, series differ by
/// glyph; with `.ascii`, only ASCII is written.
public enum ChartRenderer {
  /// The chart text, lines joined by `\n`, ending in `\n`.
  ///
  /// - Throws: `ChartError` when a named column is missing or of the wrong type, or no column fits a
  ///   role by default.
  public static func render(_ frame: Frame, spec: ChartSpec, options: RenderOptions)
    throws(ChartError)
    -> String
  {
    let area = ChartArea(spec: spec, options: options)
    let data = ChartData(frame, spec: spec, options: options)
    var body: [String]
    switch spec.kind {
    case .bar: body = try BarChart.draw(data, area: area)
    case .stack: body = try StackChart.draw(data, area: area)
    case .line: body = try LineChart.draw(data, area: area)
    case .pie: body = try PieChart.draw(data, area: area)
    case .spark: body = try SparkChart.draw(data, area: area)
    case .heat: body = try HeatChart.draw(data, area: area)
    }
    let bodyWidth = body.map(ANSIText.width).max() ?? 0
    var lines = area.titleLines(over: bodyWidth) + body
    if let height = area.height, lines.count > height {
      lines = Array(lines.prefix(max(1, height)))
    }
    // The area is at least 10 columns wide; a narrower terminal still gets lines that fit.
    let limit = max(1, min(area.width, options.width))
    return lines.map { ANSIText.mergeRuns(ANSIText.truncate($0, to: limit)) }.joined(
      separator: "\n") + "\n"
  }
}

/// The room a chart has, and its style.
struct ChartArea {
  /// Display columns.
  let width: Int
  /// Lines for everything, title included (nil = unbounded).
  let height: Int?
  let style: Style
  let title: String?
  /// Whether `height=` was given (then charts use all of it rather than their default size).
  let requestedHeight: Bool

  init(spec: ChartSpec, options: RenderOptions) {
    requestedHeight = spec.height != nil
    width = max(10, min(spec.width ?? options.width, options.width))
    switch (spec.height, options.height) {
    case (let a?, let b?): height = max(1, min(a, b))
    case (let a?, nil), (nil, let a?): height = max(1, a)
    case (nil, nil): height = nil
    }
    style = Style(options)
    title = spec.title
  }

  /// The title, centred over the chart's drawn width (`bodyWidth`), never wider than `width`.
  func titleLines(over bodyWidth: Int) -> [String] {
    guard let title, !title.isEmpty else { return [] }
    let text = DisplayWidth.truncate(
      CellText.singleLine(title), to: width, ellipsis: style.ellipsis)
    let span = min(width, max(bodyWidth, DisplayWidth.of(text)))
    return [style.bold(DisplayWidth.center(text, in: span).replacingTrailingSpaces())]
  }

  /// Notes under a chart, dimmed and wrapped between words to the chart's width.
  func noteLines(_ notes: [String]) -> [String] {
    notes.flatMap { DisplayWidth.wrap($0, to: width) }.map(style.dim)
  }

  /// Lines left for the body below the title.
  var bodyHeight: Int? {
    height.map { $0 - (title?.isEmpty == false ? 1 : 0) }
  }
}

extension String {
  func replacingTrailingSpaces() -> String {
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }
}

/// A note in place of a chart: nothing to draw.
func emptyChart(_ message: String, area: ChartArea) -> [String] {
  [area.style.dim("(\(message))")]
}
