import USQFrame
import USQLanguage

/// `distinct C, …`: the distinct combinations of these columns, in first-seen order.
///
/// ```
/// load completions group=model,project_id | distinct model, project_id
/// ```
struct DistinctOperation: PipelineOperation {
  var names: [String]

  var summary: String { "distinct \(names.joined(separator: ", "))" }

  static let help = HelpTopic(
    name: "distinct", aliases: [], kind: .stage, usage: "distinct C, …",
    details: "The distinct combinations of these columns, in first-seen order.",
    examples: [
      "load completions group=model,project_id | distinct model, project_id"
    ])

  static func bind(_ names: [Name], input: StageSchema, _ state: inout BindState) -> BoundStage? {
    guard state.checkUnique(names, what: "column"),
      let columns = state.columns(names, in: input)
    else { return nil }
    return BoundStage(
      operation: .distinct(Self(names: names.map(\.text))),
      output: input.with(columns: names.isEmpty ? input.columns : columns))
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try frame.distinct(names)
  }
}

extension DistinctOperation: ColumnPruning {
  /// The listed columns (all without a list).
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    names.isEmpty ? Set(input.names) : Set(names)
  }
}
