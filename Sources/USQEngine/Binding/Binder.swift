import USQFrame
import USQLanguage

/// Turns a pipeline's syntax into a `Plan`, checking everything that can be known before a
/// request: endpoint, options, window, group keys, every column of every stage (against the
/// schema flowing out of the stage before), types, and the output stages.
///
/// ```swift
/// let (plan, diagnostics) = Binder(environment: environment).bind(pipeline)
/// ```
public struct Binder: Sendable {
  /// The environment statements bind in.
  public var environment: Environment

  /// Creates a binder.
  public init(environment: Environment) {
    self.environment = environment
  }

  /// Binds `pipeline` and optimizes the plan.
  ///
  /// - Parameter optimizer: the optimizer (tests pass `Optimizer.literal` to compare results).
  /// - Returns: the plan (`nil` when any diagnostic is an error) and every diagnostic
  ///   (errors and warnings) in the order found. The plan's `warnings` repeat the warnings.
  public func bind(_ pipeline: PipelineSyntax, optimizer: Optimizer = Optimizer()) -> (
    Plan?, [Diagnostic]
  ) {
    var state = BindState(environment: environment)
    let plan = bind(pipeline, &state)
    let hasErrors = state.diagnostics.hasErrors
    return (hasErrors ? nil : plan.map(optimizer.optimize), state.diagnostics)
  }

  /// Late binding: `plan`'s `lateStages` bound against `frame` (what the bound part of the
  /// plan gave, its columns now known) and optimized; the result runs over `frame` and keeps
  /// `plan`'s source for `explain`.
  ///
  /// - Returns: the plan, or the errors (a column the stages name that the frame lacks).
  func bindLate(_ plan: Plan, over frame: Frame, optimizer: Optimizer) -> Result<
    Plan, ExecutionError
  > {
    var state = BindState(environment: environment)
    var schema = plan.resultSchema.with(columns: StageSchema(frame).columns)
    schema.isOpen = false
    guard let (stages, output, late) = bindStages(plan.lateStages, from: schema, &state) else {
      return .failure(.diagnostics(state.diagnostics))
    }
    var bound = Plan(
      binding: plan.binding, source: plan.source, sourceSchema: schema, stages: stages,
      output: output, lateStages: late,
      warnings: state.diagnostics.filter { $0.severity == .warning })
    bound = optimizer.optimize(bound)
    return .success(bound)
  }

  /// The schema after each stage of `pipeline` up to `stageCount` stages, binding as far as it
  /// goes (for completion): the input schema of stage `stageCount`.
  func schema(flowingInto stageCount: Int, of pipeline: PipelineSyntax) -> StageSchema? {
    var state = BindState(environment: environment)
    guard var (_, schema) = bindSource(pipeline.source, &state) else { return nil }
    for stage in pipeline.stages.prefix(stageCount) {
      if schema.isOpen || Self.isOutput(stage) { return schema }
      if Self.isCompare(stage) {
        schema = CompareOperation.schema(after: schema)
        continue
      }
      guard let bound = Self.bindStage(stage, input: schema, &state) else { return nil }
      schema = bound.output
    }
    return schema
  }

  private func bind(_ pipeline: PipelineSyntax, _ state: inout BindState) -> Plan? {
    guard let (source, sourceSchema) = bindSource(pipeline.source, &state) else { return nil }
    var syntax = pipeline.stages
    var comparison: (operation: CompareOperation, stage: StageSyntax)?
    if let index = syntax.firstIndex(where: Self.isCompare) {
      guard let bound = bindComparison(syntax, at: index, source: source, &state) else {
        return nil
      }
      comparison = (bound, syntax.remove(at: index))
    }
    guard
      let (stages, output, late) = bindStages(
        syntax, from: sourceSchema, comparing: comparison != nil, &state)
    else { return nil }
    if let binding = pipeline.binding, let first = pipeline.stages.first(where: Self.isOutput) {
      state.report(BindMessages.outputIgnored(first.verb, binding: binding))
    }
    if let comparison, !late.isEmpty || (stages.last?.schema ?? sourceSchema).isOpen {
      state.report(BindMessages.compareAfterOpenSchema(comparison.stage.verb))
      return nil
    }
    let (finalSource, facts) = finish(source, &state)
    var plan = Plan(
      binding: pipeline.binding?.text, source: finalSource, sourceSchema: sourceSchema,
      stages: stages, output: output, lateStages: late,
      warnings: state.diagnostics.filter { $0.severity == .warning }, loadFacts: facts)
    if let comparison {
      plan.comparison = PlannedComparison(
        operation: comparison.operation,
        schema: CompareOperation.schema(after: stages.last?.schema ?? sourceSchema),
        span: comparison.stage.span, now: environment.now)
    }
    return plan
  }

  /// `compare` at `index` of `syntax`: the last frame stage, over a `load` with a window.
  private func bindComparison(
    _ syntax: [StageSyntax], at index: Int, source: PendingSource, _ state: inout BindState
  ) -> CompareOperation? {
    let stage = syntax[index]
    let frameCount = syntax.prefix { !Self.isOutput($0) }.count
    guard index == frameCount - 1, case .compare(let shift) = stage.kind else {
      state.report(BindMessages.compareNotLast(stage.verb))
      return nil
    }
    return CompareOperation.bind(
      shift, verb: stage.verb, source: source, stages: Array(syntax.prefix(index)),
      now: environment.now, &state)
  }

  /// Binds `syntax` from `schema` on: the frame stages up to where the schema is open, then the
  /// output; what follows an open schema is returned as late stages.
  ///
  /// - Parameter comparing: a `compare` (taken out of `syntax`) adds its columns before the
  ///   output.
  private func bindStages(
    _ syntax: [StageSyntax], from schema: StageSchema, comparing: Bool = false,
    _ state: inout BindState
  ) -> ([PlannedStage], PlanOutput, [StageSyntax])? {
    var schema = schema
    var stages: [PlannedStage] = []
    let frameStages = syntax.prefix { !Self.isOutput($0) }
    for stage in frameStages where !schema.isOpen {
      guard let bound = Self.bindStage(stage, input: schema, &state) else { return nil }
      schema = bound.output
      stages.append(
        PlannedStage(
          origin: StageOrigin(verb: stage.verb.text, span: stage.span),
          operation: bound.operation, schema: schema))
    }
    let outputStages = Array(syntax.dropFirst(frameStages.count))
    if let firstNonOutput = outputStages.first(where: { !Self.isOutput($0) }) {
      let output = outputStages.first { Self.isOutput($0) } ?? firstNonOutput
      state.report(BindMessages.outputNotLast(output.verb))
      return nil
    }
    if schema.isOpen { return (stages, .table, Array(syntax.dropFirst(stages.count))) }
    if comparing { schema = CompareOperation.schema(after: schema) }
    guard let output = Self.bindOutput(outputStages, input: schema, &state) else { return nil }
    return (stages, output, [])
  }

  /// The pending source: a `load` is finished after the stages (group_by, push-down).
  enum PendingSource {
    case load(LoadOptions)
    case ready(PlannedSource)
  }

  func bindSource(_ source: SourceSyntax, _ state: inout BindState) -> (PendingSource, StageSchema)?
  {
    switch source.kind {
    case .load(let endpoint, let options) where endpoint.text == "spend":
      guard let spend = SpendBinder(now: environment.now).bind(endpoint, options: options, &state)
      else { return nil }
      return (.ready(.spend(spend)), SpendBinder.schema(spend, now: environment.now))
    case .load(let endpoint, let options):
      guard
        let load = LoadBinder(now: environment.now).bind(
          endpoint: endpoint, options: options, &state)
      else { return nil }
      if let keys = load.explicitGroup, let span = load.groupSpan {
        state.explicitGroup = (keys, span)
      }
      return (
        .load(load),
        LoadOptions.schema(for: load.endpoint, window: load.window, now: environment.now)
      )
    case .read(let path):
      return (.ready(.read(path: path.text)), .open)
    case .from(let name):
      guard let frame = environment.frames[name.text] else {
        state.report(BindMessages.unknownFrame(name, stored: environment.frames.keys.sorted()))
        return nil
      }
      return (.ready(.stored(name: name.text)), StageSchema(frame))
    case .last, .continuation:
      guard let frame = environment.lastResult else {
        state.report(LoadMessages.noLastResult(source.verb))
        return nil
      }
      return (.ready(.last), StageSchema(frame))
    }
  }
}
