import USQBasics
import USQFrame

/// The columns, cells and widths of one table, and the notes about what it could not show.
struct TableLayout {
  struct Column {
    var name: String
    var cells: [String?]
    var isRightAligned: Bool
    var width: Int
    /// Text columns can be cut; numbers and times cannot.
    var canShrink: Bool
    /// The widest cell (null counts as 4, `null`); a number or time column is never narrower.
    var valueWidth: Int
  }

  var columns: [Column]
  var rowCount: Int
  var hiddenAllNull: [String]
  var fillHints: [String: String]
  var dropped: [String] = []
  /// The box width that would show every column in full (for the footnote's `set width=`).
  var naturalWidth = 0
  var moreRows: Int
  /// Columns the statement named, most wanted first: the last to leave a narrow table.
  var preferred: [String]
  /// Columns that repeat what others show (`end_time` beside `start_time`, the currency of a
  /// money column, `project_id` beside `project_name`): the first to leave a narrow table.
  var secondary: Set<String> = []
  /// Rows that are not whole, settled buckets (marked `*`, explained in a footnote).
  var marks = BucketMarks.none
  /// The marked column's text of each marked row (without the mark), for the footnote.
  var markLabels: [Int: String] = [:]
  var nullText: String
  /// The zone times are shown in (footnotes name dates in it).
  var zone: RenderTimeZone

  init(frame: Frame, options: RenderOptions, hints: TableHints) {
    let shown = min(frame.rowCount, max(0, options.maxRows))
    rowCount = shown
    moreRows = frame.rowCount - shown
    nullText = "null"
    zone = options.timeZone
    fillHints = hints.fill
    preferred = hints.preferred
    // All-null columns are hidden, unless that would leave no column to show.
    let nullColumns =
      frame.rowCount > 0 ? frame.names.filter { (frame[$0]?.nullCount ?? 0) == frame.rowCount } : []
    let allNull = nullColumns.count == frame.columnCount ? [] : nullColumns
    hiddenAllNull = allNull
    marks = BucketMarks(frame, rows: 0..<shown, options: options, hints: hints)
    let progress = marks.rows(.inProgress)
    let markColumn =
      frame.names.contains("start_time") && !allNull.contains("start_time")
      ? "start_time" : "end_time"
    if frame["start_time"] != nil && !allNull.contains("start_time") {
      secondary.insert("end_time")
    }
    // An id beside its name (after `names`): the name says it for people.
    for name in frame.names where name.hasSuffix("_id") {
      if frame[String(name.dropLast(3)) + "_name"] != nil { secondary.insert(name) }
    }
    let daily = TableLayout.bucketSeconds(frame, hints: hints).map { $0 % 86_400 == 0 } ?? false
    columns = []
    for (name, column) in frame.pairs where !allNull.contains(name) {
      let (currency, currencyName) = TableLayout.currency(of: name, column, in: frame, hints: hints)
      if let currencyName { secondary.insert(currencyName) }
      var text = CellText(
        column, rows: 0..<shown, zone: options.timeZone, currency: currency, partial: Set(progress),
        dailyBuckets: daily)
      if name == markColumn {
        for row in marks.rows.sorted() where marks[row] != .forecast {
          markLabels[row] = text.texts[row] ?? "null"
          text.texts[row] = (text.texts[row] ?? "") + "*"
        }
      }
      let widths = text.texts.map { $0.map(DisplayWidth.of) ?? 4 }
      let valueWidth = widths.max() ?? 0
      columns.append(
        Column(
          name: name, cells: text.texts, isRightAligned: text.isRightAligned,
          width: max(DisplayWidth.of(name), valueWidth),
          canShrink: column.kind == .string || column.kind == .bool, valueWidth: valueWidth))
    }
  }

  /// The currency of a money column: its rows' own (the frame's currency column, also returned
  /// by name: the table shows it in the amounts), else the one `hints` carried through the
  /// stages, else none (a plain number).
  static func currency(
    of name: String, _ column: USQFrame.Column, in frame: Frame, hints: TableHints
  ) -> (USQFrame.Column?, String?) {
    guard column.kind.isNumeric else { return (nil, nil) }
    let currencyName = hints.money[name]
    if let currencyName, let found = frame[currencyName], found.kind == .string {
      return (found, currencyName)
    }
    let fallback = currencyName.map { frame[$0] == nil } == true ? hints.defaultCurrency : nil
    guard let code = hints.currencies[name] ?? fallback else { return (nil, nil) }
    return (.constant(.string(code), count: frame.rowCount, nullKind: .string), nil)
  }

  /// The bucket width: the hint, else the most common `end_time - start_time`.
  static func bucketSeconds(_ frame: Frame, hints: TableHints) -> Int64? {
    if let seconds = hints.bucketSeconds { return seconds }
    guard case .time(let starts)? = frame["start_time"], case .time(let ends)? = frame["end_time"]
    else {
      return nil
    }
    return inferBucket(starts: starts, ends: ends)
  }

  /// The most common `end - start` among rows, if any.
  private static func inferBucket(starts: TimeColumn, ends: TimeColumn) -> Int64? {
    var counts: [Int64: Int] = [:]
    for row in 0..<min(starts.count, 1000) {
      if let start = starts[row].map(TimeFormatting.clamped),
        let end = ends[row].map(TimeFormatting.clamped), end > start
      {
        counts[end - start, default: 0] += 1
      }
    }
    return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key
  }
}
