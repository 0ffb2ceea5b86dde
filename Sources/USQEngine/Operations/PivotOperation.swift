import USQFrame
import USQLanguage

/// `pivot C values V`: spreads the distinct values of C into columns holding the sum of V, one
/// row per combination of the remaining non-numeric columns. The new columns are only known
/// when it runs, so later stages are checked then.
///
/// ```
/// load completions days=7 group=model | pivot model values input_tokens
/// ```
struct PivotOperation: PipelineOperation {
  var column: String
  var values: String

  var summary: String { "pivot \(column) values \(values)" }

  static let help = HelpTopic(
    name: "pivot", aliases: [], kind: .stage, usage: "pivot C values V",
    details:
      "Spreads the distinct values of C into columns holding the sum of V, one row per\ncombination of the remaining non-numeric columns.",
    examples: [
      "load completions days=7 group=model | sum input_tokens by start_time, model | pivot model values input_tokens"
    ])

  static func bind(
    _ name: Name, values valuesName: Name, verb: Name, input: StageSchema, _ state: inout BindState
  ) -> BoundStage? {
    let column = state.column(name, in: input)
    let values = state.column(valuesName, in: input)
    guard let column, let values else { return nil }
    guard values.kind.isNumeric else {
      state.report(BindMessages.expectedNumeric(valuesName, column: values, verb: verb.text))
      return nil
    }
    let keys = input.columns.filter {
      $0.name != column.name && $0.name != values.name && !$0.kind.isNumeric
    }
    var output = input.with(columns: keys)
    output.isOpen = true
    return BoundStage(
      operation: .pivot(Self(column: column.name, values: values.name)), output: output)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try frame.pivot(column, values: values)
  }
}

extension PivotOperation: ColumnPruning {
  /// The pivoted column, the values and the non-numeric columns (the row keys); other numeric
  /// columns do not reach the result.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    Set(input.columns.filter { !$0.kind.isNumeric }.map(\.name)).union([column, values])
  }
}
