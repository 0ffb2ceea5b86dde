import USQFrame
import USQLanguage

/// `chart KIND [x=C] [y=C, …] [by=C] [title="…"] [width=N] [height=N]`: the output stage that
/// draws the frame. Defaults: `x` the first non-numeric column (`start_time` for `line`), `y`
/// the last numeric column; `stack` and `spark` need `by=` (an error lists the candidates).
///
/// ```
/// load completions days=30 | chart bar x=start_time y=input_tokens,output_tokens
/// ```
enum ChartStage {
  static let help = HelpTopic(
    name: "chart", kind: .stage,
    usage:
      "chart bar|stack|line|pie|spark|heat [x=C] [y=C, …] [by=C] [title=\"…\"] [width=N] [height=N]",
    details:
      "Draws the frame (the last stage, or before `export PATH.svg`).\nbar: one bar per row; several y give grouped bars. stack: one bar per x, one segment per\n`by` value (by= required). line: a time series per `by` value; a null leaves a gap.\npie: share of each row, largest first. spark: one sparkline per `by` value (by= required).\nheat: day × hour-of-day (needs bucket=1h or finer). Negative values in bar and stack grow\nleft of a zero axis. Defaults: x = the first non-numeric column (start_time for line),\ny = the last numeric. Partial buckets (still in progress, begun before the loaded data)\nand projected rows (`forecast` = true) are drawn dotted, lighter or hatched, with a note;\nan id with its name beside it (after `names`) is labelled by the name.",
    examples: [
      "load completions days=30 | chart bar x=start_time y=input_tokens,output_tokens",
      "load completions days=30 group=model,project_id | sum num_model_requests by model, project_id | chart stack x=model y=num_model_requests by=project_id",
      "load completions days=14 | chart line y=input_tokens by=model",
      "load costs days=30 group=line_item | sum amount by line_item | chart bar",
      "load completions hours=72 | chart heat y=num_model_requests",
    ])

  static func bind(
    _ kind: ChartKind, options: [OptionSyntax], verb: Name, input: StageSchema,
    _ state: inout BindState
  ) -> ChartRequest? {
    let start = state.diagnostics.count
    var request = ChartRequest(kind: kind, x: nil, y: [], by: nil)
    for option in options { apply(option, to: &request, input: input, &state) }
    if state.hasErrors(since: start) { return nil }
    fillDefaults(&request, verb: verb, input: input, &state)
    if kind == .heat, let width = input.bucketWidth, Self.seconds(width) > 3_600 {
      state.report(heatNeedsHours(verb))
    }
    return state.hasErrors(since: start) ? nil : request
  }

  // MARK: - Options

  private static func apply(
    _ option: OptionSyntax, to request: inout ChartRequest, input: StageSchema,
    _ state: inout BindState
  ) {
    let key = option.key.text
    switch key {
    case "x", "by":
      guard let value = single(option, &state) else { return }
      guard let column = state.column(Name(value.text, span: value.span), in: input) else { return }
      if key == "x" { request.x = column.name } else { request.by = column.name }
    case "y":
      for value in option.values {
        let name = Name(value.text, span: value.span)
        guard let column = state.column(name, in: input) else { continue }
        guard column.kind.isNumeric || input.isOpen else {
          state.report(BindMessages.expectedNumeric(name, column: column, verb: "chart"))
          continue
        }
        request.y.append(column.name)
      }
    case "title": request.title = option.values.map(\.text).joined(separator: ",")
    case "width", "height":
      guard let value = single(option, &state), let number = Int(value.text), number > 0 else {
        state.report(badSize(option))
        return
      }
      if key == "width" { request.width = number } else { request.height = number }
    default:
      state.report(unknownOption(option.key))
    }
  }

  private static func fillDefaults(
    _ request: inout ChartRequest, verb: Name, input: StageSchema, _ state: inout BindState
  ) {
    if input.isOpen { return }
    if request.y.isEmpty {
      guard let y = input.lastNumeric else {
        state.report(BindMessages.noNumericColumn(verb, in: input))
        return
      }
      request.y = [y.name]
    }
    switch request.kind {
    case .bar, .stack, .line:
      if request.x == nil {
        let time = request.kind == .line ? input["start_time"] : nil
        request.x = (time ?? input.firstNonNumeric)?.name
      }
      if request.x == nil { state.report(needs(verb, "x", "a non-numeric column for the x axis")) }
    case .pie, .spark, .heat: break
    }
    // The contract asks for `by=` here: guessing one drew a single `(null)` series from a column
    // that `group=` never filled.
    if (request.kind == .stack || request.kind == .spark) && request.by == nil {
      state.report(needsBy(verb, kind: request.kind, input: input, x: request.x))
    }
    if request.kind == .pie && request.by == nil {
      request.by = input.columns.first { $0.kind == .string }?.name ?? input.firstNonNumeric?.name
    }
    if request.kind == .heat && input["start_time"]?.kind != .time {
      state.report(BindMessages.missingTimeColumn(verb, in: input))
    }
  }

  private static func single(_ option: OptionSyntax, _ state: inout BindState) -> OptionValue? {
    guard let value = option.singleValue else {
      state.report(oneValue(option))
      return nil
    }
    return value
  }

  static func seconds(_ bucket: TimeBucket) -> Int64 {
    switch bucket {
    case .hour: 3_600
    case .day: 86_400
    case .week: 7 * 86_400
    case .month: 28 * 86_400
    case .seconds(let width): width
    }
  }

  fileprivate static func badSize(_ option: OptionSyntax) -> Diagnostic {
    .error(
      "bind.chart-size",
      "expected a positive whole number for '\(option.key.text)', found '\(option.rawText)'",
      at: option.valueSpan, label: "not a positive integer")
  }

  fileprivate static func heatNeedsHours(_ verb: Name) -> Diagnostic {
    .error(
      "bind.heat-width", "'chart heat' needs hourly or finer buckets", at: verb.span,
      label: "the input's buckets are longer than an hour",
      help: "load with bucket=1h (or hours=N)")
  }

  fileprivate static func needs(_ verb: Name, _ key: String, _ what: String) -> Diagnostic {
    .error(
      "bind.chart-option", "this chart needs '\(key)=': \(what)", at: verb.span,
      label: "no default for '\(key)'", help: "add \(key)=COLUMN")
  }

  fileprivate static func needsBy(_ verb: Name, kind: ChartKind, input: StageSchema, x: String?)
    -> Diagnostic
  {
    let candidates = input.columns.filter { !$0.kind.isNumeric && $0.kind != .time && $0.name != x }
      .map(\.name)
    let what = kind == .stack ? "segments of each bar" : "sparklines"
    return .error(
      "bind.chart-needs-by",
      "'chart \(kind.rawValue)' needs by=COLUMN: the column whose values become the \(what)",
      at: verb.span, label: "no by=",
      notes: candidates.isEmpty
        ? ["the input has no text column to split by"]
        : ["candidates: " + candidates.joined(separator: ", ")],
      help: candidates.isEmpty
        ? "load a text column (e.g. group=model) and add by=COLUMN"
        : "add by=COLUMN with one of the candidates")
  }

  fileprivate static func oneValue(_ option: OptionSyntax) -> Diagnostic {
    .error(
      "bind.chart-option", "'\(option.key.text)=' takes one column, found '\(option.rawText)'",
      at: option.valueSpan, label: "one column only")
  }

  fileprivate static func unknownOption(_ key: Name) -> Diagnostic {
    .error(
      "bind.unknown-option", "unknown chart option '\(key.text)'", at: key.span,
      label: "not a chart option",
      notes: ["chart options: \(ChartKind.optionKeys.joined(separator: ", "))"],
      help: DidYouMean.best(for: key.text, among: ChartKind.optionKeys).map {
        "did you mean '\($0)'?"
      })
  }
}
