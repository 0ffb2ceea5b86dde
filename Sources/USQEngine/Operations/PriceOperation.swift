import USQFrame
import USQLanguage
import USQVocabulary

/// `price`: adds `cost` (estimated dollars) to each row of a completions or embeddings frame,
/// at any bucket width, from unit prices learned from the same days' costs line items
/// (`amount / quantity`, one costs request `group_by=line_item`); a day without a price takes
/// the nearest day's; a model never priced gets a null `cost` and one warning naming it.
///
/// ```
/// load completions days=30 group=user_id,model | price | sum cost by user_id
/// ```
struct PriceOperation: PipelineOperation {
  /// `completions` or `embeddings`: which fields count each line-item kind.
  var endpoint: String
  /// The costs request for the loaded window (`nil`: the days of the frame, known when it runs).
  var pricesRequest: UsageQuery?
  /// The costs endpoint (`nil` when the environment has none: no prices, `cost` null).
  var costs: Endpoint?
  /// The stage, for the warning.
  var span: Span

  var summary: String {
    "price (cost = Σ tokens × unit price of model, tier and kind that day, from costs line items)"
  }

  static let help = HelpTopic(
    name: "price", aliases: [], kind: .stage, usage: "price",
    details: """
      Adds 'cost' (dollars) to each row of a completions or embeddings frame, at any bucket
      width (hourly too): each kind of tokens × the unit price of the row's model, tier and kind
      on its UTC day. Unit prices are learned from the organization's own bill: amount / quantity
      of the matching costs line item that day (one extra costs request, group_by=line_item;
      'explain' shows it). A day without a price takes the nearest day's; a model never priced
      gets a null cost and one warning names it. Without group=, model, batch and service_tier
      join the request's group_by; an explicit group= must name model (batch and service_tier
      are added to it, so tier prices apply).
      """,
    examples: [
      "load completions days=30 group=user_id,model | price | sum cost by user_id | top 5",
      "load completions hours=24 | price | sum cost by model",
      "load embeddings days=7 | price | sum cost by model",
    ])

  static func bind(verb: Name, input: StageSchema, _ state: inout BindState) -> BoundStage? {
    guard !input.isOpen else {
      return BoundStage(
        operation: .price(
          Self(
            endpoint: "completions", costs: state.environment.endpoint(named: "costs"),
            span: verb.span)),
        output: input.with(columns: input.columns + [ColumnInfo(name: "cost", kind: .double)]))
    }
    guard input["start_time"]?.kind == .time, let model = input["model"], model.kind == .string
    else {
      state.report(missingColumns(verb, in: input))
      return nil
    }
    let endpoint = input["output_tokens"] != nil ? "completions" : "embeddings"
    guard input["input_tokens"] != nil || input["input_text_tokens"] != nil else {
      state.report(missingColumns(verb, in: input))
      return nil
    }
    if model.dimension != nil, let explicit = state.explicitGroup, !explicit.keys.contains("model")
    {
      state.report(modelNotGrouped(verb, group: explicit.keys, at: explicit.span))
      return nil
    }
    state.use(model, at: verb.span)
    for name in ["batch", "service_tier"] {
      guard let column = input[name], let key = column.dimension else { continue }
      state.use(column, at: verb.span, isOptional: true)
      if !state.requiredDimensions.contains(key) { state.requiredDimensions.append(key) }
    }
    let costs = state.environment.endpoint(named: "costs")
    let now = state.environment.now
    let operation = Self(
      endpoint: endpoint,
      pricesRequest: input.window.flatMap { window in
        costs.map { Self.request(days: window, now: now, costs: $0) }
      },
      costs: costs, span: verb.span)
    let cost = ColumnInfo(name: "cost", kind: .double)
    return BoundStage(
      operation: .price(operation),
      output: input.with(columns: input.columns.filter { $0.name != "cost" } + [cost]))
  }

  /// The costs request for the UTC days that `window` touches (`end_time` left open when the
  /// window runs up to now).
  static func request(days window: Range<Int64>, now: Int64, costs: Endpoint) -> UsageQuery {
    let start = TimeBucket.day.floor(window.lowerBound)
    let lastDay = TimeBucket.day.floor(window.upperBound - 1)
    let end: Int64? = window.upperBound >= now ? nil : lastDay + 86_400
    return UsageQuery(
      endpoint: costs, startTime: start, endTime: end, bucketWidth: .day, groupBy: ["line_item"],
      limit: costs.limit(for: .day)?.maximum)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    guard frame.rowCount > 0 else {
      return frame.withColumn("cost", .double(DoubleColumn(values: [])))
    }
    guard let request = pricesRequest ?? daysOf(frame, now: context.environment.now) else {
      return frame.withColumn("cost", .nulls(.double, count: frame.rowCount))
    }
    let costs = try await context.dataSource.load(request, progress: { _, _ in })
    let prices = UnitPrices(costs: costs)
    let (cost, unpriced) = PriceCalculator(prices: prices, endpoint: endpoint).costs(frame)
    if !unpriced.isEmpty {
      context.warnings.report(Self.noPrice(unpriced, at: span))
    }
    let others = SpendLoader.currencies(costs).subtracting(["usd"])
    if !others.isEmpty {
      context.warnings.report(
        SpendLoader.otherCurrency(others.sorted(), at: span, column: "cost"))
    }
    return frame.withColumn("cost", cost)
  }

  /// The request for the days of `frame`'s `start_time`s (after `read` or `from`).
  private func daysOf(_ frame: Frame, now: Int64) -> UsageQuery? {
    guard let costs, case .time(let times)? = frame["start_time"] else { return nil }
    let valid = (0..<times.count).filter(times.isValid).map { times.values[$0] }
    guard let first = valid.min(), let last = valid.max() else { return nil }
    return Self.request(days: first..<(last + 1), now: now, costs: costs)
  }

  // MARK: - Messages

  fileprivate static func missingColumns(_ verb: Name, in schema: StageSchema) -> Diagnostic {
    .error(
      "bind.price-columns",
      "'price' needs a completions or embeddings frame: 'start_time', 'model' and the token columns",
      at: verb.span, label: "cannot price this frame",
      notes: ["the input frame's columns: \(schema.names.joined(separator: ", "))"],
      help: "price right after the load: load completions days=7 | price | sum cost by model")
  }

  fileprivate static func modelNotGrouped(_ verb: Name, group: [String], at span: Span)
    -> Diagnostic
  {
    .error(
      "bind.price-needs-model",
      "'price' needs 'model' in group=, found group=\(group.joined(separator: ","))",
      at: span, label: "no 'model' here",
      notes: ["each model has its own unit prices; without model the tokens cannot be priced"],
      help: "add it: group=\((group + ["model"]).joined(separator: ","))")
  }

  fileprivate static func noPrice(_ models: [String], at span: Span) -> Diagnostic {
    let names = models.map { "'\($0)'" }.joined(separator: ", ")
    return .warning(
      "run.price-unknown",
      "no unit price for \(names) in the costs of these days: 'cost' is null there",
      at: span, label: "cost null for \(models.count == 1 ? "this model" : "these models")",
      notes: ["prices are learned from costs line items 'MODEL, KIND'; see: fields costs line_item"]
    )
  }
}

extension PriceOperation {
  /// The costs request that teaches the unit prices (for `explain`).
  var requests: [UsageQuery] { pricesRequest.map { [$0] } ?? [] }
}

extension PriceOperation: ColumnPruning {
  /// The needed columns (but `cost`, which it makes), the time, model and tier columns, and the
  /// token columns that each kind counts.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    var needed = demand.columns.subtracting(["cost"])
    needed.formUnion(["start_time", "model", "batch", "service_tier"])
    for kind in LineItemKind.allCases { needed.formUnion(kind.quantityFields(endpoint: endpoint)) }
    return needed
  }
}
