import USQBasics

/// One sparkline per `by` value (or one for `y`), with its min, max and last value.
///
/// ```
/// model                    03-01 → 03-14     min     max    last
/// gpt-4o-mini-2024-07-18   ▃▅▂▇█▄▁▂▅▆▇█▆▅  2,700   4,100   3,500
/// ```
/// Each line is scaled to its own min and max; with more points than room, neighbouring points
/// are averaged. Null points are blank.
enum SparkChart {
  static func draw(_ data: ChartData, area: ChartArea) throws(ChartError) -> [String] {
    let x = try data.xName(preferTime: true)
    let by = try data.byName()
    let y = try data.yNames(excluding: [x, by])[0]
    guard data.frame.rowCount > 0 else { return emptyChart("no rows", area: area) }
    let axis = XAxisValues(data, x: x)
    let series = sparkSeries(data, y: y, by: by, axis: axis, marks: data.marks(x: x))
    let headers = trendHeaders(data, axis: axis, style: area.style)
    return lines(series, headers: headers, labelHeader: by ?? "", area: area)
      + area.noteLines(statNote(series, data: data, x: x))
  }

  /// Titles of the trend column, longest first: the time range in full, without the year, then
  /// `trend`.
  static func trendHeaders(_ data: ChartData, axis: XAxisValues, style: Style) -> [String] {
    var headers = ["trend"]
    let positions = axis.positions.compactMap { $0 }
    guard axis.kind == .time, let low = positions.min(), let high = positions.max(), high > low
    else { return headers }
    let zone = data.options.timeZone
    let precision = TimeFormatting.precision(of: [Int64(low), Int64(high)], zone: zone)
    let arrow = style.isUnicode ? " → " : " -> "
    let full = [low, high].map {
      TimeFormatting.format(Int64($0), zone: zone, precision: precision)
    }
    headers.insert(full.joined(separator: arrow), at: 0)
    if precision == .date {
      headers.insert(full.map { String($0.dropFirst(5)) }.joined(separator: arrow), at: 1)
    }
    return headers
  }

  /// Says which buckets min, max and last leave out (partial ones), when any.
  static func statNote(_ series: [Series], data: ChartData, x: String?) -> [String] {
    guard series.contains(where: { $0.marked.contains(true) && $0.marked.contains(false) }) else {
      return []
    }
    let notes = data.markedLabels(x: x, drawn: nil, starred: false).notes
    return notes.map { $0 + " (left out of min, max and last)" }
  }

  /// One series per `by` value in order of appearance (or one for `y`), points sorted by x.
  static func sparkSeries(
    _ data: ChartData, y: String, by: String?, axis: XAxisValues, marks: BucketMarks = .none
  ) -> [Series] {
    let values = data.numbers(y)
    let groups = by.map { groupIndices(data.labels($0)) } ?? [(y, Array(0..<data.frame.rowCount))]
    return groups.map { group -> Series in
      let rows = group.rows.sorted { (axis.positions[$0] ?? 0, $0) < (axis.positions[$1] ?? 0, $1) }
      return Series(
        name: group.key, values: rows.map { values[$0] }, marked: rows.map(marks.isMarked))
    }
  }

  /// `headers`: the trend column's title, longest first; the first that fits is used.
  static func lines(_ series: [Series], headers: [String], labelHeader: String, area: ChartArea)
    -> [String]
  {
    let style = area.style
    let labels = series.map(\.name) + [labelHeader]
    var labelWidth = min(labels.map(DisplayWidth.of).max() ?? 0, max(4, area.width / 3))
    let longest = series.map(\.values.count).max() ?? 0
    let wanted = min(longest, 12)
    var stats = statTexts(series, compact: false)
    if area.width - labelWidth - 2 - statColumnsWidth(stats) < wanted {
      stats = statTexts(series, compact: true)
    }
    let statWidths = statColumnWidths(stats)
    let statsWidth = statColumnsWidth(stats)
    // Narrow: give the sparkline up to 12 cells before the labels keep more than 12 columns.
    let shortfall = wanted - (area.width - labelWidth - 2 - statsWidth)
    if shortfall > 0 { labelWidth = max(min(labelWidth, 12), labelWidth - shortfall) }
    let room = max(1, area.width - labelWidth - 2 - statsWidth)
    let header = headers.first { DisplayWidth.of($0) <= room } ?? "trend"
    let cells = max(1, min(room, max(longest, DisplayWidth.of(header))))
    var rows = series.count
    if let height = area.bodyHeight, rows + 1 > height { rows = max(0, height - 2) }
    var lines: [String] = []
    let head =
      DisplayWidth.pad(DisplayWidth.truncate(labelHeader, to: labelWidth), to: labelWidth) + "  "
      + DisplayWidth.pad(
        DisplayWidth.truncate(header, to: cells, ellipsis: style.ellipsis), to: cells)
      + zip(SparkChart.statNames, statWidths).map {
        "  " + DisplayWidth.pad($0, to: $1, right: true)
      }.joined()
    lines.append(style.dim(head.replacingTrailingSpaces()))
    for index in 0..<rows {
      let label = DisplayWidth.truncate(
        series[index].name, to: labelWidth, ellipsis: style.ellipsis)
      let spark = sparkline(series[index].values, cells: cells, style: style)
      let line =
        DisplayWidth.pad(label, to: labelWidth) + "  " + paint(spark, series[index], index, style)
        + String(repeating: " ", count: max(0, cells - spark.count))
        + zip(stats[index], statWidths).map { "  " + DisplayWidth.pad($0, to: $1, right: true) }
        .joined()
      lines.append(line)
    }
    if rows < series.count {
      lines.append(style.dim("\(style.moreRows) \(series.count - rows) more"))
    }
    return lines
  }

  /// The sparkline in series colour, its partial points lighter (when one glyph is one point).
  private static func paint(_ glyphs: [String], _ series: Series, _ index: Int, _ style: Style)
    -> String
  {
    guard glyphs.count == series.marked.count else {
      return style.series(glyphs.joined(), index)
    }
    return zip(glyphs, series.marked).map { glyph, marked in
      marked ? style.lighter(glyph, index) : style.series(glyph, index)
    }.joined()
  }

  static let statNames = ["min", "max", "last"]

  /// min, max and last of each series: in full, or compact (`2.7K`) when room is short.
  static func statTexts(_ series: [Series], compact: Bool) -> [[String]] {
    series.map { one -> [String] in
      let settled = one.settledValues
      let present = settled.compactMap { $0 }
      let values = [present.min(), present.max(), settled.last(where: { $0 != nil }) ?? nil]
      if compact { return values.map { $0.map(NumberFormatting.compact) ?? "–" } }
      return BarLayout.valueTexts(Series(name: "", values: values)).map {
        $0 == "(null)" ? "–" : $0
      }
    }
  }

  static func statColumnWidths(_ stats: [[String]]) -> [Int] {
    (0..<3).map { column in
      max(DisplayWidth.of(statNames[column]), stats.map { DisplayWidth.of($0[column]) }.max() ?? 0)
    }
  }

  static func statColumnsWidth(_ stats: [[String]]) -> Int {
    statColumnWidths(stats).reduce(0) { $0 + $1 + 2 }
  }

  /// At most `cells` glyphs; neighbouring points averaged when there are more points than cells.
  static func sparkline(_ values: [Double?], cells: Int, style: Style) -> [String] {
    var points = values
    if values.count > cells {
      points = (0..<cells).map { cell in
        let slice = values[(cell * values.count / cells)..<((cell + 1) * values.count / cells)]
          .compactMap { $0 }
        return slice.isEmpty ? nil : slice.reduce(0, +) / Double(slice.count)
      }
    }
    let present = points.compactMap { $0 }
    let low = present.min() ?? 0
    let high = present.max() ?? 0
    let levels = style.sparkLevels
    return points.map { point -> String in
      guard let point else { return " " }
      if high == low { return levels[point == 0 ? 0 : levels.count / 2 - 1] }
      let level = Int(
        saturating: ((point - low) / (high - low) * Double(levels.count - 1)).rounded())
      return levels[min(levels.count - 1, max(0, level))]
    }
  }
}
