import USQFrame
import USQLanguage

/// `tail [N]`: the last N rows (default 10).
///
/// ```
/// load completions | tail 3
/// ```
struct TailOperation: PipelineOperation {
  var count: Int

  var summary: String { "tail \(count)" }

  static let help = HelpTopic(
    name: "tail", aliases: [], kind: .stage, usage: "tail [N]",
    details: "The last N rows (default 10).",
    examples: [
      "load completions | tail 3"
    ])

  static func bind(_ count: IntegerLiteral?, input: StageSchema) -> BoundStage {
    BoundStage(
      operation: .tail(Self(count: Int(clamping: max(count?.value ?? 10, 0)))), output: input)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    frame.tail(count)
  }
}

extension TailOperation: ColumnPruning {
  /// The needed columns.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    demand.columns
  }
}
