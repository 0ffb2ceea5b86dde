import USQFrame
import USQLanguage

/// `derive NAME = EXPR, …`: adds computed columns at the end, or replaces a column in place.
/// Each derivation sees the ones before it.
///
/// ```
/// load completions | derive total = input_tokens + output_tokens, day = date(start_time)
/// ```
struct DeriveOperation: PipelineOperation {
  var derivations: [(name: String, expression: BoundExpression, text: String)]

  var summary: String {
    "derive " + derivations.map { "\($0.name) = \($0.text)" }.joined(separator: ", ")
  }

  static let help = HelpTopic(
    name: "derive", aliases: [], kind: .stage, usage: "derive NAME = EXPR, …",
    details:
      "Adds computed columns at the end; a name that exists is replaced in place.\nEach derivation sees the ones before it.",
    examples: [
      "load completions | derive total = input_tokens + output_tokens",
      "load completions | derive day = date(start_time), share_cached = input_cached_tokens / input_tokens",
    ])

  static func bind(_ items: [DerivationSyntax], input: StageSchema, _ state: inout BindState)
    -> BoundStage?
  {
    var schema = input
    var derivations: [(String, BoundExpression, String)] = []
    for item in items {
      guard let bound = ExpressionBinder(schema: schema).bindValue(item.expression, &state) else {
        return nil
      }
      let column = ColumnInfo(name: item.name.text, kind: bound.kind ?? .string)
      if let index = schema.columns.firstIndex(where: { $0.name == item.name.text }) {
        schema.columns[index] = column
      } else {
        schema.columns.append(column)
      }
      derivations.append((item.name.text, bound, item.expression.text))
    }
    return BoundStage(operation: .derive(Self(derivations: derivations)), output: schema)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    var result = frame
    for derivation in derivations {
      result = result.withColumn(
        derivation.name, try ExpressionEvaluator.column(derivation.expression, in: result))
    }
    return result
  }
}

extension DeriveOperation: ColumnPruning {
  /// The needed columns and every column the expressions read (each derivation runs). A
  /// replaced column that is needed stays, so its replacement keeps its place.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    demand.columns.union(derivations.flatMap(\.expression.columnNames))
  }
}
