import USQEngine
import USQLanguage

extension Plan {
  /// The planned stage that runs `stage` as written (a fused `where` → `bucket` runs both), with
  /// the schema flowing into it; nil for a stage the plan does not run as a frame stage (output).
  func planned(for stage: StageSyntax) -> (stage: PlannedStage, input: StageSchema)? {
    guard let index = stages.firstIndex(where: { $0.origins.contains { $0.span == stage.span } })
    else { return nil }
    return (stages[index], index > 0 ? stages[index - 1].schema : sourceSchema)
  }
}
