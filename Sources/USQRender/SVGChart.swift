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
    var (labels, marks, notes) = data.markedLabels(x: x, drawn: "lighter", onePerRow: true)
    if x == nil && data.frame.rowCount == 1 && ys.count == 1 { labels = ys }
    let series = ys.map { Series(name: $0, values: data.numbers($0)) }
    // As in the terminal: one series is named by the header over the bars, several by a legend.
    if series.count > 1 { svg.legend(series.map(\.name)) }
    let texts = series.map(BarLayout.valueTexts)
    let values = series.flatMap { $0.values.compactMap { $0 } }
    let high = max(0, values.max() ?? 0)
    let low = min(0, values.min() ?? 0)
    let labelWidth = min(260, Double(labels.map(DisplayWidth.of).max() ?? 0) * 7 + 12)
    let plotWidth = SVGDocument.width - labelWidth - 100
    let scale = high > low ? plotWidth / (high - low) : 0
    let zero = labelWidth - low * scale
    if let x, ys.count == 1 {
      svg.text(
        data.labelColumn(x), x: labelWidth - 8, y: svg.cursor + 12, anchor: "end", size: 11,
        fill: "#777")
      svg.text(ys[0], x: zero + 4, y: svg.cursor + 12, size: 11, fill: "#777")
      svg.cursor += 18
    }
    let axisTop = svg.cursor
    for row in labels.indices {
      svg.text(labels[row], x: labelWidth - 8, y: svg.cursor + 15, anchor: "end")
      for (index, one) in series.enumerated() {
        if let value = one.values[row] {
          let start = value < 0 ? zero + value * scale : zero
          svg.rect(
            x: start, y: svg.cursor + 2, width: abs(value) * scale, height: 16,
            fill: SVGDocument.color(index), isPartial: marks.isMarked(row))
          svg.text(
            texts[index][row], x: zero + max(0, value) * scale + 4, y: svg.cursor + 15, size: 11,
            fill: "#444")
        }
        svg.cursor += 20
      }
      svg.cursor += series.count > 1 ? 6 : 2
    }
    svg.line(x1: zero, y1: axisTop, x2: zero, y2: svg.cursor, stroke: "#999")
    svg.cursor += 10
    svg.notes(notes, sample: .lightBar)
  }

  private static func stack(_ data: ChartData, _ svg: inout SVGDocument) throws(ChartError) {
    guard let by = try data.byName() else { throw .missingBy(.stack) }
    let x = try data.xName(preferTime: false)
    let y = try data.yNames(excluding: [x, by])[0]
    let (categories, marks, notes) = data.markedLabels(x: x, drawn: "lighter")
    let stacks = StackChart.Stacks(
      categories: categories, series: data.labels(by), values: data.numbers(y))
    let lighter = Set(marks.rows.map { categories[$0] })
    let format = StackChart.formatter(stacks)
    svg.legend(stacks.series.map { "\($0.name) (\(format($0.total)))" })
    let labelWidth = min(260, Double(stacks.categories.map(DisplayWidth.of).max() ?? 0) * 7 + 12)
    // Positive segments grow right of the zero line, negative ones left of it, on one scale.
    let high = stacks.sums.map { $0.filter { $0 > 0 }.reduce(0, +) }.max() ?? 0
    let low = stacks.sums.map { $0.filter { $0 < 0 }.reduce(0, +) }.min() ?? 0
    let scale = high > low ? (SVGDocument.width - labelWidth - 100) / (high - low) : 0
    let zero = labelWidth - low * scale
    if let x {
      // The terminal's header: the category column, then what the segments are.
      svg.text(
        data.labelColumn(x), x: labelWidth - 8, y: svg.cursor + 12, anchor: "end", size: 11,
        fill: "#777")
      svg.text(
        "\(y) by \(data.labelColumn(by))", x: labelWidth, y: svg.cursor + 12, size: 11,
        fill: "#777")
      svg.cursor += 18
    }
    let top = svg.cursor
    for (row, category) in stacks.categories.enumerated() {
      svg.text(category, x: labelWidth - 8, y: svg.cursor + 17, anchor: "end")
      var right = zero
      var left = zero
      for (index, value) in stacks.sums[row].enumerated() where value != 0 {
        let width = value.magnitude * scale
        if value < 0 { left -= width }
        svg.rect(
          x: value < 0 ? left : right, y: svg.cursor + 2, width: width, height: 20,
          fill: SVGDocument.color(index), isPartial: lighter.contains(category))
        if value > 0 { right += width }
      }
      svg.text(
        format(stacks.sums[row].reduce(0, +)), x: right + 4, y: svg.cursor + 17, size: 11,
        fill: "#444")
      svg.cursor += 26
    }
    if low < 0 { svg.line(x1: zero, y1: top, x2: zero, y2: svg.cursor, stroke: "#999") }
    svg.cursor += 10
    svg.notes(notes, sample: .lightBar)
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
    let longest = Double(slices.map { DisplayWidth.of($0.label) }.max() ?? 0)
    let percentRight = min(2 * radius + 112 + longest * 7.2 + 56, SVGDocument.width - 110)
    for (index, slice) in slices.enumerated() {
      let percent =
        total > 0 ? NumberFormatting.fixed(slice.value / total * 100, decimals: 1) : "0.0"
      let count =
        whole
        ? NumberFormatting.grouped(Int64(slice.value))
        : NumberFormatting.fixed(slice.value, decimals: 2)
      svg.rect(
        x: 2 * radius + 90, y: legendY - 11, width: 14, height: 14, fill: SVGDocument.color(index))
      // Label, percent and count in columns, as the terminal's legend aligns them.
      svg.text(slice.label, x: 2 * radius + 112, y: legendY)
      svg.text("\(percent)%", x: percentRight, y: legendY, anchor: "end")
      svg.text("(\(count))", x: percentRight + 100, y: legendY, anchor: "end", fill: "#555")
      legendY += 24
    }
    svg.cursor = max(center.y + radius + 20, legendY)
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
          height: cell.height - 2, fill: fill, isPartial: grid.partial.contains(day * 24 + hour))
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
    svg.notes([grid.partialNote].compactMap { $0 }, sample: .lightBar)
  }
}
