import USQFrame
import USQLanguage

/// `where EXPR`: keeps the rows where EXPR is true (null counts as false).
///
/// ```
/// load completions | where model = gpt-4o and input_tokens > 1000
/// ```
struct WhereOperation: PipelineOperation {
  var condition: BoundExpression
  var text: String
  /// The columns the rows are kept of, when the next stage reads fewer than the condition
  /// (set by the optimizer; `nil`: all).
  var resultColumns: [String]? = nil

  var summary: String { "where \(text)" }

  static let help = HelpTopic(
    name: "where", aliases: [], kind: .stage, usage: "where EXPR",
    details:
      "Keeps the rows where EXPR is true; null counts as false.\nA bare word that is not a column is a string: where model = gpt-4o.\nSee `help expressions` for operators and functions.",
    examples: [
      "load completions | where model = gpt-4o and input_tokens > 1000",
      "load completions | where model ~ \"gpt-4o*\" | sum input_tokens by model",
    ])

  static func bind(_ expression: ExpressionSyntax, input: StageSchema, _ state: inout BindState)
    -> BoundStage?
  {
    guard let condition = ExpressionBinder(schema: input).bindCondition(expression, &state) else {
      return nil
    }
    return BoundStage(
      operation: .where(Self(condition: condition, text: expression.text)), output: input)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    let selection = try selection(in: frame)
    return filter(frame.keeping(resultColumns), by: selection)
  }

  /// The rows the condition keeps in `frame`: `nil` when it is a literal (every row or none).
  func selection(in frame: Frame) throws -> BoolColumn? {
    if case .literal = condition { return nil }
    return try ExpressionEvaluator.mask(condition, in: frame)
  }

  /// The condition as `RowCondition` tests, when it is `column = literal` on string or bool
  /// columns joined by `and` (then `bucket` can test it as it sums).
  var rowCondition: RowCondition? { Self.tests(condition).map(RowCondition.init) }

  private static func tests(_ expression: BoundExpression) -> [RowCondition.Test]? {
    switch expression {
    case .logical(isAnd: true, let lhs, let rhs):
      guard let left = tests(lhs), let right = tests(rhs) else { return nil }
      return left + right
    case .comparison(.equal, .column(let name, let kind), .literal(let value)),
      .comparison(.equal, .literal(let value), .column(let name, let kind)):
      guard kind == .string || kind == .bool, value.kind == kind else { return nil }
      return [RowCondition.Test(column: name, value: value)]
    default: return nil
    }
  }

  /// The rows of `frame` that `selection` (from `selection(in:)`, over a frame with the same
  /// rows) keeps.
  func filter(_ frame: Frame, by selection: BoolColumn?) -> Frame {
    guard let selection else { return condition == .literal(.bool(true)) ? frame : frame.head(0) }
    return frame.filter(selection)
  }
}

extension WhereOperation: ColumnPruning {
  /// The needed columns and those the condition reads.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    demand.columns.union(condition.columnNames)
  }
}
