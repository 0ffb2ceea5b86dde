import USQFrame
import USQLanguage
import USQVocabulary

/// Warnings about statements that run but probably do not mean what they say.
///
/// Each lint teaches something about the API's fields; the statement still runs.
public enum PipelineLints {
  /// The lints that can be known from the statement and its plan, before anything runs.
  ///
  /// - Parameter timeZoneOffset: the session's display offset from UTC, in seconds.
  public static func check(_ pipeline: PipelineSyntax, plan: Plan, timeZoneOffset: Int)
    -> [Diagnostic]
  {
    var found: [Diagnostic] = []
    for stage in pipeline.stages {
      for expression in expressions(in: stage) { found += doubleCounts(expression) }
    }
    if case .load(let request, _) = plan.source {
      found += levelSummedOverTime(pipeline, endpoint: request.endpoint.name)
      found += partialEdges(pipeline, request: request)
      if timeZoneOffset != 0, request.bucketWidth == .day {
        found += utcDays(pipeline, offset: timeZoneOffset)
      }
    }
    return found
  }

  /// After the statement ran: a pie of many slices with nothing folded into `Other`.
  public static func checkPie(_ pipeline: PipelineSyntax, rows: Int) -> Diagnostic? {
    guard rows > 8, let chart = pipeline.stages.last, case .chart(.pie, _) = chart.kind,
      !pipeline.stages.contains(where: { if case .other = $0.kind { true } else { false } })
    else { return nil }
    return .warning(
      "lint.pie-slices", "a pie of \(rows) slices is hard to read", at: chart.span,
      label: "\(rows) slices",
      help: "fold the small ones first: `| other 5% | chart pie`")
  }

  // MARK: - Token fields that already include others

  /// The fields each total already includes (reference §8.1).
  static let parts: [String: Set<String>] = [
    "input_tokens": [
      "input_cached_tokens", "input_cache_write_tokens", "input_uncached_tokens",
      "input_text_tokens",
      "input_audio_tokens", "input_image_tokens", "input_cached_text_tokens",
      "input_cached_audio_tokens", "input_cached_image_tokens",
    ],
    "output_tokens": ["output_text_tokens", "output_audio_tokens", "output_image_tokens"],
  ]

  static func doubleCounts(_ expression: ExpressionSyntax) -> [Diagnostic] {
    switch expression.kind {
    case .binary(.add, _, _, _):
      let terms = Set(addends(expression))
      for (total, included) in parts.sorted(by: { $0.key < $1.key }) where terms.contains(total) {
        if let part = included.sorted().first(where: terms.contains) {
          return [
            .warning(
              "lint.double-count",
              "'\(total)' already includes '\(part)': adding them counts those tokens twice",
              at: expression.span, label: "counted twice",
              help:
                "use '\(total)' alone; `fields completions \(part)` explains how the fields add up")
          ]
        }
      }
      return []
    case .binary(_, let left, let right, _): return doubleCounts(left) + doubleCounts(right)
    case .unary(_, let inner), .isNull(let inner, _): return doubleCounts(inner)
    case .call(_, let arguments): return arguments.flatMap(doubleCounts)
    default: return []
    }
  }

  /// The words summed by a chain of `+`.
  private static func addends(_ expression: ExpressionSyntax) -> [String] {
    switch expression.kind {
    case .binary(.add, let left, let right, _): addends(left) + addends(right)
    case .word(let word): [word]
    default: []
    }
  }

  private static func expressions(in stage: StageSyntax) -> [ExpressionSyntax] {
    switch stage.kind {
    case .where(let expression): [expression]
    case .derive(let derivations): derivations.map(\.expression)
    default: []
    }
  }

  // MARK: - Levels summed over time

  static func levelSummedOverTime(_ pipeline: PipelineSyntax, endpoint: String) -> [Diagnostic] {
    guard endpoint == "vector_stores" else { return [] }
    for stage in pipeline.stages {
      let sums: Bool
      switch stage.kind {
      case .aggregate(.sum, let columns, let by):
        sums =
          columns.contains { $0.text == "usage_bytes" } && !by.contains { $0.text == "start_time" }
      case .agg(let calls, let by):
        sums =
          calls.contains { $0.function == .sum && $0.argument?.text == "usage_bytes" }
          && !by.contains { $0.text == "start_time" }
      case .bucket: sums = true
      default: sums = false
      }
      if sums {
        return [
          .warning(
            "lint.level-summed",
            "'usage_bytes' is a level, not a flow: summing it over time adds the same bytes once per bucket",
            at: stage.span, label: "sums usage_bytes across buckets",
            help:
              "take the latest or largest value instead: `agg last(usage_bytes) by project_id` or `max usage_bytes by project_id`"
          )
        ]
      }
    }
    return []
  }

  // MARK: - Windows and days

  static func partialEdges(_ pipeline: PipelineSyntax, request: UsageQuery) -> [Diagnostic] {
    guard case .load(_, let options) = pipeline.source.kind,
      let width = request.bucketWidth?.seconds
    else {
      return []
    }
    var found: [Diagnostic] = []
    for option in options {
      let edge: Int64?
      switch option.key.text {
      case "since": edge = request.startTime
      case "until": edge = request.endTime
      default: edge = nil
      }
      guard let edge, edge % width != 0 else { continue }
      let which = option.key.text == "since" ? "first" : "last"
      let covered = option.key.text == "since" ? width - edge % width : edge % width
      found.append(
        .warning(
          "lint.partial-bucket",
          "the \(which) bucket is partial: it covers \(duration(covered)) of \(duration(width))",
          at: option.span, label: "not on a \(duration(width)) boundary",
          help: "align \(option.key.text)= to the bucket width, or load a finer bucket="))
    }
    return found
  }

  static func utcDays(_ pipeline: PipelineSyntax, offset: Int) -> [Diagnostic] {
    for stage in pipeline.stages {
      guard case .bucket(let width) = stage.kind else { continue }
      switch width.kind {
      case .day, .week, .month:
        return [
          .warning(
            "lint.utc-days",
            "1d buckets are UTC days: they cannot be re-bucketed into days of the session's time zone",
            at: stage.span, label: "UTC days, shown in \(offsetText(offset))",
            help: "load with bucket=1h to get days that start at local midnight, or `set tz=UTC`")
        ]
      default: continue
      }
    }
    return []
  }

  private static func duration(_ seconds: Int64) -> String {
    if seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
    if seconds % 3_600 == 0 { return "\(seconds / 3_600)h" }
    if seconds % 60 == 0 { return "\(seconds / 60)m" }
    return "\(seconds)s"
  }

  private static func offsetText(_ offset: Int) -> String {
    let sign = offset < 0 ? "-" : "+"
    let minutes = abs(offset) / 60
    let hours = minutes / 60
    let rest = minutes % 60
    return "\(sign)\(hours < 10 ? "0" : "")\(hours):\(rest < 10 ? "0" : "")\(rest)"
  }
}
