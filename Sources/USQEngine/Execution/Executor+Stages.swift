import USQFrame

extension Executor {
  /// Runs the frame stages over `frame`, appending one timing per stage.
  ///
  /// When optimising, each stage first drops the columns it does not read
  /// (`PlannedStage.inputColumns`), a `where` filters only the columns the next stage reads, and
  /// a `where` just before a `bucket` runs fused with it (`Frame.bucket(_:where:in:)` for
  /// `column = literal` tests, else `Frame.bucket(_:selecting:)`): the filtered frame is never
  /// built.
  func runStages(
    _ stages: [PlannedStage], _ frame: Frame, context: OperationContext,
    timings: inout [StageTiming]
  ) async throws -> Frame {
    var frame = frame
    var index = 0
    while index < stages.count {
      try Task.checkCancellation()
      let next = index + 1 < stages.count ? stages[index + 1] : nil
      let ran: Int
      (frame, ran) = try await runStage(
        stages[index], next: next, frame, context: context, timings: &timings)
      index += ran
    }
    return frame
  }

  /// Runs `stage`, and `next` too when it fuses with it; the frame and how many stages ran.
  private func runStage(
    _ stage: PlannedStage, next: PlannedStage?, _ input: Frame, context: OperationContext,
    timings: inout [StageTiming]
  ) async throws -> (Frame, Int) {
    let clock = ContinuousClock()
    var started = clock.now
    var frame = isOptimizing ? input.keeping(stage.inputColumns) : input
    let operation = try stage.operation ?? bindAtRunTime(stage.syntax, input: frame)
    func finish(_ stage: PlannedStage) {
      timings.append(StageTiming(verb: stage.verb, seconds: Self.seconds(since: started, clock)))
      started = clock.now
    }
    guard isOptimizing, let filter = operation as? WhereOperation else {
      frame = try await Self.reporting(stage) { try await operation.run(frame, context: context) }
      finish(stage)
      return (frame, 1)
    }
    if let next, let bucket = next.operation as? BucketOperation,
      let condition = filter.rowCondition
    {
      // where → bucket with plain tests: bucket tests each row as it sums (where takes no time).
      finish(stage)
      let kept = frame.keeping(next.inputColumns)
      frame = try await Self.reporting(next) {
        try bucket.run(kept, where: condition, in: frame)
      }
      finish(next)
      return (frame, 2)
    }
    let selection = try await Self.reporting(stage) { try filter.selection(in: frame) }
    frame = frame.keeping(next?.inputColumns)
    guard let selection, let next, let bucket = next.operation as? BucketOperation else {
      frame = filter.filter(frame, by: selection)
      finish(stage)
      return (frame, 1)
    }
    finish(stage)
    frame = try await Self.reporting(next) { try bucket.run(frame, selecting: selection) }
    finish(next)
    return (frame, 2)
  }

  /// Runs `body`, turning a kernel error into a diagnostic at `stage`.
  private static func reporting<Result>(
    _ stage: PlannedStage, _ body: () async throws -> Result
  ) async throws -> Result {
    do {
      return try await body()
    } catch let error as FrameError {
      throw ExecutionError.stage(
        .error(
          "run.stage-failed", "'\(stage.verb)' failed: \(error)", at: stage.span,
          label: "failed here"))
    }
  }
}
