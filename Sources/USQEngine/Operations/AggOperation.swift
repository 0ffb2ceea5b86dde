import USQBasics
import USQFrame
import USQLanguage

/// `agg F(C) [as NAME], … [by K, …]`: the general aggregation; F is one of `sum avg min max
/// count distinct median p90 p99 first last`; the default name is `F_C` (`count` for
/// `count()`).
///
/// ```
/// load completions group=model | agg sum(input_tokens) as input, p90(input_tokens) by model
/// ```
struct AggOperation: PipelineOperation {
  var aggregation: Aggregation

  var summary: String {
    "agg "
      + aggregation.aggregates.map { "\($0.function.rawValue)(\($0.column ?? "")) as \($0.name)" }
      .joined(separator: ", ") + aggregation.byText
  }

  static let help = HelpTopic(
    name: "agg", aliases: [], kind: .stage, usage: "agg F(C) [as NAME], … [by K, …]",
    details:
      "The general aggregation. F is one of sum avg min max count distinct median p90 p99\nfirst last; count() counts rows. The default name is F_C (count for count()).",
    examples: [
      "load completions | agg sum(input_tokens) as input, p90(input_tokens), count() by model"
    ])

  static func bind(
    _ calls: [AggregateCallSyntax], by keys: [Name], verb: Name, input: StageSchema,
    _ state: inout BindState
  ) -> BoundStage? {
    var requests: [Aggregation.Request] = []
    for call in calls {
      let function = call.function
      if call.argument == nil && function != .count {
        state.report(missingColumn(call))
        return nil
      }
      requests.append(
        Aggregation.Request(
          function: function, column: call.argument, outputName: call.resultName, span: call.span))
    }
    guard
      let (aggregation, output) = Aggregation.bind(
        requests, by: keys, verb: verb, input: input, &state)
    else { return nil }
    return BoundStage(operation: .agg(Self(aggregation: aggregation)), output: output)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try aggregation.run(frame)
  }

  fileprivate static func missingColumn(_ call: AggregateCallSyntax) -> Diagnostic {
    .error(
      "bind.missing-argument", "'\(call.function.rawValue)' needs a column", at: call.span,
      label: "no column given",
      help: "write '\(call.function.rawValue)(COLUMN)'; only count() takes none")
  }
}

extension AggOperation: ColumnPruning {
  /// The keys and the aggregated columns.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    aggregation.inputColumns
  }
}
