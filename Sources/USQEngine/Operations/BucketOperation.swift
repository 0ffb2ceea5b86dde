import USQFrame
import USQLanguage

/// `bucket WIDTH`: floors `start_time` to WIDTH (`hour day week month` or a duration; weeks
/// start Monday, UTC), keeps the latest `end_time`, and sums the numeric columns by the
/// remaining non-numeric columns.
///
/// ```
/// load completions hours=48 | bucket day
/// ```
struct BucketOperation: PipelineOperation {
  var width: TimeBucket
  /// The session's zone for calendar widths (`hour day week month`): buckets start at local
  /// boundaries. Nil for UTC and for plain durations (`bucket 6h` counts from the epoch).
  var zone: CalendarZone?

  var summary: String { "bucket \(width)" + (zone.map { " (\($0.name) time)" } ?? "") }

  static let help = HelpTopic(
    name: "bucket", aliases: [], kind: .stage, usage: "bucket WIDTH",
    details:
      "Re-buckets time: floors start_time to WIDTH (hour, day, week, month or a duration such\nas 6h; weeks start on Monday), keeps the latest end_time, and sums the numeric\ncolumns by the remaining non-numeric columns. On hourly or finer rows, days, weeks and\nmonths start at midnight in the session's zone (set tz=Europe/Berlin: a day across a\ndaylight-saving change is 23 or 25 hours); 1d rows are UTC days and stay so.",
    examples: [
      "load completions days=30 | bucket week",
      "load completions hours=48 | bucket 6h",
    ])

  static func bind(_ width: BucketWidth, verb: Name, input: StageSchema, _ state: inout BindState)
    -> BoundStage?
  {
    guard let start = input["start_time"] else {
      state.report(BindMessages.missingTimeColumn(verb, in: input))
      return nil
    }
    guard start.kind == .time else {
      state.report(
        BindMessages.expectedTime(
          Name("start_time", span: verb.span), column: start, verb: verb.text))
      return nil
    }
    let bucket: TimeBucket
    switch width.kind {
    case .hour: bucket = .hour
    case .day: bucket = .day
    case .week: bucket = .week
    case .month: bucket = .month
    case .duration(let duration):
      guard duration.seconds > 0 else {
        state.report(nonPositive(width, duration))
        return nil
      }
      bucket =
        duration.seconds == 3_600
        ? .hour : duration.seconds == 86_400 ? .day : .seconds(duration.seconds)
    }
    var output = input
    output.bucketWidth = bucket
    // Local days need rows finer than a day: 1d buckets are UTC days, and moving one whole into
    // a local day would mislabel it (the `lint.utc-days` warning says so). Plain durations
    // (`bucket 6h`) count from the epoch.
    var zone = state.environment.calendarZone
    if case .seconds = bucket { zone = nil }
    if !Self.isFinerThanDay(input.bucketWidth) { zone = nil }
    return BoundStage(operation: .bucket(Self(width: bucket, zone: zone)), output: output)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try run(frame)
  }

  /// Re-buckets every row of `frame`.
  func run(_ frame: Frame) throws -> Frame {
    try inZone(frame) { try $0.bucket(width) }
  }

  /// `run` over the rows `selection` keeps (a `where` just before), without building the
  /// filtered frame.
  func run(_ frame: Frame, selecting selection: BoolColumn) throws -> Frame {
    try inZone(frame) { try $0.bucket(width, selecting: selection) }
  }

  /// `run` over the rows of `frame` where `condition` holds in `tested` (the frame a `where`
  /// just before read), testing it as it sums.
  func run(_ frame: Frame, where condition: RowCondition, in tested: Frame) throws -> Frame {
    try inZone(frame) { try $0.bucket(width, where: condition, in: tested) }
  }

  /// `bucketing` run on local wall-clock start times, the result's start times back in UTC.
  private func inZone(_ frame: Frame, _ bucketing: (Frame) throws -> Frame) throws -> Frame {
    guard let zone else { return try bucketing(frame) }
    return zone.toUTC(try bucketing(zone.toLocal(frame)))
  }

  /// Whether rows of this width fit inside a local day: hours, minutes, a few hours.
  static func isFinerThanDay(_ width: TimeBucket?) -> Bool {
    switch width {
    case .hour?: true
    case .seconds(let seconds)?: seconds < 86_400 && 86_400 % seconds == 0
    default: false
    }
  }

  fileprivate static func nonPositive(_ width: BucketWidth, _ duration: DurationLiteral)
    -> Diagnostic
  {
    .error(
      "bind.bucket-width", "expected a positive width, found '\(duration.text)'", at: width.span,
      label: "must be longer than zero")
  }
}

extension BucketOperation: ColumnPruning {
  /// `start_time` and the group columns (every non-numeric column but a time `end_time`), plus
  /// the needed summed columns and `end_time`.
  ///
  /// When the next stage is an aggregation that cannot tell how the rows of a bucket were
  /// merged, only its own columns and `start_time` are needed: the group columns it does not
  /// read may go, so `bucket` merges more rows into one. That holds when each of its keys is
  /// `start_time` or a group column and each aggregate is a `sum` of an int column `bucket`
  /// sums (sums of sums are the same; double sums would round differently), a `min` or `max`
  /// of `start_time` or of a group column (the same values appear), or the `max` of a time
  /// `end_time` (the latest of the latest). `count`, `avg`, `median`, `first`, `last`,
  /// `distinct` and `min`/`max` of a summed column all see the merge.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    let start = "start_time"
    let groups = Set(input.columns.filter { Self.isGroup($0, start: start) }.map(\.name))
    if let aggregation = demand.consumer?.aggregation,
      Self.ignoresMerging(aggregation, groups: groups, start: start, input: input)
    {
      return aggregation.inputColumns.union([start])
    }
    return demand.columns.union(groups).union([start])
  }

  private static func isGroup(_ column: ColumnInfo, start: String) -> Bool {
    column.name != start && !column.kind.isNumeric
      && !(column.name == "end_time" && column.kind == .time)
  }

  private static func ignoresMerging(
    _ aggregation: Aggregation, groups: Set<String>, start: String, input: StageSchema
  ) -> Bool {
    let unchanged = groups.union([start])
    guard aggregation.keys.allSatisfy(unchanged.contains) else { return false }
    return aggregation.aggregates.allSatisfy { aggregate in
      guard let name = aggregate.column, let column = input[name] else { return false }
      switch aggregate.function {
      case .sum: return column.kind == .int && name != start
      case .min: return unchanged.contains(name)
      case .max:
        return unchanged.contains(name) || (name == "end_time" && column.kind == .time)
      default: return false
      }
    }
  }
}
