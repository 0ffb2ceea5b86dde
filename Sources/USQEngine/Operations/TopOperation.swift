import USQFrame
import USQLanguage

/// `top N [by C]`: the N rows with the largest C (default: the last numeric column), largest
/// first; ties keep input order.
///
/// ```
/// load completions group=project_id | sum num_model_requests by project_id | top 5
/// ```
struct TopOperation: PipelineOperation {
  var count: Int
  var column: String

  var summary: String { "top \(count) by \(column)" }

  static let help = HelpTopic(
    name: "top", aliases: [], kind: .stage, usage: "top N [by C]",
    details:
      "The N rows with the largest C (default: the last numeric column), largest first;\nties keep their input order.",
    examples: [
      "load completions days=30 group=model,project_id | sum num_model_requests by project_id | top 5"
    ])

  static func bind(
    _ count: IntegerLiteral, by name: Name?, verb: Name, input: StageSchema,
    _ state: inout BindState
  ) -> BoundStage? {
    guard count.value >= 0 else {
      state.report(negativeCount(count))
      return nil
    }
    let column: ColumnInfo
    if let name {
      guard let found = state.column(name, in: input) else { return nil }
      guard found.kind.isNumeric || found.kind == .time else {
        state.report(BindMessages.expectedNumeric(name, column: found, verb: verb.text))
        return nil
      }
      column = found
    } else {
      guard let found = input.lastNumeric else {
        state.report(BindMessages.noNumericColumn(verb, in: input))
        return nil
      }
      column = found
    }
    let operation = Self(count: Int(clamping: count.value), column: column.name)
    return BoundStage(operation: .top(operation), output: input)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try frame.top(count, by: column)
  }

  fileprivate static func negativeCount(_ count: IntegerLiteral) -> Diagnostic {
    .error(
      "bind.negative-count", "expected a count of rows, found '\(count.text)'", at: count.span,
      label: "must be 0 or more")
  }
}

extension TopOperation: ColumnPruning {
  /// The needed columns and the ranking column.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    demand.columns.union([column])
  }
}
