import USQFrame
import USQLanguage

/// `other P% [of C]`: folds the rows whose share of C (default: the last numeric column) is
/// below P% into one row appended last, labelled `Other` in every string column, numeric
/// columns summed.
///
/// ```
/// load completions group=project_id | sum num_model_requests by project_id | other 5%
/// ```
struct OtherOperation: PipelineOperation {
  var percent: Double
  var column: String

  var summary: String { "other \(Self.format(percent))% of \(column)" }

  static let help = HelpTopic(
    name: "other", aliases: [], kind: .stage, usage: "other P% [of C]",
    details:
      "Folds the rows whose share of C (default: the last numeric column) is below P% into one\nrow appended last: string key columns read `Other`, numeric columns are summed.",
    examples: [
      "load completions days=30 group=project_id | sum num_model_requests by project_id | other 5% | chart pie"
    ])

  static func bind(
    _ percent: PercentLiteral, of name: Name?, verb: Name, input: StageSchema,
    _ state: inout BindState
  ) -> BoundStage? {
    let column: ColumnInfo
    if let name {
      guard let found = state.column(name, in: input) else { return nil }
      guard found.kind.isNumeric else {
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
    guard (0...100).contains(percent.value) else {
      state.report(outOfRange(percent))
      return nil
    }
    return BoundStage(
      operation: .other(Self(percent: percent.value, column: column.name)), output: input)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try frame.other(percent: percent, of: column)
  }

  static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  fileprivate static func outOfRange(_ percent: PercentLiteral) -> Diagnostic {
    .error(
      "bind.percent-range", "expected a percentage from 0% to 100%, found '\(percent.text)'",
      at: percent.span, label: "out of range")
  }
}

extension OtherOperation: ColumnPruning {
  /// The needed columns and the one that decides which rows fold: each column of the folded
  /// row comes from the same column of the folded rows.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    demand.columns.union([column])
  }
}
