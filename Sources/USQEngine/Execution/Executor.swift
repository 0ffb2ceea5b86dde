import Foundation
import USQFrame
import USQLanguage

/// Runs plans: the source (through the `DataSource`, a file, or a stored frame), then each
/// operation through the frame kernels, timing every stage and checking for cancellation
/// between stages.
///
/// ```swift
/// let result = try await Executor(environment: environment, dataSource: source).run(plan)
/// ```
public struct Executor: Sendable {
  /// Stored frames, the last result and "now".
  public var environment: Environment
  /// Where `load` and `names` get frames; `read` uses its `decodePages` for API pages.
  public var dataSource: any DataSource
  /// The session's cache of organization lists for `names` (`nil`: fetch every time).
  public var listCache: ListCache?
  /// The optimizer for the stages bound when the statement runs (`Optimizer.literal` only to
  /// check that results do not change).
  var optimizer = Optimizer()

  /// Creates an executor.
  public init(environment: Environment, dataSource: any DataSource, listCache: ListCache? = nil) {
    self.environment = environment
    self.dataSource = dataSource
    self.listCache = listCache
  }

  /// Runs `plan`.
  ///
  /// - Parameter progress: called during `load` with (pages fetched, pages expected if known).
  /// - Throws: `ExecutionError` (runtime diagnostics with spans, `read` failures), the data
  ///   source's own errors unchanged, `CancellationError`.
  public func run(_ plan: Plan, progress: @escaping @Sendable (Int, Int?) -> Void = { _, _ in })
    async throws -> ExecutionResult
  {
    // `compare`: the earlier window runs at the same time as the loaded one.
    async let earlier = runComparison(plan)
    var timings: [StageTiming] = []
    let clock = ContinuousClock()
    var (frame, context, sourceCurrencies) = try await runPipeline(
      plan.source, sourceSchema: plan.sourceSchema, stages: plan.stages, timings: &timings,
      progress: progress)
    var ran = plan
    while ran.isBoundLate {
      // Late binding: the columns are known now; bind and optimize the rest, then run it.
      // Its time counts as the first late stage's (the timer line has one entry per stage).
      try Task.checkCancellation()
      let binding = clock.now
      let late = try Binder(environment: environment).bindLate(
        ran, over: frame, optimizer: optimizer
      ).get()
      let bindingSeconds = Self.seconds(since: binding, clock)
      let first = timings.count
      frame = try await runStages(late.stages, frame, context: context, timings: &timings)
      if first < timings.count { timings[first].seconds += bindingSeconds }
      ran.stages += late.stages
      ran.output = late.output
      ran.lateStages = late.lateStages
      ran.warnings += late.warnings
      if plan.stages.isEmpty { ran.sourceSchema = late.sourceSchema }
    }
    try Task.checkCancellation()
    if let comparison = plan.comparison, let previous = try await earlier {
      let started = clock.now
      frame = comparison.operation.combine(current: frame, previous: previous)
      timings.append(StageTiming(verb: "compare", seconds: Self.seconds(since: started, clock)))
    }
    return ExecutionResult(
      frame: frame, output: Self.output(ran.output, binding: ran.binding, frame),
      timings: timings, plan: ran, warnings: context.warnings.all,
      sourceCurrencies: sourceCurrencies)
  }

  /// The source, then the stages, timing each; the frame, the context the stages ran in, and
  /// the currencies of the source's money columns.
  private func runPipeline(
    _ source: PlannedSource, sourceSchema: StageSchema, stages: [PlannedStage],
    timings: inout [StageTiming], progress: @escaping @Sendable (Int, Int?) -> Void
  ) async throws -> (Frame, OperationContext, [String: String]) {
    let clock = ContinuousClock()
    let started = clock.now
    let warnings = RunWarnings()
    let frame = try await loadSource(
      source, sourceSchema: sourceSchema, warnings: warnings, progress: progress)
    timings.append(StageTiming(verb: source.verb, seconds: Self.seconds(since: started, clock)))
    var window = sourceSchema.window
    if case .load(let request, _) = source, let loaded = window {
      // The earlier run of `compare` loads a moved window; `fill` must fill that one.
      let moved = request.startTime - loaded.lowerBound
      window = (loaded.lowerBound + moved)..<(loaded.upperBound + moved)
    }
    let context = OperationContext(
      environment: environment, dataSource: dataSource, window: window,
      bucketWidth: sourceSchema.bucketWidth, listCache: listCache, warnings: warnings)
    let currencies = MoneyColumns.currencies(in: frame)
    return (
      try await runStages(stages, frame, context: context, timings: &timings), context, currencies
    )
  }

  /// The frame of `compare`'s earlier window, or `nil` without a comparison.
  private func runComparison(_ plan: Plan) async throws -> Frame? {
    guard let comparison = plan.comparison, let source = comparison.earlierSource(plan.source)
    else { return nil }
    var timings: [StageTiming] = []
    return try await runPipeline(
      source, sourceSchema: plan.sourceSchema, stages: comparison.earlierStages(plan.stages),
      timings: &timings, progress: { _, _ in }
    ).0
  }

  private func loadSource(
    _ source: PlannedSource, sourceSchema: StageSchema, warnings: RunWarnings,
    progress: @escaping @Sendable (Int, Int?) -> Void
  ) async throws -> Frame {
    switch source {
    case .load(let request, _):
      return Self.conform(try await dataSource.load(request, progress: progress), to: sourceSchema)
    case .spend(let request):
      return try await SpendLoader(dataSource: dataSource).load(
        request, warnings: warnings, progress: progress)
    case .read(let path):
      return try FileReader(
        dataSource: dataSource, workingDirectory: environment.workingDirectory,
        files: environment.files
      )
      .read(path)
    case .stored(let name):
      guard let frame = environment.frames[name] else {
        throw ExecutionError.message("the stored frame '\(name)' is gone")
      }
      return frame
    case .last:
      guard let frame = environment.lastResult else {
        throw ExecutionError.message("there is no last result yet")
      }
      return frame
    }
  }

  /// The loaded frame with the columns in the order the binder promised (LANGUAGE.md "Column
  /// order"): a missing column becomes nulls, an unexpected one goes last.
  static func conform(_ frame: Frame, to schema: StageSchema) -> Frame {
    if frame.names == schema.names || schema.isOpen { return frame }
    var pairs: [(String, Column)] = schema.columns.map { column in
      (column.name, frame[column.name] ?? Column.nulls(column.kind, count: frame.rowCount))
    }
    let expected = Set(schema.names)
    for (name, column) in frame.pairs where !expected.contains(name) {
      pairs.append((name, column))
    }
    return Frame(unchecked: pairs)
  }

  private static func output(_ output: PlanOutput, binding: String?, _ frame: Frame)
    -> ExecutionOutput
  {
    if let binding { return .stored(name: binding, frame) }
    switch output {
    case .table: return .table(frame)
    case .chart(let request): return .chart(request, frame)
    case .export(let request, let chart): return .export(request, frame, chart: chart)
    }
  }

  static func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock)
    -> Double
  {
    let duration = clock.now - start
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
