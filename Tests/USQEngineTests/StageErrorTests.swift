import Testing
import USQFrame

@testable import USQEngine

@Suite struct StageErrorTests {
  @Test("column lists: duplicates, renames onto taken names")
  func lists() {
    expectError("load completions | select model, 1️⃣model", "column 'model' is given twice")
    expectError(
      "load completions | rename 1️⃣model = project_id", "a column named 'model' already exists")
    #expect(bindPlan("load completions | rename model = model") != nil)
    expectError(
      "load completions | sum 1️⃣input_tokens by input_tokens",
      "the result would have two columns named 'input_tokens'")
  }

  @Test("aggregates need numbers where they add up")
  func aggregates() {
    expectError(
      "load completions | sum 1️⃣model", "'sum' needs a numeric column, found 'model' (string)")
    expectError(
      "load completions | agg p90(1️⃣model)", "'agg' needs a numeric column, found 'model' (string)")
    #expect(
      bindPlan(
        "load completions | agg min(model), distinct(model), first(start_time) by project_id")
        != nil)
    expectError(
      "load completions | share 1️⃣model", "'share' needs a numeric column, found 'model' (string)")
    expectError(
      "load completions | pivot model values 1️⃣project_id",
      "'pivot' needs a numeric column, found 'project_id' (string)")
  }

  @Test("time stages need start_time")
  func timeStages() {
    expectError(
      "load completions | sum input_tokens by model | 1️⃣bucket day",
      "'bucket' needs a 'start_time' time column")
    expectError(
      "load completions | sum input_tokens by model | 1️⃣fill",
      "'fill' needs a 'start_time' time column")
    expectError("load completions | bucket 1️⃣0m", "expected a positive width, found '0m'")
  }

  @Test("other, names, join, functions")
  func others() throws {
    expectError(
      "load completions | sum input_tokens by model | other 1️⃣150%",
      "expected a percentage from 0% to 100%, found '150%'")
    expectError(
      "load completions | sum input_tokens by model | 1️⃣names",
      "'names' needs a 'project_id', 'user_id' or 'api_key_id' column")
    let stored = try Frames.projects.rename([(new: "project_id", old: "id")])
    let environment = Fixtures.environment(frames: ["p": stored])
    expectError(
      "load completions | join p on 1️⃣model", "the stored frame 'p' has no column 'model'",
      environment: environment)
    expectError(
      "load completions | derive x = 1️⃣round(input_tokens, 1, 2)",
      "'round' takes 1 or 2 arguments, found 3")
    expectError(
      "load completions | derive x = round(input_tokens, 1️⃣model)",
      "expected a whole number of digits, found 'model'")
    expectError("load completions | derive x = 1️⃣sum(input_tokens)", "unknown function 'sum'")
    expectError(
      "load completions | derive x = coalesce(model, 1️⃣input_tokens)",
      "'coalesce' cannot take 'input_tokens' (int)")
    expectError(
      "load completions | where model in (1️⃣input_tokens + 1)",
      "expected a value in the 'in' list, found 'input_tokens + 1'")
    expectError(
      "load completions | where 1️⃣model and batch", "expected a condition, found 'model' (string)")
    expectError(
      "load completions | where 1️⃣input_tokens ~ \"a*\"", "cannot apply '~' to 'input_tokens' (int)")
  }

  @Test("load options: values, repeats, filters")
  func loadOptions() {
    expectError("load completions bucket=1️⃣2h", "expected a bucket width, found '2h'")
    expectError("load completions days=3 1️⃣days=4", "option 'days' is given twice")
    expectError(
      "load completions batch=1️⃣maybe", "expected true or false for 'batch', found 'maybe'")
    expectError(
      "load completions since=1️⃣yesterday",
      "expected a date, date-time or relative time for 'since', found 'yesterday'")
    expectError("load completions since=-1d 1️⃣days=3", "'days=' cannot be combined with 'since='")
    expectError("load embeddings 1️⃣batch=true", "unknown option 'batch' for 'load embeddings'")
  }

  @Test("chart options")
  func chart() {
    expectError(
      "load completions | chart bar width=1️⃣0",
      "expected a positive whole number for 'width', found '0'")
    expectError(
      "load completions | chart bar x=1️⃣model,project_id",
      "'x=' takes one column, found 'model,project_id'")
    expectError(
      "load completions | select input_tokens | 1️⃣chart stack",
      "this chart needs 'x=': a non-numeric column for the x axis")
  }

  @Test("stack and spark need by=, and the error lists the columns that could be it")
  func chartNeedsBy() {
    // Guessing the first text column drew one `(null)` series from a column group= never filled.
    expectError(
      "load completions group=model | sum input_tokens by start_time, model | 1️⃣chart stack x=start_time",
      "'chart stack' needs by=COLUMN: the column whose values become the segments of each bar",
      help: "add by=COLUMN with one of the candidates", note: "candidates: model")
    expectError(
      "load completions group=model,project_id | 1️⃣chart spark y=input_tokens",
      "'chart spark' needs by=COLUMN: the column whose values become the sparklines",
      note: "candidates: project_id, user_id, api_key_id, model, batch, service_tier")
    expectError(
      "load completions | sum input_tokens by start_time | 1️⃣chart spark",
      "'chart spark' needs by=COLUMN: the column whose values become the sparklines",
      help: "load a text column (e.g. group=model) and add by=COLUMN",
      note: "the input has no text column to split by")
    #expect(bindPlan("load completions group=model | chart spark y=input_tokens by=model") != nil)
  }
}
