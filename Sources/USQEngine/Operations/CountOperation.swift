import USQFrame
import USQLanguage

/// `count [by K, …]`: rows per group, in a column named `count`.
///
/// ```
/// load completions group=model | count by model
/// ```
struct CountOperation: PipelineOperation {
  var aggregation: Aggregation

  var summary: String { "count" + aggregation.byText }

  static let help = HelpTopic(
    name: "count", aliases: [], kind: .stage, usage: "count [by K, …]",
    details: "Counts rows per group into a column named `count`.",
    examples: [
      "load completions group=model | count by model"
    ])

  static func bind(by keys: [Name], verb: Name, input: StageSchema, _ state: inout BindState)
    -> BoundStage?
  {
    let request = Aggregation.Request(
      function: .count, column: nil, outputName: "count", span: verb.span)
    guard
      let (aggregation, output) = Aggregation.bind(
        [request], by: keys, verb: verb, input: input, &state)
    else { return nil }
    return BoundStage(operation: .count(Self(aggregation: aggregation)), output: output)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try aggregation.run(frame)
  }
}

extension CountOperation: ColumnPruning {
  /// The keys.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    aggregation.inputColumns
  }
}
