import USQFrame
import USQLanguage

/// `assert EXPR [message="…"]`: passes its input through unchanged when EXPR is true for every
/// row; otherwise the statement (and a script) stops with exit code 4, `assertion failed:
/// MESSAGE` and the first failing row. A budget guard for cron or CI.
///
/// ```
/// load costs days=1 | sum amount | assert amount < 100 message="daily spend over $100"
/// ```
struct AssertOperation: PipelineOperation {
  var condition: BoundExpression
  /// The expression as written.
  var text: String
  /// `message=`, or `nil` for the expression as written.
  var message: String?
  var span: Span

  var summary: String { "assert \(text)" + (message.map { " message=\"\($0)\"" } ?? "") }

  static let help = HelpTopic(
    name: "assert", aliases: [], kind: .stage, usage: "assert EXPR [message=\"…\"]",
    details: """
      Passes its input through unchanged when EXPR is true for every row (null is not true).
      Otherwise the statement stops, and a script with it: exit code 4, `assertion failed:
      MESSAGE` (default: EXPR as written) and the first failing row on stderr.
      A budget guard for cron or CI: `usq run guard.usq --quiet` prints nothing when it passes.
      """,
    examples: [
      "load costs days=1 | sum amount | assert amount < 1000000 message=\"daily spend over $1M\"",
      "load completions days=7 | sum num_model_requests by model | assert num_model_requests >= 0",
    ])

  static func bind(
    _ expression: ExpressionSyntax, message: OptionValue?, input: StageSchema,
    _ state: inout BindState
  ) -> BoundStage? {
    guard let condition = ExpressionBinder(schema: input).bindCondition(expression, &state) else {
      return nil
    }
    let operation = Self(
      condition: condition, text: expression.text, message: message?.text, span: expression.span)
    return BoundStage(operation: .assert(operation), output: input)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    let mask = try ExpressionEvaluator.mask(condition, in: frame)
    let passing = mask.validity.map { mask.bits & $0 } ?? mask.bits
    guard let first = Self.firstUnset(passing) else { return frame }
    throw AssertionFailed(
      message: message ?? text, row: frame.slice(first..<(first + 1)), rowNumber: first + 1,
      failingRows: passing.count - passing.setCount, span: span)
  }

  /// The index of the first clear bit, skipping full words.
  static func firstUnset(_ bitmap: Bitmap) -> Int? {
    for (index, word) in bitmap.words.enumerated() where word != .max {
      let row = index * 64 + (~word).trailingZeroBitCount
      return row < bitmap.count ? row : nil
    }
    return nil
  }
}

extension AssertOperation: ColumnPruning {
  /// Every needed column and those the condition reads (the failing row shows them all).
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    Set(input.names)
  }
}

/// `assert` found a row where its condition is not true. Resolution: the budget or limit the
/// message names was crossed; look at the row printed.
public struct AssertionFailed: Error, Sendable, CustomStringConvertible {
  /// `message=`, or the condition as written.
  public var message: String
  /// The first failing row, as a one-row frame.
  public var row: Frame
  /// Its 1-based position in the frame `assert` saw.
  public var rowNumber: Int
  /// How many rows fail.
  public var failingRows: Int
  /// The condition, for scripts that point at it.
  public var span: Span

  /// The exit code of a statement or script stopped by `assert`.
  public static let exitCode: Int32 = 4

  public var description: String { "assertion failed: \(message)" }
}
