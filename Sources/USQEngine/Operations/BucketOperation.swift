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

  var summary: String { "bucket \(width)" }

  static let help = HelpTopic(
    name: "bucket", aliases: [], kind: .stage, usage: "bucket WIDTH",
    details:
      "Re-buckets time: floors start_time to WIDTH (hour, day, week, month or a duration such\nas 6h; weeks start on Monday, UTC), keeps the latest end_time, and sums the numeric\ncolumns by the remaining non-numeric columns.",
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
    return BoundStage(operation: Self(width: bucket), output: output)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try frame.bucket(width)
  }

  fileprivate static func nonPositive(_ width: BucketWidth, _ duration: DurationLiteral)
    -> Diagnostic
  {
    .error(
      "bind.bucket-width", "expected a positive width, found '\(duration.text)'", at: width.span,
      label: "must be longer than zero")
  }
}
