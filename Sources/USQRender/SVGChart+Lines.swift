import USQBasics
import USQFrame

/// Line charts and sparklines as SVG: partial and projected stretches dashed, with the note that
/// says why.
extension SVGChart {
  static func line(_ data: ChartData, _ svg: inout SVGDocument) throws(ChartError) {
    let x = try data.xName(preferTime: true)
    let by = try data.byName()
    let ys = try data.yNames(excluding: [x, by])
    let axis = XAxisValues(data, x: x)
    let series = Array(
      LineChart.lineSeries(
        data, by: by, ys: ys, positions: axis.positions, marks: data.marks(x: x)
      ).prefix(LineChart.maxSeries))
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
    // One polyline per run: a null value leaves a gap.
    for (index, one) in series.enumerated().reversed() {
      for run in one.runs {
        svg.polyline(
          one.points[run].map { (px($0.x), py($0.y)) }, stroke: SVGDocument.color(index),
          width: 2, dotted: { one.isDotted(run.lowerBound + $0) })
      }
    }
    if ys.count == 1 {
      svg.text(ys[0], x: 12, y: plot.top - 8, size: 11, fill: "#777")
    }
    if let x {
      svg.text(
        x, x: plot.left + plot.width, y: plot.top + plot.height + 36, anchor: "end", size: 11,
        fill: "#777")
    }
    svg.cursor = plot.top + plot.height + 46
    svg.notes(
      data.markedLabels(x: x, drawn: "dotted", starred: false).notes, sample: .dashedLine)
  }

  static func spark(_ data: ChartData, _ svg: inout SVGDocument) throws(ChartError) {
    let x = try data.xName(preferTime: true)
    let by = try data.byName()
    let y = try data.yNames(excluding: [x, by])[0]
    let axis = XAxisValues(data, x: x)
    let series = SparkChart.sparkSeries(data, y: y, by: by, axis: axis, marks: data.marks(x: x))
    let labelWidth = min(260, Double(series.map { DisplayWidth.of($0.name) }.max() ?? 0) * 7 + 12)
    // The terminal's header: the series column, the time range, the statistics.
    let range = SparkChart.trendHeaders(data, axis: axis, style: Style(data.options))[0]
    svg.text(by ?? y, x: labelWidth - 8, y: svg.cursor + 12, anchor: "end", size: 11, fill: "#777")
    svg.text(range, x: labelWidth, y: svg.cursor + 12, size: 11, fill: "#777")
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
      // A null value leaves a gap: each run of present values is its own polyline.
      let kept = one.values.indices.filter { one.values[$0] != nil }
      var start = 0
      for end in kept.indices where end == kept.count - 1 || kept[end + 1] != kept[end] + 1 {
        let run = start..<(end + 1)
        svg.polyline(
          Array(points[run]), stroke: SVGDocument.color(index), width: 1.5,
          dotted: { offset in
            let (a, b) = (kept[run.lowerBound + offset], kept[run.lowerBound + offset + 1])
            return one.marked.isEmpty ? false : one.marked[a] || one.marked[b]
          })
        start = end + 1
      }
      let stats = SparkChart.statTexts([one], compact: false)[0]
      svg.text(
        stats.joined(separator: " · "), x: labelWidth + 330, y: svg.cursor + 18, size: 11,
        fill: "#444")
      svg.cursor += 30
    }
    svg.notes(SparkChart.statNote(series, data: data, x: x), sample: .dashedLine)
  }
}
