import USQBasics

/// A day × hour-of-day heatmap: one line per day in the options' zone, 24 cells per line, each
/// shaded by the sum of `y` in that hour, with a scale.
///
/// ```
///             0     3     6     9     12    15    18    21
/// Mon 03-02   · · · · · · · · ░░▒▒▓▓████▓▓▒▒░░· · · · · ·
/// scale: · 0   ░ ≤ 31   ▒ ≤ 62   ▓ ≤ 93   █ ≤ 124  (num_model_requests per hour)
/// ```
/// Levels split (0, max] into four equal parts; an hour with no row stays blank. Days that do not
/// fit the height are left out from the oldest, and said so.
enum HeatChart {
  static func draw(_ data: ChartData, area: ChartArea) throws(ChartError) -> [String] {
    let (x, times) = try timeColumn(data)
    let (grid, y) = try grid(data, x: x, times: times)
    guard data.frame.rowCount > 0 else { return emptyChart("no rows", area: area) }
    return lines(grid, y: y, area: area)
  }

  /// The hourly grid of `y`, checking that the rows are finer than a day.
  static func grid(_ data: ChartData, x: String, times: [Int64?]) throws(ChartError) -> (
    Grid, String
  ) {
    let y = try data.yNames(excluding: [x])[0]
    let distinct = Set(times.compactMap { $0 }).sorted()
    var finest: Int64?
    for index in distinct.indices.dropFirst() {
      let gap = distinct[index] - distinct[index - 1]
      if gap < finest ?? .max { finest = gap }
    }
    if let finest, finest >= 86_400 { throw .needsHourlyData(x) }
    if finest == nil, case .time(let ends)? = data.frame["end_time"], !times.isEmpty,
      let end = ends[0],
      let start = times[0], end - start >= 86_400
    {
      throw .needsHourlyData(x)
    }
    var grid = Grid(times: times, values: data.numbers(y), zone: data.options.timeZone)
    grid.markPartial(times: times, marks: data.marks(x: x))
    return (grid, y)
  }

  /// The time column of a heatmap.
  static func timeColumn(_ data: ChartData) throws(ChartError) -> (String, [Int64?]) {
    guard let x = try data.xName(preferTime: true) else {
      throw .noDefault(role: "x", expected: "timestamp")
    }
    guard let times = data.times(x) else {
      throw .wrongType(
        x, role: "x", expected: "timestamp", found: data.frame[x]?.kind.rawValue ?? "?")
    }
    return (x, times)
  }

  /// Sums per (local day, hour); `days` from the first to the last day with data.
  struct Grid {
    var firstDay: Int64 = 0
    var cells: [[Double?]] = []
    var maximum = 0.0
    let zone: RenderTimeZone

    init(times: [Int64?], values: [Double?], zone: RenderTimeZone) {
      self.zone = zone
      var sums: [Int64: [Double?]] = [:]
      for (row, time) in times.enumerated() {
        guard let time else { continue }
        let (day, hour) = Grid.cell(of: time, zone: zone)
        let add = max(0, values[row] ?? 0)
        sums[day, default: Array(repeating: nil, count: 24)][hour] =
          (sums[day]?[hour] ?? nil).map { $0 + add } ?? add
      }
      guard let first = sums.keys.min(), let last = sums.keys.max() else { return }
      firstDay = first
      cells = (first...last).map { sums[$0] ?? Array(repeating: nil, count: 24) }
      maximum = cells.joined().compactMap { $0 }.max() ?? 0
    }

    /// The local day (days since the epoch) and hour of `time` in `zone`.
    static func cell(of time: Int64, zone: RenderTimeZone) -> (day: Int64, hour: Int) {
      let local = TimeFormatting.clamped(time) + Int64(zone.offset(at: time))
      let day = floorDivide(local, 86_400)
      return (day, Int((local - day * 86_400) / 3600))
    }

    /// Cells (`day * 24 + hour`, days from `firstDay`) holding a bucket still in progress or
    /// otherwise partial.
    var partial: Set<Int> = []
    /// The note under the grid when a cell is partial.
    var partialNote: String? {
      partial.isEmpty ? nil : "* hour still in progress: its value is partial"
    }

    /// Marks the cells of the marked rows.
    mutating func markPartial(times: [Int64?], marks: BucketMarks) {
      for row in marks.rows {
        guard let time = times[row] else { continue }
        let (day, hour) = Grid.cell(of: time, zone: zone)
        partial.insert(Int(day - firstDay) * 24 + hour)
      }
    }

    /// `Mon 03-02` for day `index`.
    func label(_ index: Int) -> String {
      let noonUTC = (firstDay + Int64(index)) * 86_400 + 43_200
      let c = TimeFormatting.civil(noonUTC)
      return
        "\(TimeFormatting.weekdayNames[c.weekday]) \(TimeFormatting.two(c.month))-\(TimeFormatting.two(c.day))"
    }

    func level(_ value: Double?) -> Int? {
      guard let value else { return nil }
      guard value > 0, maximum > 0 else { return 0 }
      return min(4, max(1, Int(saturating: (value / maximum * 4).rounded(.up))))
    }
  }

  /// Ramp from gold to red: readable on dark and light backgrounds; plain text uses the shades alone.
  static let ramp = [244, 178, 214, 202, 160]

  static func lines(_ grid: Grid, y: String, area: ChartArea) -> [String] {
    let style = area.style
    let labelWidth = 9
    let cellWidth = min(3, max(1, (area.width - labelWidth - 2) / 24))
    let shades = style.shades
    let scale = scaleLines(grid, y: y, area: area)
    var days = Array(grid.cells.indices)
    var notes: [String] = []
    if let height = area.bodyHeight, days.count + 1 + scale.count > height {
      let keep = max(1, height - 2 - scale.count)
      notes.append("\(style.moreRows) \(days.count - keep) earlier days not shown")
      days = Array(days.suffix(keep))
    }
    var lines = [hourHeader(cellWidth: cellWidth, labelWidth: labelWidth, style: style)]
    for day in days {
      var line = DisplayWidth.pad(grid.label(day), to: labelWidth) + "  "
      for hour in 0..<24 {
        guard let level = grid.level(grid.cells[day][hour]) else {
          line += String(repeating: " ", count: cellWidth)
          continue
        }
        var glyph =
          level == 0 && cellWidth > 1
          ? shades[0] + String(repeating: " ", count: cellWidth - 1)
          : String(repeating: shades[level], count: cellWidth)
        if grid.partial.contains(day * 24 + hour) {
          glyph = String(glyph.dropLast()) + "*"
        }
        line += style.paint(glyph, code: ramp[level])
      }
      lines.append(line.replacingTrailingSpaces())
    }
    return notes.map(style.dim) + lines + scale
      + area.noteLines([grid.partialNote].compactMap { $0 })
  }

  /// Hour numbers above the cells: every hour when cells are 3 wide, every 3rd at 2, every 6th at 1.
  private static func hourHeader(cellWidth: Int, labelWidth: Int, style: Style) -> String {
    let every = cellWidth >= 3 ? 1 : (cellWidth == 2 ? 3 : 6)
    var header = String(repeating: " ", count: labelWidth + 2)
    var hour = 0
    while hour < 24 {
      let text = String(hour)
      header += DisplayWidth.pad(text, to: cellWidth * every)
      hour += every
    }
    return style.dim(header.replacingTrailingSpaces())
  }

  private static func scaleLines(_ grid: Grid, y: String, area: ChartArea) -> [String] {
    let style = area.style
    let shades = style.shades
    let whole = NumberFormatting.areWhole(grid.cells.joined().compactMap { $0 })
    let format: (Double) -> String = {
      whole
        ? NumberFormatting.grouped(Int64($0.rounded(.up))) : NumberFormatting.fixed($0, decimals: 2)
    }
    let sign = style.isUnicode ? " ≤ " : " <= "
    var items = ["scale:", style.paint(shades[0], code: ramp[0]) + " 0"]
    if grid.maximum > 0 {
      for level in 1...4 {
        items.append(
          style.paint(shades[level], code: ramp[level]) + sign
            + format(grid.maximum * Double(level) / 4))
      }
    }
    return packLegend(items + ["(\(y) per hour)"], width: area.width)
  }
}
