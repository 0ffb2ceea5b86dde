import Testing
import USQLanguage

@testable import USQEngine

@Suite struct BinderErrorTests {
  @Test("an unknown endpoint lists the endpoints and suggests the nearest")
  func unknownEndpoint() {
    expectError(
      "load 1️⃣completions_x2️⃣", "unknown endpoint 'completions_x'",
      help: "did you mean 'completions'?")
    expectError(
      "load 1️⃣completionz", "unknown endpoint 'completionz'", help: "did you mean 'completions'?")
  }

  @Test("unique prefixes of endpoints work at the prompt only")
  func prefixes() {
    expectError(
      "load 1️⃣comp", "unknown endpoint 'comp'", help: "did you mean 'completions'?",
      note: "a prefix of an endpoint is accepted only at the prompt; a script spells it out")
    let prompt = Fixtures.environment(prefixes: true)
    #expect(bindPlan("load comp", environment: prompt)?.request?.endpoint.name == "completions")
    expectError("load 1️⃣c", "'c' could be 2 endpoints", environment: prompt)
  }

  @Test("a group key the endpoint lacks lists the valid ones")
  func groupKey() {
    expectError(
      "load costs group=1️⃣model", "'costs' cannot be grouped by 'model'",
      help: "'costs' names the model inside each line item: group=line_item, then"
        + " where line_item ~ \"gpt-4o*\"",
      note: "valid group keys: project_id, line_item, api_key_id")
    expectError(
      "load completions group=model,1️⃣projct_id", "'completions' cannot be grouped by 'projct_id'",
      help: "did you mean 'project_id'?")
  }

  @Test("costs accept only daily buckets")
  func costsBucket() {
    expectError("load costs bucket=1️⃣1h", "'costs' does not support bucket=1h")
    expectError("load costs 1️⃣hours=5", "'costs' does not support bucket=1h (implied by 'hours=')")
  }

  @Test("limit above the API maximum for the width")
  func limit() {
    expectError(
      "load completions limit=1️⃣32", "'limit=32' is above the API maximum of 31 for bucket=1d")
    expectError(
      "load completions bucket=1h limit=1️⃣169",
      "'limit=169' is above the API maximum of 168 for bucket=1h")
    #expect(bindPlan("load completions bucket=1h limit=168")?.request?.limit == 168)
    #expect(bindPlan("load costs")?.request?.limit == 180)
  }

  @Test("days=0 and since after until")
  func windows() {
    expectError(
      "load completions days=1️⃣0", "expected a whole number of at least 1 for 'days', found '0'")
    expectError(
      "load completions since=1️⃣2026-11-10 until=2026-11-01",
      "'since=2026-11-10' is not before 'until=2026-11-01'")
    expectError("load completions days=7 1️⃣hours=3", "'hours=' cannot be combined with 'days='")
  }

  @Test("a since= shaped like a date names the field out of range, as a date literal does")
  func sinceOutOfRange() {
    let labels = ["2026-11-31", "2026-12-31T23:59:60Z", "2026-11-01T08"].map {
      bind("load completions since=\($0)", environment: Fixtures.environment()).1.first?.label
    }
    #expect(
      labels == [
        "day 31 is out of range: 2026-11 has 30 days",
        "second 60 is out of range (leap seconds are not supported)", "not a time",
      ])
  }

  @Test("an unknown option suggests the nearest")
  func unknownOption() {
    expectError(
      "load completions 1️⃣dayz=3", "unknown option 'dayz' for 'load completions'",
      help: "did you mean 'days'?")
    expectError("load projects 1️⃣days=3", "'projects' takes no options, found 'days='")
  }

  @Test("an unknown column after an aggregation lists the input frame's columns")
  func unknownColumnAfterAggregation() {
    expectError(
      "load completions | sum input_tokens by model | sort 1️⃣output_tokens2️⃣",
      "unknown column 'output_tokens'", note: "the input frame's columns: model, input_tokens")
    expectError(
      "load completions | sum 1️⃣num_model_request by project_id",
      "unknown column 'num_model_request'",
      help: "did you mean 'num_model_requests'?")
  }

  @Test("a word with a dash suggests a subtraction")
  func dashHint() {
    expectError(
      "load completions | derive x = 1️⃣input_tokens-output_tokens",
      "unknown column 'input_tokens-output_tokens'",
      help: "did you mean `input_tokens - output_tokens`?")
  }

  @Test("type mismatches in conditions")
  func typeMismatch() {
    expectError(
      "load completions | where 1️⃣model > 32️⃣", "cannot compare 'model' (string) with '3' (int)")
    expectError(
      "load completions | where 1️⃣input_tokens", "expected a condition, found 'input_tokens' (int)")
    expectError(
      "load completions | derive x = 1️⃣model + 1", "cannot apply '+' to string and int")
    expectError(
      "load completions | derive x = 1️⃣rond(input_tokens)", "unknown function 'rond'",
      help: "did you mean 'round'?")
    expectError("load completions | derive x = day(1️⃣model)", "'day' cannot take 'model' (string)")
  }

  @Test("a bare word that is not a column is a string beside a column")
  func bareWords() {
    #expect(bindPlan("load completions | where model = gpt-4o") != nil)
    #expect(bindPlan("load completions | where model in (gpt-4o, o1)") != nil)
    expectError(
      "load completions | where 1️⃣modle = gpt-4o", "unknown column 'modle'",
      help: "did you mean 'model'?")
    expectError(
      "load completions | where input_tokens > 1️⃣output_token", "unknown column 'output_token'",
      help: "did you mean 'output_tokens'?")
    #expect(bindPlan("load completions | where date(start_time) = 2026-11-30") != nil)
    #expect(
      bindPlan("load completions | where date(start_time) in (2026-11-29, 2026-11-30)") != nil)
  }

  @Test("top needs a numeric column")
  func topNumeric() {
    expectError(
      "load completions | distinct model | 1️⃣top 3",
      "'top' needs a numeric column, and the input has none")
    expectError(
      "load completions | top 3 by 1️⃣model", "'top' needs a numeric column, found 'model' (string)")
  }

  @Test("chart columns must exist and y must be numeric")
  func chartColumns() {
    expectError(
      "load completions | sum input_tokens by model | chart bar x=1️⃣modell",
      "unknown column 'modell'",
      help: "did you mean 'model'?")
    expectError(
      "load completions | sum input_tokens by model | chart bar y=1️⃣model",
      "'chart' needs a numeric column, found 'model' (string)")
    expectError(
      "load completions days=3 | 1️⃣chart heat", "'chart heat' needs hourly or finer buckets")
  }

  @Test("output stages come last")
  func outputLast() {
    expectError(
      "load completions | 1️⃣chart bar | head",
      "'chart' must be the last stage (only 'export' may follow 'chart')")
    expectError(
      "load completions | 1️⃣export a.csv | head",
      "'export' must be the last stage (only 'export' may follow 'chart')")
    expectError(
      "load completions | export 1️⃣a.svg", "'export' writes SVG only after a 'chart' stage")
  }

  @Test("unknown frames and a missing last result")
  func frames() {
    expectError("from 1️⃣nope", "unknown frame 'nope'")
    expectError("1️⃣_ | head", "there is no last result yet")
    expectError("load completions | join 1️⃣nope on model", "unknown frame 'nope'")
  }
}
