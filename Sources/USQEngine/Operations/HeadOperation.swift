import USQFrame
import USQLanguage

/// `head [N]`: the first N rows (default 10).
///
/// ```
/// load completions | head 3
/// ```
struct HeadOperation: PipelineOperation {
  var count: Int

  var summary: String { "head \(count)" }

  static let help = HelpTopic(
    name: "head", aliases: [], kind: .stage, usage: "head [N]",
    details: "The first N rows (default 10).",
    examples: [
      "load completions | head 3"
    ])

  static func bind(_ count: IntegerLiteral?, input: StageSchema) -> BoundStage {
    BoundStage(
      operation: .head(Self(count: Int(clamping: max(count?.value ?? 10, 0)))), output: input)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    frame.head(count)
  }
}

extension HeadOperation: ColumnPruning {
  /// The needed columns.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    demand.columns
  }
}
