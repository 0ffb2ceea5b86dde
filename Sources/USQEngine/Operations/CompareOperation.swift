import USQFrame
import USQLanguage
import USQVocabulary

/// `compare prev` · `compare DURATION`: the whole pipeline runs again over an earlier window (at
/// the same time, through the same data source and cache), and every numeric column C of the
/// result gets `C_prev`, `C_change` (C − C_prev) and `C_change_pct` (100 × change / C_prev; null
/// when C_prev is 0 or null).
///
/// Rows are joined on the non-numeric, non-time columns; time columns are compared shifted by
/// the offset, so `bucket day` rows line up day by day (Tuesday with the Tuesday before). A row
/// missing on one side counts as 0 there. When the pipeline picks rows by rank (`top`, `head`,
/// `tail`), the earlier run keeps every row and only the rows picked now are shown: a project
/// that left the top 5 does not come back with a made-up 0.
///
/// ```
/// load costs days=7 group=project_id | sum amount by project_id | names | compare prev
/// ```
struct CompareOperation: Sendable {
  /// Seconds the earlier window lies before the loaded one.
  var shift: Int64
  /// `compare prev` or `compare 7d`, as `explain` prints it.
  var text: String
  /// Whether rows only the earlier run has are dropped (the pipeline picks rows by rank).
  var keepsOnlyCurrentRows: Bool

  static let help = HelpTopic(
    name: "compare", aliases: [], kind: .stage, usage: "compare prev | compare DURATION",
    details: """
      The last stage before output: runs the whole pipeline again over the window of the same
      length just before (compare prev) or shifted back by DURATION (compare 7d, compare 4w), at
      the same time and through the same cache, and gives every numeric column C three more:
      C_prev, C_change (C - C_prev) and C_change_pct (100 x change / C_prev; null when C_prev
      is 0 or null). Rows are joined on the non-numeric, non-time columns; a row missing on one
      side counts as 0 there. Time columns line up shifted by the offset: after `bucket day` each
      day is compared with the same day of the earlier window. The earlier window ends as far
      into its last bucket as the loaded one (a day in progress at noon is compared with the
      first 12 hours of the day it is compared with). After `top`, `head` or `tail` the rows
      picked now keep their earlier values and rows only the earlier window has are left out.
      Needs `load` with a time window; `explain` shows the requests of both windows.
      """,
    examples: [
      "load completions days=7 group=project_id | sum num_model_requests by project_id | names | compare prev",
      "load costs days=7 group=line_item | sum amount by line_item | top 5 | compare 7d",
      "load completions days=7 | sum input_tokens by model | compare prev | chart bar x=model y=input_tokens_change",
    ])

  /// The comparison of a pipeline whose source is `source` (before `group_by` is settled).
  static func bind(
    _ shift: CompareShift, verb: Name, source: Binder.PendingSource, stages: [StageSyntax],
    now: Int64, _ state: inout BindState
  ) -> CompareOperation? {
    guard case .load(let load) = source, let window = load.window else {
      state.report(needsWindow(verb, shift: shift))
      return nil
    }
    let seconds: Int64
    let text: String
    switch shift {
    case .previous:
      // The length of the window rounded up to whole buckets: `days=7` at noon looks 7 days
      // back, so both windows end at the same hour of their last day.
      let width = window.width.seconds
      let length = max((window.end ?? now) - window.start, 1)
      seconds = (length + width - 1) / width * width
      text = "compare prev"
    case .duration(let duration, let span):
      guard duration.seconds > 0 else {
        state.report(nonPositiveShift(duration, at: span))
        return nil
      }
      seconds = duration.seconds
      text = "compare \(duration.text)"
    }
    if let forecast = stages.first(where: { if case .forecast = $0.kind { true } else { false } }) {
      state.report(afterForecast(forecast.verb))
      return nil
    }
    let picksRows = stages.contains { stage in
      switch stage.kind {
      case .top, .head, .tail: true
      default: false
      }
    }
    return CompareOperation(shift: seconds, text: text, keepsOnlyCurrentRows: picksRows)
  }

  /// The schema after the comparison: each numeric C followed by its three new columns.
  static func schema(after input: StageSchema) -> StageSchema {
    var columns: [ColumnInfo] = []
    for column in input.columns {
      columns.append(column)
      guard column.kind.isNumeric else { continue }
      columns.append(ColumnInfo(name: column.name + "_prev", kind: column.kind))
      columns.append(ColumnInfo(name: column.name + "_change", kind: column.kind))
      columns.append(ColumnInfo(name: column.name + "_change_pct", kind: .double))
    }
    return input.with(columns: columns)
  }

  /// The stages the earlier run takes: all but those that pick rows by rank.
  func previousStages(_ stages: [PlannedStage]) -> [PlannedStage] {
    guard keepsOnlyCurrentRows else { return stages }
    return stages.filter { stage in
      switch stage.operation {
      case .top, .head, .tail: false
      default: true
      }
    }
  }

  /// `request` moved back by the shift (an open end moves back from now).
  func previous(_ request: UsageQuery, now: Int64) -> UsageQuery {
    var moved = request
    moved.startTime = request.startTime - shift
    moved.endTime = (request.endTime ?? now) - shift
    return moved
  }

  // MARK: - Joining the two runs

  /// The rows of `current` with the values of `previous` beside them, then (unless only current
  /// rows are kept) the rows only `previous` has, their times moved into the current window.
  func combine(current: Frame, previous: Frame) -> Frame {
    let keys = current.pairs.filter { !$0.1.kind.isNumeric }.map(\.0)
    var waiting: [[Value]: [Int]] = [:]
    for row in 0..<previous.rowCount {
      waiting[key(of: row, in: previous, keys: keys, shift: shift), default: []].append(row)
    }
    var matches: [Int?] = []
    matches.reserveCapacity(current.rowCount)
    for row in 0..<current.rowCount {
      let key = key(of: row, in: current, keys: keys, shift: 0)
      if var rows = waiting[key], !rows.isEmpty {
        matches.append(rows.removeFirst())
        waiting[key] = rows
      } else {
        matches.append(nil)
      }
    }
    let leftOver =
      keepsOnlyCurrentRows ? [] : Array(Set(waiting.values.joined())).sorted()
    return assemble(current: current, previous: previous, matches: matches, leftOver: leftOver)
  }

  private func key(of row: Int, in frame: Frame, keys: [String], shift: Int64) -> [Value] {
    keys.map { name in
      let value = frame[name]?[row] ?? .null
      if case .time(let seconds) = value { return .time(seconds + shift) }
      return value
    }
  }

  private func assemble(current: Frame, previous: Frame, matches: [Int?], leftOver: [Int])
    -> Frame
  {
    var pairs: [(String, Column)] = []
    for (name, column) in current.pairs {
      let earlier = previous[name]
      if !column.kind.isNumeric {
        var values = (0..<current.rowCount).map { column[$0] }
        for row in leftOver {
          let value = earlier?[row] ?? .null
          if case .time(let seconds) = value {
            values.append(.time(seconds + shift))
          } else {
            values.append(value)
          }
        }
        pairs.append((name, Column.from(values, kind: column.kind)))
        continue
      }
      let now = (0..<current.rowCount).map { column[$0] } + leftOver.map { _ in Value.int(0) }
      let before =
        matches.map { match in match.map { earlier?[$0] ?? .null } ?? .int(0) }
        + leftOver.map { earlier?[$0] ?? .null }
      pairs += Self.changeColumns(name, kind: column.kind, now: now, before: before)
    }
    return Frame(unchecked: pairs)
  }

  /// C, C_prev, C_change and C_change_pct from the values now and before, row by row.
  static func changeColumns(_ name: String, kind: ColumnKind, now: [Value], before: [Value])
    -> [(String, Column)]
  {
    var changes: [Value] = []
    var percents: [Value] = []
    for (value, earlier) in zip(now, before) {
      changes.append(difference(value, earlier, kind: kind))
      if let new = value.doubleValue, let old = earlier.doubleValue, old != 0 {
        percents.append(.double(100 * (new - old) / old))
      } else {
        percents.append(.null)
      }
    }
    let converted = kind == .double ? now.map(asDouble) : now
    let convertedBefore = kind == .double ? before.map(asDouble) : before
    return [
      (name, Column.from(converted, kind: kind)),
      (name + "_prev", Column.from(convertedBefore, kind: kind)),
      (name + "_change", Column.from(changes, kind: kind)),
      (name + "_change_pct", Column.from(percents, kind: .double)),
    ]
  }

  private static func asDouble(_ value: Value) -> Value {
    value.doubleValue.map(Value.double) ?? .null
  }

  /// `value − earlier` in `kind`; null when either is null or an integer overflows.
  private static func difference(_ value: Value, _ earlier: Value, kind: ColumnKind) -> Value {
    if kind == .int, case .int(let new) = value, case .int(let old) = earlier {
      let (result, overflow) = new.subtractingReportingOverflow(old)
      return overflow ? .null : .int(result)
    }
    guard let new = value.doubleValue, let old = earlier.doubleValue else { return .null }
    return .double(new - old)
  }

  // MARK: - Messages

  fileprivate static func afterForecast(_ verb: Name) -> Diagnostic {
    .error(
      "bind.compare-after-forecast",
      "'compare' cannot follow 'forecast': the earlier window would be projected too",
      at: verb.span, label: "projected rows", help: "compare the actual days: remove 'forecast'")
  }

  fileprivate static func needsWindow(_ verb: Name, shift: CompareShift) -> Diagnostic {
    .error(
      "bind.compare-needs-window",
      "'compare' needs a 'load' of usage or costs with a time window",
      at: verb.span.union(shift.span),
      label: "nothing to compare with",
      notes: [
        "compare runs the pipeline again over an earlier window, so the source must be one"
      ],
      help: "start the pipeline with a window, e.g. 'load completions days=7 | … | compare prev'")
  }

  fileprivate static func nonPositiveShift(_ duration: DurationLiteral, at span: Span)
    -> Diagnostic
  {
    .error(
      "bind.compare-shift",
      "expected a positive duration after 'compare', found '\(duration.text)'",
      at: span, label: "must be more than 0", help: "write 'compare 7d' or 'compare prev'")
  }
}
