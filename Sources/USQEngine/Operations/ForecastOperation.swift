import USQBasics
import USQFrame
import USQLanguage

/// `forecast [to=month|DATE] [y=C]`: on a daily series, appends one projected row per remaining
/// day up to the end of the month (UTC) or DATE, and a bool column `forecast` (false on actual
/// rows, true on projected ones). The day in progress is replaced by its projection. Each
/// combination of the non-numeric, non-time columns (a model, a project) is its own series.
///
/// ```
/// load costs days=30 | sum amount by start_time | forecast | sum amount
/// ```
struct ForecastOperation: PipelineOperation {
  /// The projected column.
  var column: String
  /// The last day projected (days since 1970-01-01), or `nil` for the end of the month.
  var lastDay: Int64?
  var text: String

  var summary: String { text }

  static let help = HelpTopic(
    name: "forecast", aliases: [], kind: .stage, usage: "forecast [to=month|DATE] [y=C]",
    details: """
      On a daily series (a `start_time` column of whole UTC days and a numeric C, by default
      the last numeric column), appends one row per remaining day up to the end of the month
      (UTC) or DATE, and a bool column `forecast`: false on actual rows, true on projected ones.
      A projected day is the mean of the same weekday over the last 4 complete weeks when at
      least 28 complete days are loaded (days=29 or more: today is not complete), else the
      mean of the complete days (a day without rows counts as 0). The day in progress is
      replaced by its projection. Each combination of the other non-numeric columns (a model,
      a project) is projected on its own. An int C is projected to whole units; other numeric
      columns are null on projected rows.
      `sum C` after it is the month-end estimate; `chart line` and `chart bar` draw the projected
      rows distinctly.
      """,
    examples: [
      "load costs days=30 | sum amount by start_time | forecast | sum amount",
      "load completions days=35 | forecast to=2026-12-31 y=input_tokens | chart line y=input_tokens",
    ])

  static func bind(
    _ options: [OptionSyntax], verb: Name, input: StageSchema, _ state: inout BindState
  ) -> BoundStage? {
    guard let time = input["start_time"], time.kind == .time else {
      state.report(needsDailySeries(verb, input: input))
      return nil
    }
    if let width = input.bucketWidth, width != .day {
      state.report(notDaily(verb, width: width))
      return nil
    }
    guard input["forecast"] == nil else {
      state.report(columnExists(verb))
      return nil
    }
    var column = input.lastNumeric
    var lastDay: Int64?
    for option in options {
      guard let value = option.singleValue else {
        state.report(oneValue(option))
        return nil
      }
      if option.key.text == "y" {
        guard let found = state.column(Name(value.text, span: value.span), in: input) else {
          return nil
        }
        guard found.kind.isNumeric else {
          state.report(
            BindMessages.expectedNumeric(
              Name(value.text, span: value.span), column: found, verb: verb.text))
          return nil
        }
        column = found
      } else if value.text != "month" {
        guard let seconds = ISODate.parse(value.text) else {
          state.report(invalidTarget(value))
          return nil
        }
        lastDay = floorDivide(seconds, 86_400)
      }
    }
    guard let column else {
      state.report(BindMessages.noNumericColumn(verb, in: input))
      return nil
    }
    state.use(time, at: verb.span)
    let text = (["forecast"] + options.map { "\($0.key.text)=\($0.rawText)" }).joined(
      separator: " ")
    let operation = Self(column: column.name, lastDay: lastDay, text: text)
    let output = input.with(columns: input.columns + [ColumnInfo(name: "forecast", kind: .bool)])
    return BoundStage(operation: .forecast(operation), output: output)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    var series = try DailySeries(frame, column: column, window: context.window)
    let today = floorDivide(context.environment.now, 86_400)
    let days = series.days
    let target = lastDay ?? CivilDate.lastDayOfMonth(containing: days.upperBound)
    // The day in progress is projected too; a window that ended before today continues after it.
    let first = days.contains(today) ? today : days.upperBound + 1
    var projected = first <= target ? Array(first...target) : []
    if projected.isEmpty, days.contains(today) { projected = [today] }
    guard !projected.isEmpty else { return try series.withForecast(projecting: [], with: [:]) }
    let lastComplete = min(days.upperBound, today - 1)
    let firstComplete = max(days.lowerBound, series.firstWholeDay)
    let complete = firstComplete <= lastComplete ? firstComplete...lastComplete : nil
    var projections: [[Value]: DailyProjection] = [:]
    for key in series.keys {
      guard
        let projection = DailyProjection(values: series.values[key] ?? [:], completeDays: complete)
      else { throw ExecutionError.message(Self.noCompleteDay) }
      projections[key] = projection
    }
    series.dropRows(onOrAfter: first)
    return try series.withForecast(projecting: projected, with: projections)
  }

  // MARK: - Messages

  static let noCompleteDay =
    "'forecast' needs at least one complete day: load more days (days=29 or more give the weekday-aware projection)"

  fileprivate static func needsDailySeries(_ verb: Name, input: StageSchema) -> Diagnostic {
    .error(
      "bind.forecast-needs-days", "'forecast' needs a daily series with a 'start_time' time column",
      at: verb.span, label: "no daily time column",
      notes: ["the input frame's columns: \(input.names.joined(separator: ", "))"],
      help: "keep the days: 'sum amount by start_time | forecast', not 'sum amount | forecast'")
  }

  fileprivate static func notDaily(_ verb: Name, width: TimeBucket) -> Diagnostic {
    .error(
      "bind.forecast-not-daily", "'forecast' needs daily buckets, found buckets of \(width)",
      at: verb.span, label: "not a daily series",
      help: "load with bucket=1d (the default) or add '| bucket day' before 'forecast'")
  }

  fileprivate static func columnExists(_ verb: Name) -> Diagnostic {
    .error(
      "bind.forecast-column-exists", "'forecast' adds a column 'forecast', and the input has one",
      at: verb.span, label: "already forecast",
      help: "rename it first: 'rename was_forecast = forecast'")
  }

  fileprivate static func invalidTarget(_ value: OptionValue) -> Diagnostic {
    .error(
      "bind.forecast-to", "expected 'month' or a date after 'to=', found '\(value.text)'",
      at: value.span, label: "not a date", help: "write 'to=month' or 'to=2026-12-31'")
  }

  fileprivate static func oneValue(_ option: OptionSyntax) -> Diagnostic {
    .error(
      "bind.forecast-option", "'\(option.key.text)=' takes one value, found '\(option.rawText)'",
      at: option.valueSpan, label: "one value", help: "write '\(option.key.text)=' with one value")
  }
}

extension ForecastOperation: ColumnPruning {
  /// Every column: each non-numeric column keys a series, and projected rows fill them all.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    Set(input.names)
  }
}

extension CivilDate {
  /// The last day of the month holding `day` (days since 1970-01-01).
  static func lastDayOfMonth(containing day: Int64) -> Int64 {
    let date = CivilDate(days: day)
    return day + CivilDate.daysInMonth(year: date.year, month: date.month) - date.day
  }
}
