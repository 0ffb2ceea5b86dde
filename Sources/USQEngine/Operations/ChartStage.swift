import USQFrame
import USQLanguage

/// `chart KIND [x=C] [y=C, …] [by=C] [title="…"] [width=N] [height=N]`: the output stage that
/// draws the frame. Defaults: `x` the first non-numeric column (`start_time` for `line`), `y`
/// the last numeric column; `stack` and `spark` need `by=` (default: the first string column).
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
      "Draws the frame (the last stage, or before `export PATH.svg`).\nbar: one bar per row; several y give grouped bars. stack: one bar per x, one segment per\n`by` value. line: a time series per `by` value. pie: share of each row, largest first.\nspark: one sparkline per `by` value. heat: day × hour-of-day (needs bucket=1h or finer).\nDefaults: x = the first non-numeric column (start_time for line), y = the last numeric.\nPartial buckets (still in progress, begun before the loaded data) and projected rows\n(`forecast` = true) are drawn dotted, lighter or hatched, with a note; an id with its name\nbeside it (after `names`) is labelled by the name.",
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
    let needsSeries = request.kind == .stack || request.kind == .spark
    if needsSeries && request.by == nil {
      request.by = input.columns.first { $0.kind == .string && $0.name != request.x }?.name
      if request.by == nil { state.report(needs(verb, "by", "a column naming the series")) }
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
