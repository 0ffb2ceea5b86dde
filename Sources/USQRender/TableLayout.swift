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
  }

  var columns: [Column]
  var rowCount: Int
  var hiddenAllNull: [String]
  var fillHints: [String: String]
  var dropped: [String] = []
  var moreRows: Int
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
    let daily = TableLayout.bucketSeconds(frame, hints: hints).map { $0 % 86_400 == 0 } ?? false
    columns = []
    for (name, column) in frame.pairs where !allNull.contains(name) {
      var currency: USQFrame.Column?
      if let currencyName = hints.money[name], column.kind.isNumeric {
        if let found = frame[currencyName], found.kind == .string {
          currency = found
        } else if frame[currencyName] == nil, let code = hints.defaultCurrency {
          currency = .constant(.string(code), count: frame.rowCount, nullKind: .string)
        }
      }
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
      let width = max(DisplayWidth.of(name), widths.max() ?? 0)
      columns.append(
        Column(
          name: name, cells: text.texts, isRightAligned: text.isRightAligned, width: width,
          canShrink: column.kind == .string || column.kind == .bool))
    }
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

  // MARK: - Fitting

  /// Total width of the box: `│ a │ b │` = sum of widths + 3 per column + 1.
  var boxWidth: Int { columns.reduce(1) { $0 + $1.width + 3 } }

  /// Narrows the table until its box fits `width`, in the steps below (widest column first within
  /// each), then leaves out columns on the right; a last resort cuts everything.
  mutating func fit(width: Int, style: Style) {
    // 1. Long text (lists, sentences) down to 32 columns; ids (≤ 32) stay whole for now.
    shrink(to: width, floor: { min($0.width, max(32, DisplayWidth.of($0.name))) })
    // 2. Headers of numbers and times down to their values (numbers are never cut).
    shrink(
      to: width,
      floor: { column in
        column.canShrink
          ? column.width : max(4, column.cells.map { $0.map(DisplayWidth.of) ?? 4 }.max() ?? 0)
      }, all: true)
    // 3. Text down to 8 columns (or its header, up to 16), then 5.
    shrink(to: width, floor: { min($0.width, max(8, min(DisplayWidth.of($0.name), 16))) })
    shrink(to: width, floor: { min($0.width, 5) })
    // 4. Columns on the right left out, named in a footnote.
    while boxWidth > width && columns.count > 1 {
      let last = columns.removeLast()
      dropped.insert(last.name, at: 0)
    }
    if boxWidth > width {
      shrink(to: width, floor: { _ in 1 }, all: true)
    }
    for index in columns.indices {
      let width = columns[index].width
      columns[index].name = DisplayWidth.truncate(
        columns[index].name, to: width, ellipsis: style.ellipsis)
      columns[index].cells = columns[index].cells.map {
        $0.map { DisplayWidth.truncate($0, to: width, ellipsis: style.ellipsis) }
      }
    }
  }

  /// Narrows the widest column above its floor, one column at a time, until the box fits; only
  /// text columns unless `all`.
  private mutating func shrink(to width: Int, floor: (Column) -> Int, all: Bool = false) {
    let floors = columns.map(floor)
    while boxWidth > width {
      let candidates = columns.indices.filter {
        (all || columns[$0].canShrink) && columns[$0].width > floors[$0]
      }
      guard let widest = candidates.max(by: { columns[$0].width < columns[$1].width }) else {
        return
      }
      columns[widest].width -= 1
    }
  }
}
