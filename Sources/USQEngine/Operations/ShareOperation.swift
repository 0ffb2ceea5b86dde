import USQFrame
import USQLanguage

/// `share C [by K, …]`: adds a column `share`, C as a percentage (0–100) of its total within
/// each K group (the whole frame without `by`).
///
/// ```
/// load completions group=project_id | sum num_model_requests by project_id | share num_model_requests
/// ```
struct ShareOperation: PipelineOperation {
  var column: String
  var keys: [String]

  var summary: String {
    "share \(column)" + (keys.isEmpty ? "" : " by " + keys.joined(separator: ", "))
  }

  static let help = HelpTopic(
    name: "share", aliases: [], kind: .stage, usage: "share C [by K, …]",
    details: "Adds a column `share`: C as a percentage (0–100) of its total, within each K group.",
    examples: [
      "load completions days=30 group=project_id | sum num_model_requests by project_id | share num_model_requests"
    ])

  static func bind(
    _ name: Name, by keyNames: [Name], verb: Name, input: StageSchema, _ state: inout BindState
  ) -> BoundStage? {
    guard let column = state.column(name, in: input),
      let keys = state.columns(keyNames, in: input)
    else { return nil }
    guard column.kind.isNumeric else {
      state.report(BindMessages.expectedNumeric(name, column: column, verb: verb.text))
      return nil
    }
    var output = input
    let share = ColumnInfo(name: "share", kind: .double)
    if let index = output.columns.firstIndex(where: { $0.name == "share" }) {
      output.columns[index] = share
    } else {
      output.columns.append(share)
    }
    return BoundStage(
      operation: .share(Self(column: column.name, keys: keys.map(\.name))), output: output)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try frame.share(column, by: keys)
  }
}

extension ShareOperation: ColumnPruning {
  /// The needed columns, the shared column and the keys (an old `share` column that is needed
  /// stays, so the new one takes its place).
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    demand.columns.union([column]).union(keys)
  }
}
