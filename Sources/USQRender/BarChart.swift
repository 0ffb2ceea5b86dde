import USQBasics

/// Horizontal bars, one per row, with value labels and eighth-block precision; several `y` columns
/// give grouped bars (one line per series under each label) with a legend.
///
/// ```
/// 2026-03-01 │████████████████▍ 310,000
///            │████▏ 77,500
/// ```
enum BarChart {
  static func draw(_ data: ChartData, area: ChartArea) throws(ChartError) -> [String] {
    let x = try data.xName(preferTime: false)
    let ys = try data.yNames(excluding: [x])
    guard data.frame.rowCount > 0 else { return emptyChart("no rows", area: area) }
    let series = ys.map { Series(name: $0, values: data.numbers($0)) }
    // No label column: row numbers, or for a lone row (a total) the value's name.
    var (labels, marks, notes) = data.markedLabels(
      x: x, drawn: area.style.partialBarWord, onePerRow: true)
    if x == nil && data.frame.rowCount == 1 && ys.count == 1 { labels = ys }
    let isTime = data.times(x) != nil
    var layout = BarLayout(labels: labels, series: series, area: area)
    layout.keepsLast = isTime
    layout.partialRows = marks.rows
    let noteLines = area.noteLines(notes)
    layout.reservedLines = noteLines.count
    if let x, ys.count == 1 { layout.header = (data.labelColumn(x), ys[0]) }
    return layout.lines() + noteLines
  }
}

/// Label, axis, bar and value columns of a bar chart, and the scale that maps values to cells.
struct BarLayout {
  let labels: [String]
  let series: [Series]
  let area: ChartArea
  let valueTexts: [[String]]
  let labelWidth: Int
  let barCells: Int
  let negativeCells: Int
  let scale: Double
  /// When the rows do not fit the height, show the last ones (the most recent, for time).
  var keepsLast = false
  /// Lines the caller adds below the bars.
  var reservedLines = 0
  /// Rows drawn lighter (colour) or hatched: partial, in-progress or projected buckets.
  var partialRows: Set<Int> = []
  /// Names over the labels and the bars (one series; several get a legend instead).
  var header: (label: String, value: String)?

  init(labels: [String], series: [Series], area: ChartArea) {
    self.labels = labels
    self.series = series
    self.area = area
    valueTexts = series.map(BarLayout.valueTexts)
    let valueWidth = valueTexts.joined().map(DisplayWidth.of).max() ?? 1
    let longest = labels.map(DisplayWidth.of).max() ?? 0
    labelWidth = min(
      longest, max(6, min(area.width / 2, area.width - valueWidth - 3 - max(10, area.width / 3))))
    barCells = max(1, area.width - labelWidth - 3 - valueWidth)
    let values = series.flatMap { $0.values.compactMap { $0 } }
    let high = max(0, values.max() ?? 0)
    let low = min(0, values.min() ?? 0)
    let span = high - low
    negativeCells =
      span > 0 && low < 0 ? Int(saturating: (Double(barCells) * -low / span).rounded()) : 0
    scale = span > 0 ? Double(barCells) / span : 0
  }

  /// Value labels of one series: integers in full, others with the decimals the series needs.
  static func valueTexts(_ series: Series) -> [String] {
    let present = series.values.compactMap { $0 }
    let whole = present.allSatisfy { $0 == $0.rounded() && $0.magnitude < 1e15 }
    let decimals = whole ? 0 : min(2, NumberFormatting.decimals(for: present))
    return series.values.map { value in
      guard let value else { return "(null)" }
      return whole
        ? NumberFormatting.grouped(Int64(value)) : NumberFormatting.fixed(value, decimals: decimals)
    }
  }

  func lines() -> [String] {
    var lines = series.count > 1 ? legend() : []
    if let header, series.count == 1 {
      // A label column too narrow for even part of its name shows none rather than `…`.
      let label =
        labelWidth < 4 && DisplayWidth.of(header.label) > labelWidth
        ? "" : DisplayWidth.truncate(header.label, to: labelWidth, ellipsis: area.style.ellipsis)
      let text = DisplayWidth.pad(label, to: labelWidth) + "  " + header.value
      lines.append(
        area.style.dim(DisplayWidth.truncate(text, to: area.width, ellipsis: area.style.ellipsis)))
    }
    let perRow = series.count
    var rows = labels.count
    if let height = area.bodyHeight, lines.count + rows * perRow + reservedLines > height {
      rows = max(0, (height - lines.count - 1 - reservedLines) / perRow)
    }
    let hidden = labels.count - rows
    if hidden > 0 && keepsLast {
      let count = NumberFormatting.grouped(Int64(hidden))
      lines.append(area.style.dim("\(area.style.moreRows) \(count) earlier rows not shown"))
    }
    for row in (keepsLast ? hidden : 0)..<(keepsLast ? labels.count : rows) {
      for (index, one) in series.enumerated() {
        let label =
          index == 0
          ? DisplayWidth.truncate(labels[row], to: labelWidth, ellipsis: area.style.ellipsis) : ""
        lines.append(
          line(
            label: label, value: one.values[row], text: valueTexts[index][row], series: index,
            isPartial: partialRows.contains(row)))
      }
    }
    if hidden > 0 && !keepsLast {
      lines.append(
        area.style.dim(
          "\(area.style.moreRows) \(NumberFormatting.grouped(Int64(labels.count - rows))) more rows"
        ))
    }
    return lines
  }

  private func line(
    label: String, value: Double?, text: String, series index: Int, isPartial: Bool
  ) -> String {
    let style = area.style
    func paint(_ text: String, _ index: Int) -> String {
      isPartial ? style.lighter(text, index) : style.series(text, index)
    }
    let axis = style.dim(style.isUnicode ? "│" : "|")
    var negative = String(repeating: " ", count: negativeCells)
    var positive = ""
    if let value, value < 0 {
      let cells = min(negativeCells, max(1, Int(saturating: (-value * scale).rounded())))
      let glyph = isPartial && !style.color ? style.hatch(index) : style.seriesFill(index)
      negative =
        String(repeating: " ", count: negativeCells - cells)
        + paint(String(repeating: glyph, count: cells), index)
    } else if let value {
      positive = paint(bar(value * scale, series: index, isPartial: isPartial), index)
    }
    let padded = DisplayWidth.pad(label, to: labelWidth)
    return (padded + " " + negative + axis + positive + " " + text)
  }

  /// A bar `cells` long: eighth blocks for the first series in Unicode (every series with colour),
  /// whole cells of the series glyph otherwise.
  func bar(_ cells: Double, series index: Int, isPartial: Bool = false) -> String {
    let style = area.style
    if isPartial && !style.color {
      let whole = cells > 0 ? max(1, Int(saturating: cells.rounded())) : 0
      return String(repeating: style.hatch(index), count: whole)
    }
    if style.isUnicode && (style.color || index == 0) {
      // A value above zero always shows: at least one eighth.
      let eighths = cells > 0 ? max(1, Int(saturating: (cells * 8).rounded())) : 0
      return String(repeating: "█", count: eighths / 8) + Style.eighths[eighths % 8]
    }
    let whole = cells > 0 ? max(1, Int(saturating: cells.rounded())) : 0
    return String(repeating: style.seriesFill(index), count: whole)
  }

  private func legend() -> [String] {
    let items = series.enumerated().map { index, one in
      area.style.swatch(index) + " " + one.name
    }
    return packLegend(items, width: area.width)
  }
}

/// Legend items packed into lines of at most `width` visible columns, two spaces apart.
func packLegend(_ items: [String], width: Int) -> [String] {
  var lines: [String] = []
  var current = ""
  for item in items {
    if current.isEmpty {
      current = item
    } else if ANSIText.width(current) + 2 + ANSIText.width(item) <= width {
      current += "  " + item
    } else {
      lines.append(current)
      current = item
    }
  }
  if !current.isEmpty { lines.append(current) }
  return lines
}
