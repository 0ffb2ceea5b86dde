import USQFrame
import USQLanguage

extension Binder {
  /// Binds one frame stage against its input schema (chart and export are output stages and
  /// bound elsewhere); `nil` after reporting why.
  static func bindStage(_ stage: StageSyntax, input: StageSchema, _ state: inout BindState)
    -> BoundStage?
  {
    let verb = stage.verb
    switch stage.kind {
    case .where(let expression): return WhereOperation.bind(expression, input: input, &state)
    case .select(let names): return SelectOperation.bind(names, input: input, &state)
    case .drop(let names): return DropOperation.bind(names, input: input, &state)
    case .rename(let items): return RenameOperation.bind(items, input: input, &state)
    case .derive(let items): return DeriveOperation.bind(items, input: input, &state)
    case .aggregate(let function, let columns, let keys):
      return SumOperation.bind(
        function, columns: columns, by: keys, verb: verb, input: input, &state)
    case .count(let keys): return CountOperation.bind(by: keys, verb: verb, input: input, &state)
    case .agg(let calls, let keys):
      return AggOperation.bind(calls, by: keys, verb: verb, input: input, &state)
    case .sort(let keys): return SortOperation.bind(keys, input: input, &state)
    case .top(let count, let column):
      return TopOperation.bind(count, by: column, verb: verb, input: input, &state)
    case .head(let count): return HeadOperation.bind(count, input: input)
    case .tail(let count): return TailOperation.bind(count, input: input)
    case .bucket(let width): return BucketOperation.bind(width, verb: verb, input: input, &state)
    case .fill: return FillOperation.bind(verb: verb, input: input, &state)
    case .share(let column, let keys):
      return ShareOperation.bind(column, by: keys, verb: verb, input: input, &state)
    case .other(let percent, let column):
      return OtherOperation.bind(percent, of: column, verb: verb, input: input, &state)
    case .pivot(let column, let values):
      return PivotOperation.bind(column, values: values, verb: verb, input: input, &state)
    case .join(let frame, let keys, let kind):
      return JoinOperation.bind(frame, on: keys, kind: kind, input: input, &state)
    case .names: return NamesOperation.bind(verb: verb, input: input, &state)
    case .price: return PriceOperation.bind(verb: verb, input: input, &state)
    case .distinct(let names): return DistinctOperation.bind(names, input: input, &state)
    case .forecast(let options):
      return ForecastOperation.bind(options, verb: verb, input: input, &state)
    case .assert(let condition, let message):
      return AssertOperation.bind(condition, message: message, input: input, &state)
    case .chart, .export, .compare: return nil
    }
  }

  /// Binds the output stages at the end of a pipeline (`chart`, `export`, `chart | export`).
  static func bindOutput(_ stages: [StageSyntax], input: StageSchema, _ state: inout BindState)
    -> PlanOutput?
  {
    var chart: ChartRequest?
    for (index, stage) in stages.enumerated() {
      switch stage.kind {
      case .chart(let kind, let options):
        guard
          index == stages.count - 1 || (index == stages.count - 2 && isExport(stages[index + 1]))
        else {
          state.report(BindMessages.outputNotLast(stage.verb))
          return nil
        }
        guard
          let request = ChartStage.bind(
            kind, options: options, verb: stage.verb, input: input, &state)
        else { return nil }
        chart = request
      case .export(let path, let format, let options):
        guard index == stages.count - 1 else {
          state.report(BindMessages.outputNotLast(stage.verb))
          return nil
        }
        guard
          let request = ExportStage.bind(
            path: path, format: format, options: options, chart: chart, &state)
        else { return nil }
        return .export(request, chart: chart)
      default: return nil
      }
    }
    return chart.map(PlanOutput.chart) ?? .table
  }

  static func isOutput(_ stage: StageSyntax) -> Bool { stage.isOutput }

  static func isCompare(_ stage: StageSyntax) -> Bool {
    if case .compare = stage.kind { return true }
    return false
  }

  private static func isExport(_ stage: StageSyntax) -> Bool {
    if case .export = stage.kind { return true }
    return false
  }
}
