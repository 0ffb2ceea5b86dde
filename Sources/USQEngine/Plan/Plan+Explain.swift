import USQBasics
import USQFrame
import USQVocabulary

extension Plan {
  /// The plan as `explain` prints it: each stage with where it runs and the schema after it,
  /// the output, then every HTTP request the data source would make.
  ///
  /// ```
  /// plan
  ///   1. load completions  [at the API]
  ///      start_time=2026-11-24T00:00:00Z  bucket_width=1d  group_by=model  limit=31
  ///      → start_time: time, end_time: time, input_tokens: int, …
  ///      columns used: input_tokens, model
  ///   2. sum input_tokens by model  [local]
  ///      → model: string, input_tokens: int
  ///   output: table
  /// requests
  ///   GET https://api.openai.com/v1/organization/usage/completions?start_time=…
  /// ```
  ///
  /// - Parameter dataSource: describes the HTTP requests.
  public func explain(dataSource: any DataSource) -> String {
    var lines = [outline]
    var requests = sourceRequests
    for stage in stages {
      requests += stage.operation.requests
    }
    if !requests.isEmpty {
      lines.append("requests")
      let planned = requests.flatMap(dataSource.plannedRequests)
      if planned.isEmpty { lines.append("  (the data source describes no requests)") }
      for request in planned { lines += Self.requestLines(request) }
    }
    return lines.joined(separator: "\n")
  }

  /// The requests the source makes: the `load`, the costs and usage requests of `load spend`,
  /// and the earlier window of `compare` (stages' own requests, such as `names`, not included).
  public var sourceRequests: [UsageQuery] {
    var requests: [UsageQuery] = []
    switch source {
    case .load(let request, _): requests.append(request)
    case .spend(let spend): requests += spend.requests
    default: break
    }
    if case .load(let request, _) = comparison?.earlierSource(source) { requests.append(request) }
    return requests
  }

  /// `compare`: the earlier window and the columns it adds.
  private func comparisonLines(_ comparison: PlannedComparison, number: Int) -> [String] {
    var window = ""
    if case .load(let request, _) = comparison.earlierSource(source) {
      window =
        " over \(ISODate.format(request.startTime)) – "
        + (request.endTime.map(ISODate.format) ?? "(now)")
    }
    let left =
      comparison.earlierStages(stages).count < stages.count ? " without top/head/tail" : ""
    return [
      "  \(number). \(comparison.summary)  [the pipeline again\(left)\(window), at the same time]",
      "     → " + comparison.schema.description,
    ]
  }

  /// The plan part of `explain`: the source, each stage (a fused stage as one, with how it
  /// runs; the columns it reads when pruned), the stages bound when it runs, and the output.
  public var outline: String {
    var lines = ["plan"]
    lines += sourceLines()
    if let used = usedSourceColumns {
      lines.append("     columns used: " + used.joined(separator: ", "))
    }
    var previous = sourceSchema
    for (index, stage) in stages.enumerated() {
      var notes = ["local"]
      if index == 0 && !pushedDown.isEmpty {
        notes[0] += "; also sent as \(pushedDown.joined(separator: " "))"
      }
      if case .bucketWhere(let fused) = stage.operation { notes.append(fused.note) }
      lines.append("  \(index + 2). \(stage.operation.summary)  [\(notes.joined(separator: "; "))]")
      if index > 0, let read = stage.inputColumns {
        lines.append("     reads: " + read.joined(separator: ", "))
      }
      let same = stage.schema.columns == previous.columns && stage.schema.isOpen == previous.isOpen
      lines.append("     → " + (same ? "(the same columns)" : stage.schema.description))
      previous = stage.schema
    }
    for (index, stage) in lateStages.enumerated() where !Binder.isOutput(stage) {
      lines.append(
        "  \(stages.count + index + 2). \(stage.verb.text) (checked when it runs)  [local]")
      lines.append("     → (columns known when it runs)")
    }
    if let comparison {
      lines += comparisonLines(comparison, number: stages.count + 2)
    }
    lines.append("  output: \(outputDescription)")
    return lines.joined(separator: "\n")
  }

  private var pushedDown: [String] {
    if case .load(_, let pushed) = source { return pushed }
    return []
  }

  private func sourceLines() -> [String] {
    let schema = "     → \(sourceSchema.description)"
    switch source {
    case .spend(let spend):
      return spend.explainLines + [schema]
    case .load(let request, _):
      var lines = ["  1. load \(request.endpoint)  [at the API]"]
      let parameters = Self.parameters(request)
      if !parameters.isEmpty { lines.append("     " + parameters.joined(separator: "  ")) }
      return lines + [schema]
    case .read(let path): return ["  1. read \(path)  [local file]", schema]
    case .stored(let name): return ["  1. from \(name)  [stored frame]", schema]
    case .last: return ["  1. _  [the last result]", schema]
    }
  }

  /// A request's parameters as `explain` prints them (`start_time=… group_by=model`).
  static func parameters(_ request: UsageQuery) -> [String] {
    var parameters: [String] = []
    if request.endpoint.isBucketed {
      parameters.append("start_time=\(ISODate.format(request.startTime))")
      parameters.append("end_time=" + (request.endTime.map(ISODate.format) ?? "(now)"))
      if let width = request.bucketWidth { parameters.append("bucket_width=\(width.rawValue)") }
      if !request.groupBy.isEmpty {
        parameters.append("group_by=\(request.groupBy.joined(separator: ","))")
      }
      for filter in request.filters {
        parameters.append("\(filter.name)=\(filter.values.joined(separator: ","))")
      }
      if let limit = request.limit { parameters.append("limit=\(limit)") }
    }
    return parameters
  }

  private var outputDescription: String {
    if let binding { return "stored as '\(binding)'" }
    let lateOutput = lateStages.filter(Binder.isOutput)
    if !lateOutput.isEmpty {
      return lateOutput.map(\.verb.text).joined(separator: " | ") + " (checked when it runs)"
    }
    switch output {
    case .table: return "table"
    case .chart(let chart): return Self.describe(chart)
    case .export(let export, let chart):
      return (chart.map { Self.describe($0) + ", " } ?? "")
        + "export \(export.path) as \(export.format)"
    }
  }

  static func describe(_ chart: ChartRequest) -> String {
    var parts = ["chart \(chart.kind.rawValue)"]
    if let x = chart.x { parts.append("x=\(x)") }
    parts.append("y=\(chart.y.joined(separator: ","))")
    if let by = chart.by { parts.append("by=\(by)") }
    return parts.joined(separator: " ")
  }

  static func requestLines(_ request: PlannedRequest) -> [String] {
    let query = request.parameters.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    var lines = ["  \(request.method) \(request.url)" + (query.isEmpty ? "" : "?\(query)")]
    var notes: [String] = []
    if let pages = request.expectedPages { notes.append(pages == 1 ? "1 page" : "\(pages) pages") }
    if let note = request.note { notes.append(note) }
    if !notes.isEmpty { lines.append("      (\(notes.joined(separator: "; ")))") }
    return lines
  }
}
