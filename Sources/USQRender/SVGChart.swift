import USQBasics
import USQFrame

/// The same charts as `ChartRenderer`, as self-contained SVG for a slide or a report.
///
/// White background, the matplotlib categorical palette, system sans-serif text; sizes in pixels
/// (`spec.width`/`spec.height` are terminal sizes and are not used). Times are labelled in UTC.
public enum SVGChart {
  /// The SVG document, ending in `\n`.
  ///
  /// - Throws: `ChartError`, exactly as `ChartRenderer.render` would for the same frame and spec.
  public static func render(
    _ frame: Frame, spec: ChartSpec, options: RenderOptions = RenderOptions()
  )
    throws(ChartError) -> String
  {
    let data = ChartData(frame, spec: spec, options: options)
    var svg = SVGDocument(title: spec.title)
    switch spec.kind {
    case .bar: try bar(data, &svg)
    case .stack: try stack(data, &svg)
    case .line: try line(data, &svg)
    case .pie: try pie(data, &svg)
    case .spark: try spark(data, &svg)
    case .heat: try heat(data, &svg)
    }
    return svg.finish()
  }

  // MARK: - Bars

  private static func bar(_ data: ChartData, _ svg: inout SVGDocument) throws(ChartError) {
    let x = try data.xName(preferTime: false)
    let ys = try data.yNames(excluding: [x])
    let labels = data.labels(x)
    let series = ys.map { Series(name: $0, values: data.numbers($0)) }
    svg.legend(series.map(\.name))
    let texts = series.map(BarLayout.valueTexts)
    let values = series.flatMap { $0.values.compactMap { $0 } }
    let high = max(0, values.max() ?? 0)
    let low = min(0, values.min() ?? 0)
    let labelWidth = min(260, Double(labels.map(DisplayWidth.of).max() ?? 0) * 7 + 12)
    let plotWidth = SVGDocument.width - labelWidth - 100
    let scale = high > low ? plotWidth / (high - low) : 0
    let zero = labelWidth - low * scale
    for row in labels.indices {
      svg.text(labels[row], x: labelWidth - 8, y: svg.cursor + 15, anchor: "end")
      for (index, one) in series.enumerated() {
        if let value = one.values[row] {
          let start = value < 0 ? zero + value * scale : zero
          svg.rect(
            x: start, y: svg.cursor + 2, width: abs(value) * scale, height: 16,
            fill: SVGDocument.color(index))
          svg.text(
            texts[index][row], x: zero + max(0, value) * scale + 4, y: svg.cursor + 15, size: 11,
            fill: "#444")
        }
        svg.cursor += 20
      }
      svg.cursor += series.count > 1 ? 6 : 2
    }
    svg.line(x1: zero, y1: svg.top, x2: zero, y2: svg.cursor, stroke: "#999")
    svg.cursor += 10
  }

  private static func stack(_ data: ChartData, _ svg: inout SVGDocument) throws(ChartError) {
    guard let by = try data.byName() else { throw .missingBy(.stack) }
    let x = try data.xName(preferTime: false)
    let y = try data.yNames(excluding: [x, by])[0]
    let stacks = StackChart.Stacks(
      categories: data.labels(x), series: data.labels(by), values: data.numbers(y))
    let totals = stacks.sums.map { $0.reduce(0, +) }
    let whole = NumberFormatting.areWhole(stacks.sums.joined())
    let format: (Double) -> String = {
      whole ? NumberFormatting.grouped(Int64($0)) : NumberFormatting.fixed($0, decimals: 2)
    }
    svg.legend(stacks.series.map { "\($0.name) (\(format($0.total)))" })
    let labelWidth = min(260, Double(stacks.categories.map(DisplayWidth.of).max() ?? 0) * 7 + 12)
    let plotWidth = SVGDocument.width - labelWidth - 100
    let high = totals.max() ?? 0
    let scale = high > 0 ? plotWidth / high : 0
    for (row, category) in stacks.categories.enumerated() {
      svg.text(category, x: labelWidth - 8, y: svg.cursor + 17, anchor: "end")
      var start = labelWidth
      for (index, value) in stacks.sums[row].enumerated() where value > 0 {
        svg.rect(
          x: start, y: svg.cursor + 2, width: value * scale, height: 20,
          fill: SVGDocument.color(index))
        start += value * scale
      }
      svg.text(format(totals[row]), x: start + 4, y: svg.cursor + 17, size: 11, fill: "#444")
      svg.cursor += 26
    }
    svg.cursor += 10
  }

  // MARK: - Pie

  private static func pie(_ data: ChartData, _ svg: inout SVGDocument) throws(ChartError) {
    let (slices, total, _) = try PieChart.slices(data)
    let radius = 150.0
    let center = (x: 40 + radius, y: svg.cursor + radius + 10)
    var start = 0.0
    for (index, slice) in slices.enumerated() where total > 0 {
      let end = start + slice.value / total
      svg.sector(
        center: center, radius: radius, from: start, to: end, fill: SVGDocument.color(index))
      start = end
    }
    let whole = NumberFormatting.areWhole(slices.map(\.value))
    var legendY = center.y - Double(slices.count) * 12
    for (index, slice) in slices.enumerated() {
      let percent =
        total > 0 ? NumberFormatting.fixed(slice.value / total * 100, decimals: 1) : "0.0"
      let count =
        whole
        ? NumberFormatting.grouped(Int64(slice.value))
        : NumberFormatting.fixed(slice.value, decimals: 2)
      svg.rect(
        x: 2 * radius + 90, y: legendY - 11, width: 14, height: 14, fill: SVGDocument.color(index))
      svg.text("\(slice.label)  \(percent)%  (\(count))", x: 2 * radius + 112, y: legendY)
      legendY += 24
    }
    svg.cursor = max(center.y + radius + 20, legendY)
  }

  // MARK: - Lines and sparklines

  private static func line(_ data: ChartData, _ svg: inout SVGDocument) throws(ChartError) {
    let x = try data.xName(preferTime: true)
    let by = try data.byName()
    let ys = try data.yNames(excluding: [x, by])
    let axis = XAxisValues(data, x: x)
    let series = Array(
      LineChart.lineSeries(data, by: by, ys: ys, positions: axis.positions).prefix(
        LineChart.maxSeries))
    svg.legend(series.map(\.name))
    let points = series.flatMap(\.points)
    let yRange = AxisTicks.range(
      low: min(0, points.map(\.y).min() ?? 0), high: points.map(\.y).max() ?? 1, intervals: 5)
    let plot = (left: 70.0, top: svg.cursor + 10, width: SVGDocument.width - 100, height: 300.0)
    let xLow = points.map(\.x).min() ?? 0
    let xHigh = points.map(\.x).max() ?? 0
    func px(_ value: Double) -> Double {
      plot.left + (xHigh > xLow ? (value - xLow) / (xHigh - xLow) : 0.5) * plot.width
    }
    func py(_ value: Double) -> Double {
      plot.top + (yRange.high - value) / (yRange.high - yRange.low) * plot.height
    }
    for tick in stride(from: yRange.low, through: yRange.high + yRange.step / 2, by: yRange.step) {
      svg.line(
        x1: plot.left, y1: py(tick), x2: plot.left + plot.width, y2: py(tick), stroke: "#e6e6e6")
      svg.text(
        NumberFormatting.compact(tick), x: plot.left - 8, y: py(tick) + 4, anchor: "end", size: 11,
        fill: "#555")
    }
    for (position, label) in axis.ticks(low: xLow, high: xHigh, columns: Int(plot.width / 7)) {
      svg.line(
        x1: px(position), y1: plot.top + plot.height, x2: px(position),
        y2: plot.top + plot.height + 5, stroke: "#999")
      svg.text(
        label, x: px(position), y: plot.top + plot.height + 20, anchor: "middle", size: 11,
        fill: "#555")
    }
    svg.line(
      x1: plot.left, y1: plot.top + plot.height, x2: plot.left + plot.width,
      y2: plot.top + plot.height, stroke: "#999")
    for (index, one) in series.enumerated().reversed() {
      svg.polyline(
        one.points.map { (px($0.x), py($0.y)) }, stroke: SVGDocument.color(index), width: 2)
    }
    svg.cursor = plot.top + plot.height + 40
  }

  private static func spark(_ data: ChartData, _ svg: inout SVGDocument) throws(ChartError) {
    let x = try data.xName(preferTime: true)
    let by = try data.byName()
    let y = try data.yNames(excluding: [x, by])[0]
    let series = SparkChart.sparkSeries(data, y: y, by: by, axis: XAxisValues(data, x: x))
    let labelWidth = min(260, Double(series.map { DisplayWidth.of($0.name) }.max() ?? 0) * 7 + 12)
    svg.text("min · max · last", x: labelWidth + 330, y: svg.cursor + 12, size: 11, fill: "#777")
    svg.cursor += 18
    for (index, one) in series.enumerated() {
      let present = one.values.compactMap { $0 }
      let low = present.min() ?? 0
      let high = present.max() ?? 0
      let step = one.values.count > 1 ? 300 / Double(one.values.count - 1) : 0
      let points = one.values.enumerated().compactMap { offset, value in
        value.map {
          (
            labelWidth + Double(offset) * step,
            svg.cursor + 24 - (high > low ? ($0 - low) / (high - low) : 0.5) * 20
          )
        }
      }
      svg.text(one.name, x: labelWidth - 8, y: svg.cursor + 18, anchor: "end")
      svg.polyline(points, stroke: SVGDocument.color(index), width: 1.5)
      let stats = BarLayout.valueTexts(
        Series(
          name: "",
          values: [present.min(), present.max(), one.values.last(where: { $0 != nil }) ?? nil]))
      svg.text(
        stats.joined(separator: " · "), x: labelWidth + 330, y: svg.cursor + 18, size: 11,
        fill: "#444")
      svg.cursor += 30
    }
  }

  // MARK: - Heatmap

  private static func heat(_ data: ChartData, _ svg: inout SVGDocument) throws(ChartError) {
    let (x, times) = try HeatChart.timeColumn(data)
    let (grid, y) = try HeatChart.grid(data, x: x, times: times)
    let left = 90.0
    let cell = (width: 26.0, height: 18.0)
    for hour in 0..<24 {
      svg.text(
        String(hour), x: left + (Double(hour) + 0.5) * cell.width, y: svg.cursor + 12,
        anchor: "middle", size: 10, fill: "#555")
    }
    svg.cursor += 18
    for day in grid.cells.indices {
      svg.text(grid.label(day), x: left - 8, y: svg.cursor + 13, anchor: "end", size: 11)
      for hour in 0..<24 {
        guard let value = grid.cells[day][hour] else { continue }
        let fill =
          value > 0 && grid.maximum > 0 ? SVGDocument.heatColor(value / grid.maximum) : "#f0f0f0"
        svg.rect(
          x: left + Double(hour) * cell.width, y: svg.cursor, width: cell.width - 2,
          height: cell.height - 2, fill: fill)
      }
      svg.cursor += cell.height
    }
    svg.cursor += 12
    for step in 0...4 {
      let fraction = Double(step) / 4
      svg.rect(
        x: left + Double(step) * 90, y: svg.cursor, width: 14, height: 14,
        fill: step == 0 ? "#f0f0f0" : SVGDocument.heatColor(fraction))
      svg.text(
        step == 0 ? "0" : "≤ " + NumberFormatting.compact(grid.maximum * fraction),
        x: left + Double(step) * 90 + 20, y: svg.cursor + 12, size: 11, fill: "#444")
    }
    svg.text("\(y) per hour", x: left + 460, y: svg.cursor + 12, size: 11, fill: "#777")
    svg.cursor += 30
  }
}
