import USQFrame
import USQLanguage

/// `sort C [asc|desc], …`: stable sort, ascending by default (null last).
///
/// ```
/// load completions group=model | sum input_tokens by model | sort input_tokens desc
/// ```
struct SortOperation: PipelineOperation {
  var keys: [SortKey]

  var summary: String {
    "sort " + keys.map { $0.column + ($0.descending ? " desc" : "") }.joined(separator: ", ")
  }

  static let help = HelpTopic(
    name: "sort", aliases: [], kind: .stage, usage: "sort C [asc|desc], …",
    details: "Stable sort, ascending by default; null sorts last.",
    examples: [
      "load completions | sum input_tokens by model | sort input_tokens desc"
    ])

  static func bind(_ items: [SortKeySyntax], input: StageSchema, _ state: inout BindState)
    -> BoundStage?
  {
    guard state.columns(items.map(\.column), in: input) != nil else { return nil }
    let keys = items.map { SortKey($0.column.text, descending: $0.isDescending) }
    return BoundStage(operation: .sort(Self(keys: keys)), output: input)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try frame.sorted(by: keys)
  }
}

extension SortOperation: ColumnPruning {
  /// The needed columns and the sort keys.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    demand.columns.union(keys.map(\.column))
  }
}
