import USQBasics
import USQFrame

/// A frame read as daily series for `forecast`: one series per combination of the non-numeric,
/// non-time columns, each a value per UTC day (the sum of the column on that day).
struct DailySeries {
  /// The frame, its rows in order.
  private(set) var frame: Frame
  /// The projected column.
  let column: String
  /// The days the series cover (days since 1970-01-01): the loaded window, else the rows' days.
  let days: ClosedRange<Int64>
  /// The first day wholly inside the loaded window (`hours=48` starts in the middle of one).
  let firstWholeDay: Int64
  /// The series' keys, in first-seen order (one empty key when there are no key columns).
  let keys: [[Value]]
  /// Each series' value per day.
  let values: [[Value]: [Int64: Double]]
  private let keyColumns: [String]

  /// Reads `frame`; `window` is the loaded window (seconds since the epoch, UTC), if any.
  ///
  /// - Throws: `ExecutionError.message` when a `start_time` is not a whole UTC day or there is
  ///   neither a row nor a window.
  init(_ frame: Frame, column: String, window: Range<Int64>?) throws {
    self.frame = frame
    self.column = column
    keyColumns = frame.pairs.filter { !$0.1.kind.isNumeric && $0.1.kind != .time }.map(\.0)
    let starts = frame["start_time"]
    var keys: [[Value]] = keyColumns.isEmpty ? [[]] : []
    var values: [[Value]: [Int64: Double]] = [:]
    var seen: Set<[Value]> = Set(keys)
    var range: ClosedRange<Int64>?
    for row in 0..<frame.rowCount {
      guard case .time(let start) = starts?[row] ?? .null else { continue }
      guard start % 86_400 == 0 else { throw ExecutionError.message(Self.notDaily(start)) }
      let day = start / 86_400
      range = range.map { min($0.lowerBound, day)...max($0.upperBound, day) } ?? day...day
      let key = keyColumns.map { frame[$0]?[row] ?? .null }
      if seen.insert(key).inserted { keys.append(key) }
      values[key, default: [:]][day, default: 0] += frame[column]?[row].doubleValue ?? 0
    }
    if let window, window.upperBound > window.lowerBound {
      range = Self.day(window.lowerBound)...Self.day(window.upperBound - 1)
    }
    guard let range else {
      throw ExecutionError.message("'forecast' needs rows or a loaded window: there is no day")
    }
    self.days = range
    firstWholeDay = window.map { Self.day($0.lowerBound + 86_399) } ?? range.lowerBound
    self.keys = keys
    self.values = values
  }

  /// Drops the actual rows of `day` and later (they are projected instead).
  mutating func dropRows(onOrAfter day: Int64) {
    guard let starts = frame["start_time"] else { return }
    let kept = (0..<frame.rowCount).filter { row in
      guard case .time(let start) = starts[row] else { return true }
      return Self.day(start) < day
    }
    frame = frame.gather(kept)
  }

  /// The actual rows (`forecast` false), then one projected row per day and series (true).
  func withForecast(projecting projectedDays: [Int64], with projections: [[Value]: DailyProjection])
    throws -> Frame
  {
    var rows: [(day: Int64, key: [Value], value: Double)] = []
    for day in projectedDays {
      for key in keys {
        guard let projection = projections[key] else { continue }
        rows.append((day, key, projection.value(on: day)))
      }
    }
    var pairs: [(String, Column)] = []
    for (name, column) in frame.pairs {
      let added = rows.map { row in value(of: name, kind: column.kind, row: row) }
      pairs.append((name, Column.from(added, kind: column.kind)))
    }
    let projected = Frame(unchecked: pairs)
    let combined = try Frame.concatenate([frame, projected])
    let flags = Bitmap(
      Array(repeating: false, count: frame.rowCount) + Array(repeating: true, count: rows.count))
    return Frame(unchecked: combined.pairs + [("forecast", .bool(BoolColumn(bits: flags)))])
  }

  private func value(
    of name: String, kind: ColumnKind, row: (day: Int64, key: [Value], value: Double)
  ) -> Value {
    if name == "start_time", kind == .time { return .time(row.day * 86_400) }
    if name == "end_time", kind == .time { return .time((row.day + 1) * 86_400) }
    if name == column {
      // An int column stays int: projected tokens and requests are whole units.
      return kind == .int ? .int(Int64(row.value.rounded())) : .double(row.value)
    }
    if let index = keyColumns.firstIndex(of: name) { return row.key[index] }
    return .null
  }

  static func day(_ seconds: Int64) -> Int64 { floorDivide(seconds, 86_400) }

  static func notDaily(_ start: Int64) -> String {
    "'forecast' needs whole UTC days in 'start_time', found \(ISODate.format(start)); add '| bucket day' before it"
  }
}
