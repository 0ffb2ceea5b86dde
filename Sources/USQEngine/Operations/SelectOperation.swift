import USQFrame
import USQLanguage

/// `select C, …`: keeps these columns, in this order.
///
/// ```
/// load completions group=model | select start_time, model, input_tokens
/// ```
struct SelectOperation: PipelineOperation {
  var names: [String]

  var summary: String { "select \(names.joined(separator: ", "))" }

  static let help = HelpTopic(
    name: "select", aliases: [], kind: .stage, usage: "select C, …",
    details: "Keeps these columns, in this order.",
    examples: [
      "load completions group=model | select start_time, model, input_tokens"
    ])

  static func bind(_ names: [Name], input: StageSchema, _ state: inout BindState) -> BoundStage? {
    guard state.checkUnique(names, what: "column"),
      let columns = state.columns(names, in: input)
    else { return nil }
    return BoundStage(
      operation: .select(Self(names: names.map(\.text))), output: input.with(columns: columns))
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    // A name missing here was pruned away (see `ColumnPruning`): binding checked it exists.
    try frame.select(names.filter { frame[$0] != nil })
  }
}

extension SelectOperation: ColumnPruning {
  /// Only the needed columns: `run` skips names pruned away before it.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    demand.columns
  }
}
