import Foundation
import Testing
import USQBasics
import USQFrame
import USQLanguage

@testable import USQEngine

/// Late binding: after `read` the columns are known only when it runs; the rest of the pipeline
/// is then bound and optimized like a pipeline over a stored frame.
@Suite struct LateBindingTests {
  /// A folder holding `usage.csv` (`frame` as CSV) and an environment working in it.
  static func environment(with frame: Frame) throws -> Environment {
    let path = NSTemporaryDirectory() + "usq-late-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try csv(frame).write(toFile: path + "/usage.csv", atomically: true, encoding: .utf8)
    var environment = Fixtures.environment()
    environment.workingDirectory = path
    return environment
  }

  /// The frame as CSV: ISO times, empty for null.
  static func csv(_ frame: Frame) -> String {
    var lines = [frame.names.joined(separator: ",")]
    for row in 0..<frame.rowCount {
      lines.append(
        frame.row(row).map { value -> String in
          switch value {
          case .null: ""
          case .time(let seconds): ISODate.format(seconds)
          case .string(let text): text
          default: "\(value)"
          }
        }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static let statement =
    "read usage.csv | where model = \"gpt-4o\" and batch = false | bucket day | sum input_tokens, output_tokens by start_time"

  @Test("before it runs, the stages after read wait for the columns")
  func beforeRunning() throws {
    var random = SeededGenerator(seed: 7)
    let environment = try Self.environment(with: ColumnPruningTests.usageFrame(rows: 50, &random))
    let plan = try #require(bindPlan(Self.statement, environment: environment))
    #expect(plan.isBoundLate)
    #expect(plan.stages.isEmpty)
    #expect(plan.lateStages.map(\.verb.text) == ["where", "bucket", "sum"])
  }

  @Test("after reading, the plan that ran is pruned and fused, and gives the literal result")
  func optimizedAfterReading() async throws {
    var random = SeededGenerator(seed: 7)
    let environment = try Self.environment(with: ColumnPruningTests.usageFrame(rows: 50, &random))
    let (expected, actual) = try await ColumnPruningTests.outcomes(
      Self.statement, environment: environment)
    let ran = try actual.get().plan
    #expect(!ran.isBoundLate)
    #expect(
      ran.outline == """
        plan
          1. read usage.csv  [local file]
             → start_time: time, end_time: time, input_tokens: int, input_cached_tokens: int, output_tokens: int, num_model_requests: int, project_id: string, user_id: string, api_key_id: string, model: string, batch: bool, service_tier: string
             columns used: start_time, input_tokens, output_tokens, model, batch
          2. where model = "gpt-4o" and batch = false | bucket day  [local; fused: bucket tests each row as it sums]
             → (the same columns)
          3. sum input_tokens, output_tokens by start_time  [local]
             reads: start_time, input_tokens, output_tokens
             → start_time: time, input_tokens: int, output_tokens: int
          output: table
        """)
    let literal = try expected.get().plan
    #expect(literal.stages.map(\.verb) == ["where", "bucket", "sum"])
    #expect(literal.stages.allSatisfy { $0.inputColumns == nil })
  }

  @Test("a stage naming a column the file lacks fails when it runs, at its span")
  func unknownColumnAtRunTime() async throws {
    var random = SeededGenerator(seed: 7)
    let environment = try Self.environment(with: ColumnPruningTests.usageFrame(rows: 5, &random))
    let plan = try #require(bindPlan("read usage.csv | sum tokenz", environment: environment))
    let executor = Executor(environment: environment, dataSource: FakeDataSource(frames: [:]))
    await #expect(throws: ExecutionError.self) { _ = try await executor.run(plan) }
  }

  @Test("generated pipelines over read give the same result with and without the optimizer")
  func generated() async throws {
    var random = SeededGenerator(seed: 0x5EAD)
    let environment = try Self.environment(
      with: ColumnPruningTests.usageFrame(rows: 300, &random))
    var count = 0
    for stages in ColumnPruningTests.generatedStages(count: 200, &random) {
      let statement = "read usage.csv | " + stages.joined(separator: " | ")
      // Over `read` every statement binds before it runs; errors come when it runs, alike.
      try await ColumnPruningTests.outcomes(statement, environment: environment)
      count += 1
    }
    #expect(count == 200)
  }
}
