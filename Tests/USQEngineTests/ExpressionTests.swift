import Testing
import USQFrame

@testable import USQEngine

@Suite struct ExpressionTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var condition: String
    var inputs: [Int64]
    var testDescription: String { condition }
  }

  static let conditions = [
    Case(condition: "model = gpt-4o", inputs: [1_000, 2_000, 3_000]),
    Case(condition: "model == 'gpt-4o'", inputs: [1_000, 2_000, 3_000]),
    Case(condition: "model != gpt-4o", inputs: [500, 100]),
    Case(condition: "input_tokens >= 2000", inputs: [2_000, 3_000]),
    Case(condition: "input_tokens < 500 or input_tokens > 2500", inputs: [100, 3_000]),
    Case(condition: "model ~ \"gpt-4o*\" and input_tokens <= 1000", inputs: [1_000, 500]),
    Case(condition: "not (model ~ \"gpt*\")", inputs: [100]),
    Case(condition: "model in (gpt-4o-mini, o1)", inputs: [500, 100]),
    Case(condition: "model not in (gpt-4o, o1)", inputs: [500]),
    Case(condition: "user_id is null", inputs: [1_000, 500, 2_000, 100, 3_000]),
    Case(condition: "user_id is not null", inputs: []),
    Case(condition: "user_id = u1", inputs: []),
    Case(condition: "start_time >= 2026-11-29", inputs: [2_000, 100, 3_000]),
    Case(condition: "start_time < \"2026-11-29\"", inputs: [1_000, 500]),
    Case(condition: "end_time - start_time = 1d", inputs: [1_000, 500, 2_000, 100, 3_000]),
    Case(condition: "output_tokens / input_tokens > 0.25", inputs: [100]),
    Case(condition: "-input_tokens < -2500", inputs: [3_000]),
    Case(condition: "input_tokens * 2 + 1 = 201", inputs: [100]),
    Case(condition: "gpt-4o = model", inputs: [1_000, 2_000, 3_000]),
    Case(condition: "true", inputs: [1_000, 500, 2_000, 100, 3_000]),
    Case(condition: "null", inputs: []),
    Case(condition: "not null or model = o1", inputs: [100]),
    Case(condition: "false or null", inputs: []),
    Case(condition: "day(start_time) = 2026-11-30", inputs: [3_000]),
    Case(condition: "date(start_time) = 2026-11-30", inputs: [3_000]),
    Case(condition: "date(start_time) in (2026-11-28, 2026-11-30)", inputs: [1_000, 500, 3_000]),
    Case(condition: "upper(model) = 'O1'", inputs: [100]),
    Case(condition: "coalesce(user_id, 'none') = none", inputs: [1_000, 500, 2_000, 100, 3_000]),
  ]

  @Test("where keeps the rows where the condition is true", arguments: conditions)
  func condition(_ testCase: Case) async throws {
    let result = try await run(
      "load completions | where \(testCase.condition) | select input_tokens")
    #expect(Table(result.frame).rows == testCase.inputs.map { [Value.int($0)] })
  }

  @Test("functions and arithmetic in derive")
  func functions() async throws {
    let result = try await run(
      "load completions | head 1 | derive d = date(start_time), h = hour(start_time + 3h), w = week(start_time), m = month(start_time), r = round(input_tokens / 3, 1), c = coalesce(user_id, \"none\"), u = upper(model), l = lower(\"ABC\"), n = round(2.5), x = 1 / 0 | select d, h, w, m, r, c, u, l, n, x"
    )
    #expect(
      Table(result.frame).rows == [
        [
          .string("2026-11-28"), day("2026-11-28T03:00"), day("2026-11-23"), day("2026-11-01"),
          .double(333.3),
          .string("none"), .string("GPT-4O"), .string("abc"), .double(3), .null,
        ]
      ])
  }
}
