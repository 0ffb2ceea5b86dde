import USQFrame

extension Executor {
  /// Runs the frame stages of an optimized plan over `frame`, appending one timing per stage
  /// as written (a fused `where | bucket` gives two).
  ///
  /// Each stage first drops the columns it does not read (`PlannedStage.inputColumns`); what
  /// each stage does was decided by the optimizer.
  func runStages(
    _ stages: [PlannedStage], _ frame: Frame, context: OperationContext,
    timings: inout [StageTiming]
  ) async throws -> Frame {
    var frame = frame
    let clock = ContinuousClock()
    for stage in stages {
      try Task.checkCancellation()
      var started = clock.now
      func finish(_ origin: StageOrigin) {
        timings.append(StageTiming(verb: origin.verb, seconds: Self.seconds(since: started, clock)))
        started = clock.now
      }
      let input = frame.keeping(stage.inputColumns)
      switch stage.operation {
      case .bucketWhere(let fused):
        let selection = try await Self.reporting(stage.origin) { try fused.selection(input) }
        finish(stage.origin)
        frame = try await Self.reporting(fused.bucketOrigin) { try fused.bucket(input, selection) }
        finish(fused.bucketOrigin)
      default:
        frame = try await Self.reporting(stage.origin) {
          try await stage.operation.run(input, context: context)
        }
        finish(stage.origin)
      }
    }
    return frame
  }

  /// Runs `body`, turning a kernel error into a diagnostic at the stage `origin`.
  private static func reporting<Result>(
    _ origin: StageOrigin, _ body: () async throws -> Result
  ) async throws -> Result {
    do {
      return try await body()
    } catch let error as FrameError {
      throw ExecutionError.stage(
        .error(
          "run.stage-failed", "'\(origin.verb)' failed: \(error)", at: origin.span,
          label: "failed here"))
    }
  }
}
