import USQBasics

/// Stacked horizontal bars: one bar per `x` value, one segment per `by` value (summed when a pair
/// repeats), the total after each bar, and a legend with each series' total, largest first.
///
/// Segments are whole cells whose boundaries are rounded from the running total, so the bar's
/// length is exact and no segment drifts. More than ten series: the smallest fold into `other`.
enum StackChart {
  static let maxSeries = 10

  static func draw(_ data: ChartData, area: ChartArea) throws(ChartError) -> [String] {
    guard let by = try data.byName() else { throw .missingBy(.stack) }
    let x = try data.xName(preferTime: false)
    let y = try data.yNames(excluding: [x, by])[0]
    guard data.frame.rowCount > 0 else { return emptyChart("no rows", area: area) }
    let (categories, marks, notes) = data.markedLabels(x: x, drawn: area.style.partialStackWord)
    let stacks = Stacks(categories: categories, series: data.labels(by), values: data.numbers(y))
    let lighter = Set(marks.rows.map { categories[$0] })
    return lines(
      stacks, area: area,
      header: x.map { (data.labelColumn($0), "\(y) by \(data.labelColumn(by))") }, lighter: lighter)
      + area.noteLines(notes)
  }

  /// Sums per (category, series); series sorted by total, largest first, folded past `maxSeries`.
  struct Stacks {
    var categories: [String] = []
    var series: [(name: String, total: Double)] = []
    /// sums[category][series]
    var sums: [[Double]] = []

    init(categories labels: [String], series keys: [String], values: [Double?]) {
      var categoryIndex: [String: Int] = [:]
      var seriesTotals: [String: Double] = [:]
      var seriesOrder: [String] = []
      for row in labels.indices {
        if categoryIndex[labels[row]] == nil {
          categoryIndex[labels[row]] = categories.count
          categories.append(labels[row])
        }
        if seriesTotals[keys[row]] == nil { seriesOrder.append(keys[row]) }
        seriesTotals[keys[row], default: 0] += max(0, values[row] ?? 0)
      }
      var ordered = seriesOrder.enumerated().sorted { lhs, rhs in
        let (a, b) = (seriesTotals[lhs.element] ?? 0, seriesTotals[rhs.element] ?? 0)
        return a != b ? a > b : lhs.offset < rhs.offset
      }.map(\.element)
      var fold: Set<String> = []
      if ordered.count > maxSeries {
        fold = Set(ordered[(maxSeries - 1)...])
        let folded = ordered.count - maxSeries + 1
        ordered = Array(ordered.prefix(maxSeries - 1)) + ["other (\(folded) series)"]
      }
      let seriesIndex = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
      sums = Array(repeating: Array(repeating: 0, count: ordered.count), count: categories.count)
      for row in labels.indices {
        let key = fold.contains(keys[row]) ? ordered[ordered.count - 1] : keys[row]
        guard let c = categoryIndex[labels[row]], let s = seriesIndex[key] else { continue }
        sums[c][s] += max(0, values[row] ?? 0)
      }
      series = ordered.enumerated().map { index, name in
        (name, sums.reduce(0) { $0 + $1[index] })
      }
    }
  }

  /// - Parameter lighter: categories drawn lighter (partial or projected buckets).
  static func lines(
    _ stacks: Stacks, area: ChartArea, header: (String, String)? = nil, lighter: Set<String> = []
  ) -> [String] {
    let style = area.style
    let totals = stacks.sums.map { $0.reduce(0, +) }
    let whole = NumberFormatting.areWhole(stacks.sums.joined())
    let format: (Double) -> String = {
      whole ? NumberFormatting.grouped(Int64($0)) : NumberFormatting.fixed($0, decimals: 2)
    }
    let totalTexts = totals.map(format)
    let valueWidth = totalTexts.map(DisplayWidth.of).max() ?? 1
    let labelWidth = min(
      stacks.categories.map(DisplayWidth.of).max() ?? 0,
      max(6, min(area.width / 2, area.width - valueWidth - 3 - max(10, area.width / 3))))
    let cells = max(1, area.width - labelWidth - 3 - valueWidth)
    let high = totals.max() ?? 0
    let legend = legendLines(stacks, format: format, area: area)
    var lines: [String] = []
    if let header {
      let label = DisplayWidth.truncate(header.0, to: labelWidth, ellipsis: style.ellipsis)
      let text = DisplayWidth.pad(label, to: labelWidth) + "  " + header.1
      lines.append(style.dim(DisplayWidth.truncate(text, to: area.width, ellipsis: style.ellipsis)))
    }
    var rows = stacks.categories.count
    if let height = area.bodyHeight, lines.count + rows + legend.count + 1 > height {
      rows = max(0, height - lines.count - legend.count - 2)
    }
    for category in 0..<rows {
      let label = DisplayWidth.truncate(
        stacks.categories[category], to: labelWidth, ellipsis: style.ellipsis)
      var bar = ""
      var running = 0.0
      var drawn = 0
      for (index, value) in stacks.sums[category].enumerated() where value > 0 {
        running += value
        let end =
          high > 0 ? max(drawn, Int(saturating: (running / high * Double(cells)).rounded())) : 0
        let isLighter = lighter.contains(stacks.categories[category])
        // Without colour a partial bar keeps each series' glyph on every other cell only.
        let cells = (drawn..<end).map { cell in
          isLighter && !style.color && cell % 2 == 1 ? style.gap : style.seriesFill(index)
        }.joined()
        bar += isLighter ? style.lighter(cells, index) : style.series(cells, index)
        drawn = end
      }
      let axis = style.dim(style.isUnicode ? "│" : "|")
      lines.append(
        DisplayWidth.pad(label, to: labelWidth) + " " + axis + bar + " " + totalTexts[category])
    }
    if rows < stacks.categories.count {
      lines.append(style.dim("\(style.moreRows) \(stacks.categories.count - rows) more bars"))
    }
    return lines + [""] + legend
  }

  /// One line per series: swatch, name, total, largest first (names cut to fit).
  static func legendLines(_ stacks: Stacks, format: (Double) -> String, area: ChartArea) -> [String]
  {
    let totals = stacks.series.map { format($0.total) }
    let totalWidth = totals.map(DisplayWidth.of).max() ?? 0
    let nameRoom = max(4, area.width - 3 - 2 - totalWidth)
    let nameWidth = min(stacks.series.map { DisplayWidth.of($0.name) }.max() ?? 0, nameRoom)
    return stacks.series.enumerated().map { index, one in
      let name = DisplayWidth.truncate(one.name, to: nameWidth, ellipsis: area.style.ellipsis)
      return area.style.swatch(index) + " " + DisplayWidth.pad(name, to: nameWidth) + "  "
        + DisplayWidth.pad(totals[index], to: totalWidth, right: true)
    }
  }
}
