import USQBasics

/// The axes, canvas and legend of a line chart.
struct LinePlot {
  let series: [LineChart.PointSeries]
  let axis: XAxisValues
  let area: ChartArea
  let showLegend: Bool

  /// The y range with round ticks, and each tick's label.
  private struct YAxis {
    let low: Double
    let high: Double
    let ticks: [Double]
    let labels: [String]
    var labelWidth: Int { labels.map(DisplayWidth.of).max() ?? 1 }

    init(points: [(x: Double, y: Double)], rows: Int) {
      let range = AxisTicks.range(
        low: min(0, points.map(\.y).min() ?? 0), high: points.map(\.y).max() ?? 1,
        intervals: max(1, min(5, rows / 3)), integral: points.allSatisfy { $0.y == $0.y.rounded() })
      low = range.low
      high = range.high
      ticks = stride(from: range.low, through: range.high + range.step / 2, by: range.step).map {
        $0
      }
      labels = ticks.map(NumberFormatting.compact)
    }
  }

  func lines() -> [String] {
    let style = area.style
    let legend = showLegend ? legendItems() : []
    let plotRows = rowsAvailable(legendLines: legend.count)
    let all = series.flatMap(\.points)
    let yAxis = YAxis(points: all, rows: plotRows)
    let columns = max(2, area.width - yAxis.labelWidth - 1)
    let xRange = (low: all.map(\.x).min() ?? 0, high: all.map(\.x).max() ?? 0)
    let canvas = drawSeries(columns: columns, rows: plotRows, x: xRange, y: yAxis)
    // Which row each tick label sits on.
    var tickRow: [Int: String] = [:]
    for (tick, label) in zip(yAxis.ticks, yAxis.labels) {
      let fraction = (yAxis.high - tick) / (yAxis.high - yAxis.low)
      let dotY = fraction * Double(canvas.dotHeight - 1)
      let row = Int(saturating: (dotY / Double(canvas.dotHeight) * Double(plotRows)).rounded(.down))
      tickRow[min(plotRows - 1, max(0, row))] = label
    }
    var lines: [String] = []
    for row in 0..<plotRows {
      let label = DisplayWidth.pad(tickRow[row] ?? "", to: yAxis.labelWidth, right: true)
      let edge = tickRow[row] != nil ? (style.isUnicode ? "┤" : "+") : (style.isUnicode ? "│" : "|")
      lines.append(
        (style.dim(label + edge) + canvas.line(row, style: style)).replacingTrailingSpaces())
    }
    lines += xAxis(
      low: xRange.low, high: xRange.high, columns: columns, labelWidth: yAxis.labelWidth)
    return lines + legend
  }

  /// Braille when each series can be told apart (colour, or only one); markers otherwise.
  private var usesBraille: Bool { area.style.isUnicode && (area.style.color || series.count == 1) }

  /// Every series drawn on a canvas, the largest last (on top).
  private func drawSeries(
    columns: Int, rows: Int, x: (low: Double, high: Double), y: YAxis
  ) -> any Canvas {
    var canvas: any Canvas =
      usesBraille
      ? BrailleCanvas(columns: columns, rows: rows) : GlyphCanvas(columns: columns, rows: rows)
    let width = Double(canvas.dotWidth - 1)
    let height = Double(canvas.dotHeight - 1)
    func dot(_ point: (x: Double, y: Double)) -> (Double, Double) {
      let fx = x.high > x.low ? (point.x - x.low) / (x.high - x.low) : 0.5
      return (fx * width, (y.high - point.y) / (y.high - y.low) * height)
    }
    // Each run is drawn on its own: a null value leaves a gap, never a line across it.
    for (index, one) in series.enumerated().reversed() {
      let dots = one.points.map(dot)
      for run in one.runs {
        if run.count == 1 { drawPoint(&canvas, at: dots[run.lowerBound], series: index) }
        for offset in run.dropLast() {
          let (from, to) = (dots[offset], dots[offset + 1])
          let dotted = one.isDotted(offset)
          if usesBraille {
            canvas.drawLine(from: from, to: to, series: index, dotted: dotted)
          } else {
            drawCellLine(&canvas, from: from, to: to, series: index, dotted: dotted)
          }
        }
      }
    }
    return canvas
  }

  /// Plot rows: the body height less axis and legend when a height is set, else 12 (at least 2).
  private func rowsAvailable(legendLines: Int) -> Int {
    guard let height = area.bodyHeight else { return 12 }
    let room = height - 2 - legendLines
    return max(2, area.requestedHeight ? room : min(12, room))
  }

  /// A lone point: a 2×2 block of dots on Braille (one dot is hard to see), one marker otherwise.
  private func drawPoint(_ canvas: inout any Canvas, at dot: (Double, Double), series: Int) {
    let x = Int(saturating: dot.0.rounded())
    let y = Int(saturating: dot.1.rounded())
    canvas.set(x: x, y: y, series: series)
    guard canvas is BrailleCanvas else { return }
    let dx = x + 1 < canvas.dotWidth ? 1 : -1
    let dy = y + 1 < canvas.dotHeight ? 1 : -1
    canvas.set(x: x + dx, y: y, series: series)
    canvas.set(x: x, y: y + dy, series: series)
    canvas.set(x: x + dx, y: y + dy, series: series)
  }

  /// On a glyph canvas: one marker per column between two points, at the interpolated row.
  private func drawCellLine(
    _ canvas: inout any Canvas, from start: (Double, Double), to end: (Double, Double), series: Int,
    dotted: Bool
  ) {
    let x0 = Int(saturating: start.0.rounded())
    let x1 = min(x0 + 100_000, Int(saturating: end.0.rounded()))
    guard x1 > x0 else {
      canvas.set(x: x0, y: Int(saturating: start.1.rounded()), series: series)
      return
    }
    // Dotted: every other column, the two ends always drawn.
    for x in x0...x1 where !dotted || (x - x0) % 2 == 0 || x == x1 {
      let t = Double(x - x0) / Double(x1 - x0)
      canvas.set(
        x: x, y: Int(saturating: (start.1 + (end.1 - start.1) * t).rounded()), series: series)
    }
  }

  private func xAxis(low: Double, high: Double, columns: Int, labelWidth: Int) -> [String] {
    let style = area.style
    var rule = Array(repeating: style.isUnicode ? "─" : "-", count: columns)
    var labels = Array(repeating: " ", count: columns)
    var nextFree = 0
    for (position, text) in axis.ticks(low: low, high: high, columns: columns) {
      let fraction = high > low ? (position - low) / (high - low) : 0.5
      let column = Int(saturating: (fraction * Double(columns - 1)).rounded())
      let width = DisplayWidth.of(text)
      guard width <= columns else { continue }
      let start = min(max(0, column - width / 2), columns - width)
      guard start >= nextFree else { continue }
      rule[column] = style.isUnicode ? "┬" : "+"
      labels[start] = text
      for filler in (start + 1)..<(start + width) { labels[filler] = "" }
      nextFree = start + width + 2
    }
    let pad = String(repeating: " ", count: labelWidth)
    let corner = style.isUnicode ? "└" : "+"
    return [
      style.dim(pad + corner + rule.joined()),
      (pad + " " + labels.joined()).replacingTrailingSpaces(),
    ]
  }

  private func legendItems() -> [String] {
    let style = area.style
    let items = series.enumerated().map { index, one in
      let mark = usesBraille ? "──" : style.seriesMark(index)
      return style.series(mark, index) + " " + one.name
    }
    return packLegend(items, width: area.width)
  }
}
