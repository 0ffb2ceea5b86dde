import USQFrame
import USQLanguage

/// `sum C, … [by K, …]` and its siblings `avg`, `min`, `max`: aggregate per group; the result
/// columns keep their names; groups sorted by key ascending, null a group of its own.
///
/// ```
/// load completions | sum input_tokens, output_tokens by model
/// ```
struct SumOperation: PipelineOperation {
  var function: USQLanguage.AggregateFunction
  var aggregation: Aggregation

  var summary: String {
    "\(function.rawValue) " + aggregation.aggregates.compactMap(\.column).joined(separator: ", ")
      + aggregation.byText
  }

  static func bind(
    _ function: USQLanguage.AggregateFunction, columns: [Name], by keys: [Name], verb: Name,
    input: StageSchema, _ state: inout BindState
  ) -> BoundStage? {
    guard let frameFunction = USQFrame.AggregateFunction(rawValue: function.rawValue),
      state.checkUnique(columns, what: "column")
    else { return nil }
    let requests = columns.map {
      Aggregation.Request(function: frameFunction, column: $0, outputName: $0.text, span: $0.span)
    }
    guard let (aggregation, output) = Aggregation.bind(requests, by: keys, verb: verb, input: input, &state)
    else { return nil }
    return BoundStage(operation: Self(function: function, aggregation: aggregation), output: output)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try aggregation.run(frame)
  }
}
