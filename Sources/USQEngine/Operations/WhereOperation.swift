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

  var summary: String { "where \(text)" }

  static func bind(_ expression: ExpressionSyntax, input: StageSchema, _ state: inout BindState)
    -> BoundStage?
  {
    guard let condition = ExpressionBinder(schema: input).bindCondition(expression, &state) else {
      return nil
    }
    return BoundStage(operation: Self(condition: condition, text: expression.text), output: input)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    if case .literal(let value) = condition {
      return value == .bool(true) ? frame : frame.head(0)
    }
    return frame.filter(try ExpressionEvaluator.mask(condition, in: frame))
  }
}
