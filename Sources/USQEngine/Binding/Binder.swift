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

  /// Binds `pipeline`.
  ///
  /// - Returns: the plan (`nil` when any diagnostic is an error) and every diagnostic
  ///   (errors and warnings) in the order found. The plan's `warnings` repeat the warnings.
  public func bind(_ pipeline: PipelineSyntax) -> (Plan?, [Diagnostic]) {
    var state = BindState(environment: environment)
    let plan = bind(pipeline, &state)
    let hasErrors = state.diagnostics.hasErrors
    return (hasErrors ? nil : plan, state.diagnostics)
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
    var schema = sourceSchema
    var stages: [PlannedStage] = []
    var frameStages = pipeline.stages.prefix { !Self.isOutput($0) }
    let outputCount = pipeline.stages.count - frameStages.count
    var comparison: (CompareOperation, StageSyntax)?
    if let index = frameStages.firstIndex(where: Self.isCompare) {
      let stage = frameStages[index]
      guard index == frameStages.count - 1, case .compare(let shift) = stage.kind else {
        state.report(BindMessages.compareNotLast(stage.verb))
        return nil
      }
      frameStages = frameStages.dropLast()
      guard
        let bound = CompareOperation.bind(
          shift, verb: stage.verb, source: source, stages: Array(frameStages),
          now: environment.now, &state)
      else { return nil }
      comparison = (bound, stage)
    }
    for stage in frameStages {
      var bound: BoundStage?
      if !schema.isOpen {
        bound = Self.bindStage(stage, input: schema, &state)
        guard bound != nil else { return nil }
      }
      schema = bound?.output ?? .open
      stages.append(
        PlannedStage(
          verb: stage.verb.text, span: stage.span, syntax: stage, operation: bound?.operation,
          schema: schema))
    }
    let stagesSchema = schema
    if comparison != nil, !schema.isOpen { schema = CompareOperation.schema(after: schema) }
    let outputStages = Array(pipeline.stages.suffix(outputCount))
    var output = PlanOutput.table
    if let firstNonOutput = outputStages.first(where: { !Self.isOutput($0) }) {
      let output = outputStages.first { Self.isOutput($0) } ?? firstNonOutput
      state.report(BindMessages.outputNotLast(output.verb))
      return nil
    }
    if !schema.isOpen {
      guard let bound = Self.bindOutput(outputStages, input: schema, &state) else { return nil }
      output = bound
    }
    if let binding = pipeline.binding, let first = outputStages.first {
      state.report(BindMessages.outputIgnored(first.verb, binding: binding))
    }
    let finalSource = finish(source, stages: &stages, &state)
    var plan = Plan(
      binding: pipeline.binding?.text, source: finalSource, sourceSchema: sourceSchema,
      stages: stages,
      output: output, deferredOutput: schema.isOpen ? outputStages : [],
      warnings: state.diagnostics.filter { $0.severity == .warning })
    plan.pruneColumns()
    if let (operation, stage) = comparison {
      plan.comparison = PlannedComparison(
        operation: operation, schema: schema.isOpen ? stagesSchema : schema, span: stage.span,
        now: environment.now)
    }
    return plan
  }

  /// The pending source: a `load` is finished after the stages (group_by, push-down).
  enum PendingSource {
    case load(LoadOptions)
    case ready(PlannedSource)
  }

  func bindSource(_ source: SourceSyntax, _ state: inout BindState) -> (PendingSource, StageSchema)?
  {
    switch source.kind {
    case .load(let endpoint, let options):
      guard
        let load = LoadBinder(now: environment.now).bind(
          endpoint: endpoint, options: options, &state)
      else { return nil }
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
