import USQBasics
import USQFrame
import USQLanguage

/// `sum C, … [by K, …]` and its siblings `avg`, `min`, `max`: aggregate per group; the result
/// columns keep their names; groups sorted by key ascending, null a group of its own.
///
/// ```
/// load completions | sum input_tokens, output_tokens by model
/// ```
struct SumOperation: PipelineOperation {
  var function: AggregateFunction
  var aggregation: Aggregation

  var summary: String {
    "\(function.rawValue) " + aggregation.aggregates.compactMap(\.column).joined(separator: ", ")
      + aggregation.byText
  }

  static let help = HelpTopic(
    name: "sum", aliases: ["avg", "min", "max"], kind: .stage,
    usage: "sum C, … [by K, …]   (also avg, min, max)",
    details:
      "Aggregates per group; the result columns keep their names.\nKeys come first, then the aggregates in the order written; groups are sorted by key\nascending and null is a group of its own. Without `by`: one row.",
    examples: [
      "load completions | sum input_tokens, output_tokens by model",
      "load completions | avg num_model_requests by project_id",
      "load completions | max input_tokens",
    ])

  static func bind(
    _ function: AggregateFunction, columns: [Name], by keys: [Name], verb: Name,
    input: StageSchema, _ state: inout BindState
  ) -> BoundStage? {
    guard state.checkUnique(columns, what: "column") else { return nil }
    let requests = columns.map {
      Aggregation.Request(function: function, column: $0, outputName: $0.text, span: $0.span)
    }
    guard
      let (aggregation, output) = Aggregation.bind(
        requests, by: keys, verb: verb, input: input, &state)
    else { return nil }
    return BoundStage(
      operation: .aggregate(Self(function: function, aggregation: aggregation)), output: output)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try aggregation.run(frame)
  }
}

extension SumOperation: ColumnPruning {
  /// The keys and the aggregated columns.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    aggregation.inputColumns
  }
}
