import USQFrame
import USQLanguage

/// `drop C, …`: removes these columns.
///
/// ```
/// load completions | drop end_time
/// ```
struct DropOperation: PipelineOperation {
  var names: [String]

  var summary: String { "drop \(names.joined(separator: ", "))" }

  static let help = HelpTopic(
    name: "drop", aliases: [], kind: .stage, usage: "drop C, …",
    details: "Removes these columns.",
    examples: [
      "load completions | drop end_time"
    ])

  static func bind(_ names: [Name], input: StageSchema, _ state: inout BindState) -> BoundStage? {
    guard state.checkUnique(names, what: "column") else { return nil }
    // Dropping a dimension is no reason to group by it: check the names without marking them used.
    for name in names where input[name.text] == nil {
      state.report(BindMessages.unknownColumn(name, in: input))
      return nil
    }
    let dropped = Set(names.map(\.text))
    let output = input.with(columns: input.columns.filter { !dropped.contains($0.name) })
    return BoundStage(operation: .drop(Self(names: names.map(\.text))), output: output)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    // A name missing here was pruned away (see `ColumnPruning`): binding checked it exists.
    try frame.drop(names.filter { frame[$0] != nil })
  }
}

extension DropOperation: ColumnPruning {
  /// Only the needed columns: `run` skips names pruned away before it.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    demand.columns
  }
}
