import Testing
import USQFrame
import USQLanguage

@testable import USQEngine

/// Binding, evaluation, `explain` and release all walk an expression recursively; the parser caps
/// expressions at `Parser.maximumOperatorDepth` operators deep so that none of them can exhaust
/// a worker thread's stack (issue 16). These run chains at the cap through every pass.
@Suite struct ExpressionDepthTests {
  static let limit = Parser.maximumOperatorDepth

  struct Case: CustomTestStringConvertible, Sendable {
    var op: String
    var testDescription: String { "'\(op)' chained \(ExpressionDepthTests.limit) deep" }
  }

  static let cases = ["+", "-", "*", "/", "and", "or", "mixed"].map(Case.init)

  /// A statement whose expression is exactly `limit` operators deep, with a known answer.
  static func statement(_ op: String) -> (text: String, expected: [[Value]]) {
    switch op {
    case "and", "or":
      // `input_tokens > 0 and input_tokens > 1 …`: each operand is one comparison deep.
      let operands = (0..<limit).map { "input_tokens > \($0)" }
      let text = "load completions | where " + operands.joined(separator: " \(op) ") + " | count"
      // Rows of 1,000, 500, 2,000, 100 and 3,000 input tokens: `and` keeps those above 999.
      return (text, [[.int(op == "and" ? 3 : 5)]])
    case "mixed":
      var text = "input_tokens"
      for index in 0..<limit { text += index % 2 == 0 ? " + 1" : " - 1" }
      return ("load completions | head 1 | derive x = \(text) | select x", [[.int(1_000)]])
    default:
      // The first row's input_tokens is 1,000; a column makes every step a column kernel.
      let operand = op == "*" || op == "/" ? "1" : "0"
      let text = "input_tokens" + String(repeating: " \(op) \(operand)", count: limit)
      let value: Value = op == "/" ? .double(1_000) : .int(1_000)
      return ("load completions | head 1 | derive x = \(text) | select x", [[value]])
    }
  }

  @Test("a chain at the cap binds, explains, runs and is released", arguments: cases)
  func atTheCap(_ testCase: Case) async throws {
    let (text, expected) = Self.statement(testCase.op)
    let plan = try #require(bindPlan(text))
    // explain prints every stage's summary (the expression's text included).
    #expect(plan.explain(dataSource: FakeDataSource(frames: [:])).contains("input_tokens"))
    let result = try await run(text)
    #expect(Table(result.frame).rows == expected)
  }
}
