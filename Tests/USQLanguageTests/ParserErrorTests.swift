import Testing

@testable import USQLanguage

@Suite("Parser: error positions")
struct ParserErrorTests {
  @Test("an unknown stage suggests the nearest one")
  func unknownStage() {
    assertError(
      "load completions | 1️⃣sun2️⃣ input_tokens", "unknown stage 'sun'", id: "parse.unknown-stage",
      help: "did you mean 'sum'?")
    assertError("_ | 1️⃣frobnicate2️⃣", "unknown stage 'frobnicate'", help: nil)
  }

  @Test("an unknown command suggests the nearest command or source")
  func unknownCommand() {
    assertError("1️⃣lod2️⃣ completions", "unknown command 'lod'", help: "did you mean 'load'?")
    assertError("1️⃣seting2️⃣", "unknown command 'seting'", help: "did you mean 'settings'?")
    assertError("1️⃣wehre2️⃣ x", "unknown command 'wehre'", help: "did you mean '| where'?")
    assertError("1️⃣fro2️⃣ x", "unknown command 'fro'", help: "did you mean 'from'?")
  }

  @Test("a stage at the start asks for a source")
  func stageFirst() {
    assertError(
      "1️⃣where2️⃣ x > 1", "expected a source before stage 'where'", id: "parse.stage-without-source")
  }

  @Test("a source after a pipe")
  func sourceAfterPipe() {
    assertError("_ | 1️⃣load2️⃣ costs", "'load' starts a pipeline and cannot follow '|'")
  }

  @Test("missing pieces are reported where they were expected")
  func missing() {
    assertError("load1️⃣", "expected an endpoint after 'load', found end of line")
    assertError("load completions |1️⃣", "expected a stage after '|', found end of line")
    assertError("_ | select 1️⃣| top 3", "expected a column name after 'select', found '|'")
    assertError("_ | sum x by1️⃣", "expected a column name after 'by', found end of line")
    assertError("_ | top 1️⃣x", "expected a row count after 'top', found 'x'")
    assertError("_ | head 1️⃣2.5", "expected a row count after 'head', found '2.5'")
    assertError("_ | tail 1️⃣-5", "expected a row count after 'tail', found '-'")
    assertError("_ | where 1️⃣", "expected an expression, found end of line")
    assertError("_ | where a > 1️⃣| top 3", "expected an expression, found '|'")
    assertError("_ | where (a > 1 1️⃣| top 3", "expected ')', found '|'")
    assertError("_ | where a in 1️⃣b", "expected '(' after 'in', found 'b'")
    assertError("_ | where a is 1️⃣nul", "expected 'null' after 'is', found 'nul'")
    assertError("_ | rename a 1️⃣b", "expected '=' after 'a', found 'b'")
    assertError("_ | derive t 1️⃣a + b", "expected '=' after 't', found 'a'")
    assertError(
      "_ | pivot model 1️⃣input_tokens", "expected 'values' after 'pivot model', found 'input_tokens'"
    )
    assertError(
      "_ | join costs 1️⃣project_id", "expected 'on' after 'join costs', found 'project_id'")
    assertError("from1️⃣", "expected a frame name after 'from', found end of line")
    assertError("read1️⃣", "expected a path after 'read', found end of line")
    assertError("_ | export 1️⃣| top 3", "expected a path after 'export', found '|'")
    assertError("explain1️⃣", "expected a pipeline after 'explain', found end of line")
    assertError("set1️⃣", "expected a setting after 'set', found end of line")
    assertError("set rows 1️⃣20", "expected '=' after option 'rows', found '20'")
    assertError("cache 1️⃣wipe", "expected 'info' or 'clear' after 'cache', found 'wipe'")
    assertError("let 1️⃣= load costs", "expected a frame name after 'let', found '='")
    assertError("let x 1️⃣load costs", "expected '=' after 'let x', found 'load'")
    assertError("_ | agg sum 1️⃣by x", "expected '(' after 'sum', found 'by'")
  }

  @Test("options need a value right after '='")
  func options() {
    assertError(
      "load completions days=1️⃣", "missing value for option 'days'", id: "parse.missing-option-value"
    )
    assertError(
      "load completions group=model,1️⃣ | top 3", "expected a value after ',' in option 'group'")
    assertError(
      "load completions 1️⃣7", "expected an option 'key=value' for 'load completions', found '7'")
    assertError("load completions days 1️⃣30", "expected '=' after option 'days', found '30'")
    assertError(
      "load completions days=3 1️⃣days2️⃣=4", "option 'days' is given twice",
      id: "parse.duplicate-option")
  }

  @Test("fixed option sets and kinds are checked with suggestions")
  func fixedSets() {
    assertError("_ | chart 1️⃣bars2️⃣", "unknown chart kind 'bars'", help: "did you mean 'bar'?")
    assertError(
      "_ | chart bar 1️⃣titel2️⃣=x", "unknown option 'titel' for 'chart'", help: "did you mean 'title'?"
    )
    assertError("_ | export a.csv format=1️⃣xml2️⃣", "invalid value 'xml' for option 'format'")
    assertError("_ | join f on k kind=1️⃣outer2️⃣", "invalid value 'outer' for option 'kind'")
    assertError("_ | bucket 1️⃣dya2️⃣", "invalid bucket width 'dya'", help: "did you mean 'day'?")
    assertError(
      "_ | other 1️⃣5", "expected a percentage after 'other', found '5'", help: "write '5%'")
    assertError(
      "_ | agg 1️⃣summ2️⃣(x)", "unknown aggregate function 'summ'", help: "did you mean 'sum'?")
  }

  @Test("lexical errors point at the bad text")
  func lexical() {
    assertError("_ | where model = 1️⃣\"gpt2️⃣", "unterminated string")
    assertError("_ | where a 1️⃣!2️⃣ b", "unexpected character '!'")
    assertError("_ | where t > 1️⃣2026-02-302️⃣", "invalid date '2026-02-30'")
    assertError("_ | where a = 1️⃣3x2️⃣", "invalid number '3x'")
    assertError("_ | where a = 1️⃣99999999999999999999", "number '99999999999999999999' is too large")
    assertError(#"_ | where a = 1️⃣\2️⃣q"#, "unexpected character '\\'")
    assertError(#"_ | where a = "x1️⃣\q2️⃣""#, "unknown escape '\\q' in a string")
  }

  @Test("leftovers after a stage get a hint")
  func leftovers() {
    assertError(
      "_ | select model 1️⃣input_tokens", "expected '|' or end of line, found 'input_tokens'",
      help: "separate columns with commas: 'model, input_tokens'")
    assertError(
      "_ | sort x 1️⃣descending", "expected '|' or end of line, found 'descending'",
      help: "write 'desc'")
    assertError(
      "_ | sum x 1️⃣group by model", "expected '|' or end of line, found 'group'",
      help: "write 'by COLUMN', as in 'sum input_tokens by model'")
    assertError(
      "_ | count 1️⃣model", "expected '|' or end of line, found 'model'",
      help: "write 'count by model'")
    assertError(
      "_ | chart bar title=My chart1️⃣", "expected '=' after option 'chart', found end of line",
      help: "a value with blanks needs quotes: 'title=\"My chart\"'")
  }

  @Test("comparisons cannot be chained")
  func chained() {
    assertError(
      "_ | where a < b 1️⃣< c", "comparisons cannot be chained", id: "parse.chained-comparison")
  }

  @Test("commands without arguments reject extra words")
  func extraArguments() {
    assertError("frames 1️⃣x", "'frames' takes no arguments, found 'x'")
  }

  @Test("after an error the stage stays quiet and the next stage is checked again")
  func resynchronise() {
    let (_, diagnostics) = Parser.parse(SourceFile("_ | top x y z | sort | bucket dya | head"))
    #expect(
      diagnostics.map(\.message) == [
        "expected a row count after 'top', found 'x'",
        "expected a column name after 'sort', found '|'",
        "invalid bucket width 'dya'",
      ])
  }

  @Test("a statement with errors still yields the stages that parsed")
  func bestEffort() {
    let (statement, diagnostics) = Parser.parse(SourceFile("load completions | sun x | top 5"))
    #expect(diagnostics.count == 1)
    #expect(SyntaxDump.describe(statement) == "load completions | top 5")
  }

  @Test("a call where a column list stands gets the forms that work (derive, bucket)")
  func callInColumnList() {
    assertError(
      "load completions | sum input_tokens by day1️⃣(start_time)",
      "expected '|' or end of line, found '('",
      help:
        "columns here are names, not calls: 'derive d = day(start_time) | sum … by d', or re-bucket the time with 'bucket day' before the stage"
    )
    assertError(
      "load completions | count by lower1️⃣(model)", "expected '|' or end of line, found '('",
      help:
        "columns here are names, not calls: compute it first with 'derive l = lower(model) | count … by l'"
    )
  }

}
