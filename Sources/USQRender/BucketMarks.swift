import USQFrame

/// The rows of a frame that are not whole, settled time buckets, and why.
///
/// A time series reads as the truth only when every bucket is complete. Three kinds are not:
/// - **in progress**: the bucket had not ended at "now" (`end_time > now`, or `start_time +
///   bucket > now`) — today's half day, which would read as a drop;
/// - **partial start**: the bucket began before the loaded data did (`start_time <
///   RenderOptions.dataStart`) — after `bucket month`, the first month holds only the days loaded;
/// - **forecast**: the bool column `forecast` is true — a projected row, not a measured one.
///
/// Tables mark such rows `*` with a footnote per kind; charts draw them distinctly (dotted line
/// segments, lighter or hatched bars) with a note that says so.
struct BucketMarks: Sendable, Equatable {
  enum Mark: Sendable, Equatable {
    case inProgress
    case partialStart
    case forecast
  }

  /// Mark per row (rows absent are whole buckets).
  private(set) var marks: [Int: Mark] = [:]
  /// `start_time` of each partial-start row and where the data begins, for the note.
  private(set) var dataStart: Int64?

  /// No row marked.
  static let none = BucketMarks()

  private init() {}

  var isEmpty: Bool { marks.isEmpty }
  var rows: Set<Int> { Set(marks.keys) }

  /// Whether `row` is marked (of any kind).
  func isMarked(_ row: Int) -> Bool { marks[row] != nil }

  /// The mark of `row`, if any.
  subscript(row: Int) -> Mark? { marks[row] }

  /// Rows of `kind`, ascending.
  func rows(_ kind: Mark) -> [Int] { marks.filter { $0.value == kind }.map(\.key).sorted() }

  /// The marks of `rows` of `frame`: forecast first (a projected day is also in progress), then
  /// in progress, then partial start.
  init(_ frame: Frame, rows: Range<Int>, options: RenderOptions, hints: TableHints = TableHints()) {
    if case .bool(let forecast)? = frame["forecast"] {
      for row in rows where forecast[row] == true { marks[row] = .forecast }
    }
    for row in BucketMarks.inProgressRows(frame, rows: rows, options: options, hints: hints)
    where marks[row] == nil {
      marks[row] = .inProgress
    }
    guard let start = options.dataStart, case .time(let starts)? = frame["start_time"] else {
      return
    }
    for row in rows where marks[row] == nil {
      if let bucketStart = starts[row], TimeFormatting.clamped(bucketStart) < start {
        marks[row] = .partialStart
        dataStart = start
      }
    }
  }

  /// Rows whose bucket had not ended at `now`: `end_time > now`, or `start_time + bucket > now`.
  static func inProgressRows(
    _ frame: Frame, rows: Range<Int>, options: RenderOptions, hints: TableHints
  ) -> [Int] {
    guard let now = options.now, case .time(let ends)? = frame["end_time"] else { return [] }
    var starts: TimeColumn?
    if case .time(let column)? = frame["start_time"] { starts = column }
    var known = hints
    known.bucketSeconds = hints.bucketSeconds ?? options.bucketSeconds
    let bucket = TableLayout.bucketSeconds(frame, hints: known)
    return rows.filter { row in
      if let end = ends[row], end > now { return true }
      if let bucket, let start = starts?[row] {
        return TimeFormatting.clamped(start) + bucket > now
      }
      return false
    }
  }

  // MARK: - Notes

  /// One note per kind present, each saying which rows and why (`labels` are the rows' labels).
  ///
  /// - Parameters:
  ///   - drawn: how the chart draws marked rows (`"dotted"`, `"lighter"`), nil for a table.
  ///   - starred: whether the rows' labels carry `*` (tables, bars) rather than none (lines).
  func notes(labels: [String], zone: RenderTimeZone, drawn: String? = nil, starred: Bool = true)
    -> [String]
  {
    var notes: [String] = []
    let how = drawn.map { ", drawn \($0)" } ?? ""
    let star = starred ? "* " : ""
    func which(_ kind: Mark) -> String {
      // Several series share a bucket: name each bucket once.
      var seen: Set<String> = []
      return rows(kind).map { labels[$0] }.filter { seen.insert($0).inserted }.joined(
        separator: ", ")
    }
    if !rows(.partialStart).isEmpty, let dataStart {
      let precision = TimeFormatting.precision(of: [dataStart], zone: zone)
      let from = TimeFormatting.format(dataStart, zone: zone, precision: precision)
      notes.append(
        "\(star)\(which(.partialStart)): partial bucket, the loaded data starts \(from)\(how)")
    }
    if !rows(.inProgress).isEmpty {
      notes.append(
        starred
          ? "* bucket still in progress\(how)"
          : "\(which(.inProgress)): bucket still in progress\(how)")
    }
    if !rows(.forecast).isEmpty {
      notes.append("projected rows (forecast = true)\(how)")
    }
    return notes
  }
}
