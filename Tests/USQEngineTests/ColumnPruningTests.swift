import Testing
import USQBasics
import USQFrame
import USQLanguage

@testable import USQEngine

/// Projection pushdown: the columns each stage reads (`PlannedStage.inputColumns`), and that
/// dropping the others never changes a result.
@Suite struct ColumnPruningTests {
  /// `usage` (the completions fixture) and `families` (model → family) as stored frames.
  static let environment = Fixtures.environment(frames: [
    "usage": Frames.completions,
    "families": Frames.make(
      [("model", .string), ("family", .string)],
      [[.string("gpt-4o"), .string("4o")], [.string("o1"), .string("o")]]),
  ])

  struct Case: CustomTestStringConvertible, Sendable {
    var statement: String
    /// Per stage: the columns it reads, or "all".
    var expected: [String]
    var testDescription: String { statement }
  }

  static let cases: [Case] = [
    Case(
      statement: "from usage | sum num_model_requests by project_id | top 5",
      expected: ["num_model_requests, project_id", "all"]),
    Case(
      statement:
        "from usage | where model = \"gpt-4o\" and batch = false | bucket day | sum input_tokens, output_tokens",
      expected: [
        "start_time, input_tokens, output_tokens, model, batch",
        "start_time, input_tokens, output_tokens", "input_tokens, output_tokens",
      ]),
    Case(
      statement: "from usage | bucket day | sum input_tokens by start_time, model",
      expected: ["start_time, input_tokens, model", "start_time, input_tokens, model"]),
    Case(
      statement: "from usage | bucket day | agg max(end_time), min(model), sum(output_tokens)",
      expected: ["start_time, end_time, output_tokens, model", "end_time, output_tokens, model"]),
    // These see how many rows bucket merges, so its group columns stay.
    Case(
      statement: "from usage | bucket day | count",
      expected: [
        "start_time, project_id, user_id, api_key_id, model, batch, service_tier", "start_time",
      ]),
    Case(
      statement: "from usage | bucket week | avg input_tokens",
      expected: [
        "start_time, input_tokens, project_id, user_id, api_key_id, model, batch, service_tier",
        "input_tokens",
      ]),
    Case(
      statement: "from usage | bucket day | min input_tokens",
      expected: [
        "start_time, input_tokens, project_id, user_id, api_key_id, model, batch, service_tier",
        "input_tokens",
      ]),
    Case(
      statement: "from usage | bucket day | min end_time",
      expected: [
        "start_time, end_time, project_id, user_id, api_key_id, model, batch, service_tier",
        "end_time",
      ]),
    Case(
      statement: "from usage | bucket day | sum input_tokens by num_model_requests",
      expected: [
        "start_time, input_tokens, num_model_requests, project_id, user_id, api_key_id, model, batch, service_tier",
        "input_tokens, num_model_requests",
      ]),
    Case(
      statement: "from usage | derive total = input_tokens + output_tokens | sum total by model",
      expected: ["input_tokens, output_tokens, model", "model, total"]),
    Case(
      statement: "from usage | rename tokens = input_tokens | select tokens, model",
      expected: ["input_tokens, model", "tokens, model"]),
    Case(
      statement: "from usage | drop user_id, api_key_id | head 3",
      expected: [
        "start_time, end_time, input_tokens, input_cached_tokens, output_tokens, num_model_requests, project_id, model, batch, service_tier",
        "all",
      ]),
    Case(
      statement: "from usage | sort input_tokens desc | select model",
      expected: ["input_tokens, model", "model"]),
    Case(
      statement: "from usage | share input_tokens by project_id | select model, share",
      expected: ["input_tokens, project_id, model", "model, share"]),
    Case(
      statement: "from usage | other 10% of input_tokens | select model, input_tokens",
      expected: ["input_tokens, model", "input_tokens, model"]),
    Case(
      statement: "from usage | distinct model | head 1",
      expected: ["model", "all"]),
    Case(
      statement: "from usage | count",
      expected: ["start_time"]),
    Case(
      statement: "from usage | pivot model values input_tokens",
      expected: [
        "start_time, end_time, input_tokens, project_id, user_id, api_key_id, model, batch, service_tier"
      ]),
    // join names clashing columns by the whole left side, so it reads every column.
    Case(
      statement: "from usage | join families on model | sum input_tokens by family",
      expected: ["all", "input_tokens, family"]),
    Case(
      statement: "from usage | where input_tokens > 100",
      expected: ["all"]),
    Case(
      statement: "from usage | select model, input_tokens | where input_tokens > 100 | count",
      // count reads no column; the first one carries the row count.
      expected: ["input_tokens, model", "all", "model"]),
    Case(
      statement: "let small = from usage | tail 2",
      expected: ["all"]),
  ]

  @Test("each stage reads only the columns later stages use", arguments: cases)
  func pruned(_ testCase: Case) throws {
    let unfused = Optimizer(isPruning: true, isFusing: false)
    let plan = try #require(
      bindPlan(testCase.statement, environment: Self.environment, optimizer: unfused))
    let actual = plan.stages.map { $0.inputColumns?.joined(separator: ", ") ?? "all" }
    #expect(actual == testCase.expected)
    #expect(plan.usedSourceColumns == plan.stages.first?.inputColumns)
  }

  @Test("the result is the same with and without pruning", arguments: cases)
  func sameResult(_ testCase: Case) async throws {
    try await Self.expectSameResult(testCase.statement)
  }

  @Test("where then bucket runs fused, timed as two stages")
  func fusedTimings() async throws {
    let result = try await run(
      "from usage | where model = gpt-4o | bucket day | sum input_tokens by start_time",
      environment: Self.environment)
    #expect(result.timings.map(\.verb) == ["from", "where", "bucket", "sum"])
    #expect(
      Table(result.frame)
        == Table(
          ["start_time", "input_tokens"],
          [
            [day("2026-11-28"), .int(1_000)], [day("2026-11-29"), .int(2_000)],
            [day("2026-11-30"), .int(3_000)],
          ]))
  }

  /// Stages to build pipelines from; a pipeline that does not bind is skipped.
  static let stagePool = [
    "where model = \"gpt-4o\"", "where batch = false", "where input_tokens > 300 and model != o1",
    "where project_id is null", "where true", "where false",
    "select model, input_tokens, start_time",
    "drop user_id, api_key_id", "rename tokens = input_tokens",
    "derive total = input_tokens + output_tokens", "derive input_tokens = output_tokens * 2",
    "sort input_tokens desc", "top 3", "head 4", "tail 2", "share input_tokens by model",
    "other 20%", "distinct model", "fill", "pivot model values input_tokens", "count by model",
    "forecast to=2026-12-02", "assert input_tokens >= 0", "assert output_tokens < 900",
  ]

  static let buckets = ["bucket day", "bucket week", "bucket 2d", "bucket hour"]

  /// Aggregations, most of them right after a `bucket` in the generated pipelines.
  static let aggregations = [
    "sum input_tokens, output_tokens", "sum input_tokens by model",
    "sum input_tokens by start_time", "sum output_tokens by model, start_time",
    "max end_time by model", "min end_time", "min model by start_time", "max start_time",
    "min input_tokens by start_time", "count", "count by model", "avg input_tokens by project_id",
    "agg sum(input_tokens) as i, max(end_time) by start_time",
    "agg first(model), last(project_id), distinct(user_id) by start_time",
    "agg median(output_tokens), count(model) by batch", "sum input_tokens by num_model_requests",
  ]

  @Test("generated pipelines give the same result with and without pruning and fusion")
  func generated() async throws {
    var random = SeededGenerator(seed: 0x9E1E)
    let frame = Self.usageFrame(rows: 300, &random)
    let environment = Fixtures.environment(frames: ["usage": frame])
    var bound = 0
    for stages in Self.generatedStages(count: 600, &random) {
      let statement = "from usage | " + stages.joined(separator: " | ")
      guard case .pipeline(let pipeline) = Parser.parse(SourceFile(statement)).0,
        Binder(environment: environment).bind(pipeline).0 != nil
      else { continue }
      bound += 1
      try await Self.expectSameResult(statement, environment: environment)
    }
    #expect(bound > 300, "only \(bound) generated pipelines bound")
  }

  /// `count` random pipelines' stages (never none): up to two stages from the pool, maybe a
  /// `bucket`, maybe an aggregation, maybe one more stage.
  static func generatedStages(count: Int, _ random: inout SeededGenerator) -> [[String]] {
    var pipelines: [[String]] = []
    while pipelines.count < count {
      func pick(_ pool: [String], _ count: ClosedRange<Int>) -> [String] {
        (0..<Int.random(in: count, using: &random)).map { _ in
          pool.randomElement(using: &random) ?? ""
        }
      }
      var stages = pick(Self.stagePool, 0...2)
      if Bool.random(using: &random) { stages += pick(Self.buckets, 1...1) }
      stages += pick(Self.aggregations, 0...1) + pick(Self.stagePool, 0...1)
      if !stages.isEmpty { pipelines.append(stages) }
    }
    return pipelines
  }

  static func expectSameResult(
    _ statement: String, environment: Environment = environment,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    try await outcomes(statement, environment: environment, sourceLocation: sourceLocation)
  }

  /// Runs `statement` as written (`Optimizer.literal`) and optimized, expects the same result,
  /// and returns both outcomes.
  @discardableResult
  static func outcomes(
    _ statement: String, environment: Environment,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> (Result<ExecutionResult, any Error>, Result<ExecutionResult, any Error>) {
    let literal = try #require(
      bindPlan(
        statement, environment: environment, optimizer: .literal, sourceLocation: sourceLocation),
      sourceLocation: sourceLocation)
    let plan = try #require(
      bindPlan(statement, environment: environment, sourceLocation: sourceLocation),
      sourceLocation: sourceLocation)
    let source = FakeDataSource(frames: [:])
    let optimized = Executor(environment: environment, dataSource: source)
    var plain = optimized
    plain.optimizer = .literal
    let expected = await outcome { try await plain.run(literal) }
    let actual = await outcome { try await optimized.run(plan) }
    switch (expected, actual) {
    case (.success(let expected), .success(let actual)):
      #expect(
        Table(actual.frame) == Table(expected.frame), "\(statement)",
        sourceLocation: sourceLocation)
      #expect(
        actual.timings.map(\.verb) == expected.timings.map(\.verb), "\(statement)",
        sourceLocation: sourceLocation)
    case (.failure(let expected), .failure(let actual)):
      #expect("\(actual)" == "\(expected)", "\(statement)", sourceLocation: sourceLocation)
    default:
      Issue.record("\(statement): \(expected) vs \(actual)", sourceLocation: sourceLocation)
    }
    return (expected, actual)
  }

  static func outcome(_ body: () async throws -> ExecutionResult) async -> Result<
    ExecutionResult, any Error
  > {
    do { return .success(try await body()) } catch { return .failure(error) }
  }

  /// Usage rows sorted by time over four days, with nulls in the dimensions.
  static func usageFrame(rows: Int, _ random: inout SeededGenerator) -> Frame {
    let start = Fixtures.time("2026-11-27")
    let models = ["gpt-4o", "gpt-4o-mini", "o1"]
    var times = (0..<rows).map { _ in start + Int64.random(in: 0..<96, using: &random) * 3_600 }
    times.sort()
    func maybe(_ value: Value) -> Value {
      Int.random(in: 0..<5, using: &random) == 0 ? .null : value
    }
    let values = times.map { time -> [Value] in
      let requests = Int64.random(in: 1...20, using: &random)
      return [
        .time(time), .time(time + 3_600),
        .int(requests * Int64.random(in: 10...900, using: &random)),
        .int(requests * 3), .int(requests * Int64.random(in: 5...200, using: &random)),
        .int(requests), maybe(.string("proj_\(Int.random(in: 0..<4, using: &random))")),
        maybe(.string("user_\(Int.random(in: 0..<3, using: &random))")), .null,
        maybe(.string(models.randomElement(using: &random) ?? "o1")),
        maybe(.bool(Bool.random(using: &random))), .null,
      ]
    }
    return Frames.make(
      [
        ("start_time", .time), ("end_time", .time), ("input_tokens", .int),
        ("input_cached_tokens", .int), ("output_tokens", .int), ("num_model_requests", .int),
        ("project_id", .string), ("user_id", .string), ("api_key_id", .string), ("model", .string),
        ("batch", .bool), ("service_tier", .string),
      ], values)
  }
}
