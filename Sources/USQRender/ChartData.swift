import USQFrame

/// The columns of a frame resolved for a chart: labels, numbers and series, with the defaults applied.
struct ChartData {
  let frame: Frame
  let spec: ChartSpec
  let options: RenderOptions

  init(_ frame: Frame, spec: ChartSpec, options: RenderOptions) {
    self.frame = frame
    self.spec = spec
    self.options = options
  }

  // MARK: - Resolving columns

  /// The named column, or an error listing the frame's columns.
  func column(_ name: String, role: String) throws(ChartError) -> Column {
    guard let column = frame[name] else {
      throw .missingColumn(name, role: role, available: frame.names)
    }
    return column
  }

  /// `spec.x`, or the first non-numeric column (`start_time` first when `preferTime`).
  func xName(preferTime: Bool) throws(ChartError) -> String? {
    if let x = spec.x {
      _ = try column(x, role: "x")
      return x
    }
    if preferTime {
      if case .time? = frame["start_time"] { return "start_time" }
      if let name = frame.pairs.first(where: { $0.1.kind == .time })?.0 { return name }
    }
    return frame.pairs.first { !$0.1.kind.isNumeric && $0.0 != spec.by }?.0
  }

  /// `spec.y` (each numeric), or the last numeric column that is not `x`.
  func yNames(excluding excluded: [String?] = []) throws(ChartError) -> [String] {
    if !spec.y.isEmpty {
      for name in spec.y {
        let found = try column(name, role: "y")
        guard found.kind.isNumeric else {
          throw .wrongType(name, role: "y", expected: "numeric", found: found.kind.rawValue)
        }
      }
      return spec.y
    }
    guard let last = frame.pairs.last(where: { $0.1.kind.isNumeric && !excluded.contains($0.0) })
    else {
      throw .noDefault(role: "y", expected: "numeric")
    }
    return [last.0]
  }

  /// `spec.by` checked, or nil.
  func byName() throws(ChartError) -> String? {
    guard let by = spec.by else { return nil }
    _ = try column(by, role: "by")
    return by
  }

  // MARK: - Values

  /// Numbers of a numeric column (nil for null, NaN and infinities; magnitudes capped at 1e300 so
  /// that differences and sums of two values stay finite).
  func numbers(_ name: String) -> [Double?] {
    guard let column = frame[name] else { return [] }
    switch column {
    case .int(let values): return (0..<values.count).map { values[$0].map(Double.init) }
    case .double(let values):
      return (0..<values.count).map { row in
        values[row].flatMap { $0.isFinite ? min(1e300, max(-1e300, $0)) : nil }
      }
    default: return Array(repeating: nil, count: column.count)
    }
  }

  /// Display labels of a column (times in the options' zone; null as `(null)`).
  ///
  /// An id column with its name beside it (`project_id` and `project_name`, as `names` adds)
  /// is labelled by the name — a legend of `proj_…` ids tells a reader nothing — and by the id
  /// where the name is null.
  func labels(_ name: String?) -> [String] {
    guard let name, let column = frame[name] else {
      return (0..<frame.rowCount).map { String($0 + 1) }
    }
    let text = CellText(column, rows: 0..<frame.rowCount, zone: options.timeZone)
    let shown = labelColumn(name)
    if shown != name, case .string(let names)? = frame[shown] {
      return text.texts.indices.map { names[$0] ?? text.texts[$0] ?? "(null)" }
    }
    return text.texts.map { $0 ?? "(null)" }
  }

  /// The column whose text labels `name`'s rows: its name column beside an id (`project_name`
  /// for `project_id`), else `name` itself.
  func labelColumn(_ name: String) -> String {
    guard name.hasSuffix("_id") else { return name }
    let shown = String(name.dropLast(3)) + "_name"
    if case .string? = frame[shown] { return shown }
    return name
  }

  /// Rows that are not whole buckets of the time column `x` (none when `x` is not a time).
  ///
  /// - Parameter onePerRow: the chart draws each row on its own (bars), so a row's bucket can be
  ///   marked whatever `x` is: `load completions days=1 group=model | chart bar x=model` draws
  ///   today's half day, model by model.
  func marks(x: String?, onePerRow: Bool = false) -> BucketMarks {
    guard onePerRow || times(x) != nil else { return .none }
    return BucketMarks(frame, rows: 0..<frame.rowCount, options: options)
  }

  /// Labels of `x`, `*` after each in-progress or partial bucket, and the notes that say why
  /// (`drawn`: how the chart draws those rows).
  func markedLabels(x: String?, drawn: String?, starred: Bool = true, onePerRow: Bool = false)
    -> (labels: [String], marks: BucketMarks, notes: [String])
  {
    var labels = labels(x)
    let marks = marks(x: x, onePerRow: onePerRow)
    let plain = labels
    if starred {
      for row in marks.rows where marks[row] != .forecast { labels[row] += "*" }
    }
    let notes = marks.notes(labels: plain, zone: options.timeZone, drawn: drawn, starred: starred)
    return (labels, marks, notes)
  }

  /// Timestamps of a time column, or nil when it is not one.
  func times(_ name: String?) -> [Int64?]? {
    guard let name, case .time(let values)? = frame[name] else { return nil }
    return (0..<values.count).map { values[$0].map(TimeFormatting.clamped) }
  }
}

/// A named sequence of numbers: one bar group, segment, line or sparkline.
struct Series {
  var name: String
  var values: [Double?]
  /// Per value: a partial, in-progress or projected bucket (empty = none marked).
  var marked: [Bool] = []
  /// The values of whole buckets (all values when every one is marked).
  var settledValues: [Double?] {
    guard marked.contains(true), marked.contains(false) else { return values }
    return zip(values, marked).map { $1 ? nil : $0 }
  }
  var total: Double { values.reduce(0) { $0 + ($1 ?? 0) } }
}

/// Groups `values` by `keys` in first-appearance order, summing per (key, position) when the
/// positions are given by `slots`.
func groupIndices(_ keys: [String]) -> [(key: String, rows: [Int])] {
  var order: [String] = []
  var rows: [String: [Int]] = [:]
  for (row, key) in keys.enumerated() {
    if rows[key] == nil { order.append(key) }
    rows[key, default: []].append(row)
  }
  return order.map { ($0, rows[$0] ?? []) }
}

/// Runs of consecutive points whose value is present: a nil value ends a run, so a line drawn run
/// by run leaves a gap where the data has none.
func presentRuns(_ points: [(x: Double, y: Double?)]) -> [[(x: Double, y: Double)]] {
  var runs: [[(x: Double, y: Double)]] = [[]]
  for point in points {
    if let value = point.y {
      runs[runs.count - 1].append((point.x, value))
    } else if !(runs.last?.isEmpty ?? true) {
      runs.append([])
    }
  }
  return runs.filter { !$0.isEmpty }
}
