import USQBasics

/// Time series on a Braille canvas (2×4 dots per cell): one line per `by` value (or per `y`
/// column), a y axis with round ticks and an x axis with time labels that fit.
///
/// Without colour and with several series, or in ASCII, points go on a glyph canvas instead, one
/// marker per series (`●■▲…` / `*o+…`), so series stay apart.
enum LineChart {
  static let maxSeries = 10

  static func draw(_ data: ChartData, area: ChartArea) throws(ChartError) -> [String] {
    let x = try data.xName(preferTime: true)
    let by = try data.byName()
    let ys = try data.yNames(excluding: [x, by])
    guard data.frame.rowCount > 0 else { return emptyChart("no rows", area: area) }
    let axis = XAxisValues(data, x: x)
    let marks = data.marks(x: x)
    var series = lineSeries(data, by: by, ys: ys, positions: axis.positions, marks: marks)
    guard !series.isEmpty, series.contains(where: { !$0.points.isEmpty }) else {
      return emptyChart("no values to draw", area: area)
    }
    var notes: [String] = []
    if series.count > maxSeries {
      notes.append("\(series.count - maxSeries) smaller series not drawn")
      series = Array(series.prefix(maxSeries))
    }
    notes += data.markedLabels(x: x, drawn: "dotted", starred: false).notes
    return LinePlot(
      series: series, axis: axis, area: area, showLegend: true
    )
    .lines() + area.noteLines(notes)
  }

  struct PointSeries {
    var name: String
    var points: [(x: Double, y: Double)]
    var total: Double
    /// Per point: a partial, in-progress or projected bucket (segments touching it are dotted).
    var marked: [Bool] = []
    /// Points followed by a null value: the line leaves a gap after them.
    var gaps: Set<Int> = []

    /// Whether the segment from point `index` to the next is drawn dotted.
    func isDotted(_ index: Int) -> Bool {
      index + 1 < marked.count && (marked[index] || marked[index + 1])
    }

    /// The points in runs not broken by a null, as index ranges: each run is drawn on its own.
    var runs: [Range<Int>] {
      var runs: [Range<Int>] = []
      var start = 0
      for index in points.indices where gaps.contains(index) || index == points.count - 1 {
        runs.append(start..<(index + 1))
        start = index + 1
      }
      return runs
    }
  }

  /// Series per `by` value (per `y` when several), largest total first, points sorted by x (rows
  /// at one x keep their order); a row whose value is null breaks the line there.
  static func lineSeries(
    _ data: ChartData, by: String?, ys: [String], positions: [Double?],
    marks: BucketMarks = .none
  ) -> [PointSeries] {
    let groups = by.map { groupIndices(data.labels($0)) } ?? [("", Array(0..<data.frame.rowCount))]
    var result: [PointSeries] = []
    for y in ys {
      let values = data.numbers(y)
      for group in groups {
        let rows = group.rows.filter { positions[$0] != nil }.enumerated().sorted {
          (positions[$0.element] ?? 0, $0.offset) < (positions[$1.element] ?? 0, $1.offset)
        }.map(\.element)
        var points: [(x: Double, y: Double, marked: Bool)] = []
        var gaps: Set<Int> = []
        for row in rows {
          if let x = positions[row], let value = values[row] {
            points.append((x, value, marks.isMarked(row)))
          } else if !points.isEmpty {
            gaps.insert(points.count - 1)
          }
        }
        let name = by == nil ? y : (ys.count > 1 ? "\(group.key) · \(y)" : group.key)
        result.append(
          PointSeries(
            name: name, points: points.map { ($0.x, $0.y) },
            total: points.reduce(0) { $0 + $1.y }, marked: points.map(\.marked), gaps: gaps))
      }
    }
    return result.enumerated().sorted { lhs, rhs in
      lhs.element.total != rhs.element.total
        ? lhs.element.total > rhs.element.total : lhs.offset < rhs.offset
    }.map(\.element)
  }
}

/// Where each row sits on the x axis, and how to label positions.
struct XAxisValues {
  enum Kind { case time, number, category }
  var kind: Kind
  var positions: [Double?]
  var categories: [String] = []
  var zone: RenderTimeZone

  init(_ data: ChartData, x: String?) {
    zone = data.options.timeZone
    if let times = data.times(x) {
      kind = .time
      positions = times.map { $0.map(Double.init) }
    } else if let x, data.frame[x]?.kind.isNumeric == true {
      kind = .number
      positions = data.numbers(x)
    } else {
      kind = .category
      let labels = data.labels(x)
      var index: [String: Int] = [:]
      for label in labels where index[label] == nil {
        index[label] = categories.count
        categories.append(label)
      }
      positions = labels.map { index[$0].map(Double.init) }
    }
  }

  /// Ticks within `low...high` for a plot `columns` wide: (position, label).
  func ticks(low: Double, high: Double, columns: Int) -> [(Double, String)] {
    switch kind {
    case .time: return timeTicks(low: Int64(low), high: Int64(high), columns: columns)
    case .number:
      let range = AxisTicks.range(low: low, high: high, intervals: max(1, columns / 10))
      return stride(from: range.low, through: range.high + range.step / 2, by: range.step)
        .filter { $0 >= low - 1e-9 && $0 <= high + 1e-9 }
        .map { ($0, NumberFormatting.compact($0)) }
    case .category:
      return categories.enumerated().map { (Double($0.offset), $0.element) }
    }
  }

  private func timeTicks(low: Int64, high: Int64, columns: Int) -> [(Double, String)] {
    let instants = positions.compactMap { $0.map { Int64($0) } }
    let precision = TimeFormatting.precision(of: instants, zone: zone)
    let span = high - low
    let first = TimeFormatting.civil(low, offset: zone.offset(at: low))
    let last = TimeFormatting.civil(high, offset: zone.offset(at: high))
    let format: (Int64) -> String = { instant in
      let c = TimeFormatting.civil(instant, offset: zone.offset(at: instant))
      let day =
        first.year == last.year
        ? "\(TimeFormatting.two(c.month))-\(TimeFormatting.two(c.day))" : TimeFormatting.date(c)
      let time = "\(TimeFormatting.two(c.hour)):\(TimeFormatting.two(c.minute))"
      if precision == .date { return day }
      return span <= 86_400 ? time : (c.hour == 0 && c.minute == 0 ? day : day + " " + time)
    }
    guard span > 0 else { return [(Double(low), format(low))] }
    let labelWidth = DisplayWidth.of(format(high))
    let fitting = max(1, (columns + 2) / (labelWidth + 3))
    let minimum: Int64 = precision == .date ? 86_400 : 60
    let step =
      AxisTicks.timeSteps.first { $0 >= minimum && span / $0 + 1 <= fitting }
      ?? (span / Int64(max(1, fitting - 1)) + 1)
    return AxisTicks.timeTicks(low: low, high: high, step: step, zone: zone).map {
      (Double($0), format($0))
    }
  }
}
