import Foundation
import Testing
import USQFrame
import USQLanguage
import USQTestSupport

@testable import USQEngine

/// The optimizer as plan → plan: each case's plan as bound (`Optimizer.asBound`) and as
/// optimized, in `explain`'s words, side by side in one golden file.
@Suite struct OptimizerTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var statement: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "where-bucket-fused",
      statement:
        "from usage | where model = \"gpt-4o\" and batch = false | bucket day | sum input_tokens, output_tokens by start_time"
    ),
    Case(
      name: "where-bucket-fused-by-mask",
      statement: "from usage | where input_tokens > 100 | bucket week | sum input_tokens"),
    Case(
      name: "where-keeps-what-the-next-stage-reads",
      statement: "from usage | where model = o1 | sum input_tokens by project_id"),
    Case(
      name: "load-group-by-and-filters",
      statement:
        "load completions days=3 | where model = gpt-4o and batch = false | bucket day | sum input_tokens by model"
    ),
    Case(
      name: "load-explicit-group",
      statement: "load completions days=3 group=model,project_id | where model = o1 | count"),
    Case(name: "join-reads-everything", statement: "from usage | join usage on model | count"),
  ]

  @Test("the optimized plan, from the plan as bound", arguments: cases)
  func planToPlan(_ testCase: Case) throws {
    let environment = ColumnPruningTests.environment
    let bound = try #require(
      bindPlan(testCase.statement, environment: environment, optimizer: .asBound))
    let optimized = Optimizer().optimize(bound)
    assertGolden(
      "\(testCase.statement)\n\nbound\n\(bound.outline)\n\noptimized\n\(optimized.outline)\n",
      suite: "Optimizer", named: testCase.name)
    #expect(
      optimized.outline
        == bindPlan(testCase.statement, environment: environment)?.outline)
  }

  @Test("a literal plan runs every stage as written")
  func literal() throws {
    let plan = try #require(
      bindPlan(
        "from usage | where model = o1 | bucket day | count",
        environment: ColumnPruningTests.environment, optimizer: .literal))
    #expect(plan.stages.map(\.verb) == ["where", "bucket", "count"])
    #expect(plan.stages.allSatisfy { $0.inputColumns == nil })
  }
}
