import USQBasics

/// Stacked horizontal bars: one bar per `x` value, one segment per `by` value (summed when a pair
/// repeats), the total after each bar, and a legend with each series' total, largest first.
///
/// Segments are whole cells whose boundaries are rounded from the running total, so the bar's
/// length is exact and no segment drifts. Negative values are drawn as they are: their segments
/// grow left of the zero axis (positive ones right of it), the total after the bar is the net sum
/// and the legend shows each series' signed total. More than ten series: the smallest (by the
/// size of their segments) fold into `other`.
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

  // MARK: - Sums

  /// Signed sums per (category, series); series sorted by the size of their segments (the sum of
  /// magnitudes), largest first, folded past `maxSeries`.
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
        seriesTotals[keys[row], default: 0] += (values[row] ?? 0).magnitude
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
        sums[c][s] += values[row] ?? 0
      }
      series = ordered.enumerated().map { index, name in
        (name, sums.reduce(0) { $0 + $1[index] })
      }
    }
  }

  // MARK: - Drawing

  /// - Parameter lighter: categories drawn lighter (partial or projected buckets).
  static func lines(
    _ stacks: Stacks, area: ChartArea, header: (String, String)? = nil, lighter: Set<String> = []
  ) -> [String] {
    let style = area.style
    let format = formatter(stacks)
    let totalTexts = stacks.sums.map { format($0.reduce(0, +)) }
    let valueWidth = totalTexts.map(DisplayWidth.of).max() ?? 1
    let labelWidth = min(
      stacks.categories.map(DisplayWidth.of).max() ?? 0,
      max(6, min(area.width / 2, area.width - valueWidth - 3 - max(10, area.width / 3))))
    let scale = Scale(stacks, cells: max(1, area.width - labelWidth - 3 - valueWidth))
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
      let axis = style.dim(style.isUnicode ? "│" : "|")
      let sums = stacks.sums[category]
      let isLighter = lighter.contains(stacks.categories[category])
      lines.append(
        DisplayWidth.pad(label, to: labelWidth) + " "
          + scale.segments(sums, negative: true, style: style, lighter: isLighter) + axis
          + scale.segments(sums, negative: false, style: style, lighter: isLighter) + " "
          + totalTexts[category])
    }
    if rows < stacks.categories.count {
      lines.append(style.dim("\(style.moreRows) \(stacks.categories.count - rows) more bars"))
    }
    return lines + [""] + legend
  }

  /// Whole numbers grouped in full, others with two decimals.
  static func formatter(_ stacks: Stacks) -> (Double) -> String {
    let whole = NumberFormatting.areWhole(stacks.sums.joined())
    return { whole ? NumberFormatting.grouped(Int64($0)) : NumberFormatting.fixed($0, decimals: 2) }
  }

  /// Cells either side of the zero axis: the largest positive stack fills the right part, the
  /// largest negative one the left part, on one scale.
  struct Scale {
    let negativeCells: Int
    let cellsPerUnit: Double

    init(_ stacks: Stacks, cells: Int) {
      let high = stacks.sums.map { $0.filter { $0 > 0 }.reduce(0, +) }.max() ?? 0
      let low = stacks.sums.map { $0.filter { $0 < 0 }.reduce(0, +) }.min() ?? 0
      let span = high - low
      cellsPerUnit = span > 0 ? Double(cells) / span : 0
      negativeCells = low < 0 ? Int(saturating: (-low * cellsPerUnit).rounded()) : 0
    }

    /// The segments of one sign, from the axis outwards in series order (left of the axis they
    /// are mirrored and padded to `negativeCells`); `lighter` for a partial or projected bucket
    /// (without colour, each series' glyph on every other cell only).
    func segments(_ sums: [Double], negative: Bool, style: Style, lighter: Bool) -> String {
      var parts: [String] = []
      var running = 0.0
      var drawn = 0
      for (index, value) in sums.enumerated() where negative ? value < 0 : value > 0 {
        running += value.magnitude
        var end = max(drawn, Int(saturating: (running * cellsPerUnit).rounded()))
        if negative { end = min(end, negativeCells) }
        let cells = (drawn..<end).map { cell in
          lighter && !style.color && cell % 2 == 1 ? style.gap : style.seriesFill(index)
        }.joined()
        parts.append(lighter ? style.lighter(cells, index) : style.series(cells, index))
        drawn = end
      }
      guard negative else { return parts.joined() }
      return String(repeating: " ", count: max(0, negativeCells - drawn))
        + parts.reversed().joined()
    }
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
