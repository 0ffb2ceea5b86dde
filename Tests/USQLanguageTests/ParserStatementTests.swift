import Testing

@testable import USQLanguage

/// A statement and the dump it must parse to.
struct ParseCase: CustomTestStringConvertible, Sendable {
  let text: String
  let dump: String
  init(_ text: String, _ dump: String) {
    self.text = text
    self.dump = dump
  }
  var testDescription: String { text }
}

@Suite("Parser: every statement form of LANGUAGE.md")
struct ParserStatementTests {
  static let sources: [ParseCase] = [
    ParseCase("load completions", "load completions"),
    ParseCase("load comp", "load comp"),
    ParseCase("load completions days=30", "load completions days=30"),
    ParseCase("load completions hours=36 minutes=90", "load completions hours=36 minutes=90"),
    ParseCase(
      "load completions since=2026-11-01 until=2026-11-08T00:00Z",
      "load completions since=2026-11-01 until=2026-11-08T00:00Z"),
    ParseCase("load completions since=-7d", "load completions since=-7d"),
    ParseCase("load completions since=-36h bucket=1h", "load completions since=-36h bucket=1h"),
    ParseCase("load completions group=model,project_id", "load completions group=model,project_id"),
    ParseCase(
      "load completions project=proj_a,proj_b user=user_1 key=key_1 model=gpt-4o,o1-mini",
      "load completions project=proj_a,proj_b user=user_1 key=key_1 model=gpt-4o,o1-mini"),
    ParseCase("load completions batch=true", "load completions batch=true"),
    ParseCase(
      "load images source=image.generation size=1024x1024,256x256",
      "load images source=image.generation size=1024x1024,256x256"),
    ParseCase("load completions limit=31", "load completions limit=31"),
    ParseCase("load costs days=30 group=line_item", "load costs days=30 group=line_item"),
    ParseCase("load projects", "load projects"),
    ParseCase("load api_keys", "load api_keys"),
    ParseCase("read pages/*.json", "read pages/*.json"),
    ParseCase("read \"my pages/page 1.json\"", "read \"my pages/page 1.json\""),
    ParseCase("read ./data", "read ./data"),
    ParseCase("from daily", "from daily"),
    ParseCase("_", "_"),
    ParseCase("_ | top 3", "_ | top 3"),
    ParseCase("| top 3", "(continue) | top 3"),
    ParseCase(
      "let daily = load completions | sum input_tokens by model",
      "let daily = load completions | sum [input_tokens] by [model]"),
    ParseCase("let x = | where a > 1", "let x = (continue) | where (> a 1)"),
    ParseCase(
      "let costs = load costs\n| sum amount by project_id",
      "let costs = load costs | sum [amount] by [project_id]"),
    ParseCase("", "empty"),
    ParseCase("   # only a comment", "empty"),
  ]

  @Test("sources and let", arguments: sources)
  func source(_ example: ParseCase) {
    #expect(dump(example.text) == example.dump)
  }

  static let stages: [ParseCase] = [
    ParseCase("_ | where model = gpt-4o", "_ | where (= model gpt-4o)"),
    ParseCase("_ | where model == \"gpt-4o\"", "_ | where (= model \"gpt-4o\")"),
    ParseCase("_ | select model, input_tokens", "_ | select [model, input_tokens]"),
    ParseCase("_ | drop project_id", "_ | drop [project_id]"),
    ParseCase(
      "_ | rename tokens = input_tokens, m = model", "_ | rename [tokens = input_tokens, m = model]"
    ),
    ParseCase(
      "_ | derive total = input_tokens + output_tokens, d = day(start_time)",
      "_ | derive [total = (+ input_tokens output_tokens), d = day(start_time)]"),
    ParseCase(
      "_ | sum input_tokens, output_tokens by model, project_id",
      "_ | sum [input_tokens, output_tokens] by [model, project_id]"),
    ParseCase("_ | avg input_tokens", "_ | avg [input_tokens]"),
    ParseCase("_ | min input_tokens by model", "_ | min [input_tokens] by [model]"),
    ParseCase("_ | max amount by line_item", "_ | max [amount] by [line_item]"),
    ParseCase("_ | count", "_ | count"),
    ParseCase("_ | count by model", "_ | count by [model]"),
    ParseCase(
      "_ | agg sum(input_tokens), count(), median(amount) as mid, p90(x), p99(x), first(x), last(x), distinct(model), avg(x), min(x), max(x) by project_id",
      "_ | agg [sum(input_tokens) as sum_input_tokens, count() as count, median(amount) as mid, p90(x) as p90_x, p99(x) as p99_x, first(x) as first_x, last(x) as last_x, distinct(model) as distinct_model, avg(x) as avg_x, min(x) as min_x, max(x) as max_x] by [project_id]"
    ),
    ParseCase(
      "_ | sort model, input_tokens desc, x asc", "_ | sort [model asc, input_tokens desc, x asc]"),
    ParseCase("_ | top 5", "_ | top 5"),
    ParseCase("_ | top 5 by input_tokens", "_ | top 5 by input_tokens"),
    ParseCase("_ | head", "_ | head"),
    ParseCase("_ | head 20", "_ | head 20"),
    ParseCase("_ | tail", "_ | tail"),
    ParseCase("_ | tail 3", "_ | tail 3"),
    ParseCase("_ | bucket hour", "_ | bucket hour"),
    ParseCase("_ | bucket day", "_ | bucket day"),
    ParseCase("_ | bucket week", "_ | bucket week"),
    ParseCase("_ | bucket month", "_ | bucket month"),
    ParseCase("_ | bucket 6h", "_ | bucket 21600s"),
    ParseCase("_ | fill", "_ | fill"),
    ParseCase("_ | share num_model_requests", "_ | share num_model_requests"),
    ParseCase("_ | share amount by project_id", "_ | share amount by [project_id]"),
    ParseCase("_ | other 5%", "_ | other 5.0%"),
    ParseCase("_ | other 2.5% of amount", "_ | other 2.5% of amount"),
    ParseCase("_ | pivot model values input_tokens", "_ | pivot model values input_tokens"),
    ParseCase("_ | join costs on project_id", "_ | join costs on [project_id] kind=left"),
    ParseCase(
      "_ | join costs on project_id, day kind=inner",
      "_ | join costs on [project_id, day] kind=inner"),
    ParseCase("_ | names", "_ | names"),
    ParseCase("_ | price", "_ | price"),
    ParseCase("_ | distinct model, project_id", "_ | distinct [model, project_id]"),
  ]

  @Test("every stage", arguments: stages)
  func stage(_ example: ParseCase) {
    #expect(dump(example.text) == example.dump)
  }

  @Test("every row of the stage table has a parse case, and each verb is one row")
  func tableCovered() {
    let verbs = StageVerb.names
    #expect(Set(verbs).count == verbs.count)
    let examples = (Self.stages + Self.outputs + PeriodParserTests.cases).map { $0.text }
    for verb in verbs {
      #expect(examples.contains { $0.hasPrefix("_ | \(verb)") }, "no parse case for '\(verb)'")
    }
  }

  static let outputs: [ParseCase] = [
    ParseCase("_ | chart bar", "_ | chart bar"),
    ParseCase(
      "_ | chart bar x=start_time y=input_tokens,output_tokens",
      "_ | chart bar x=start_time y=input_tokens,output_tokens"),
    ParseCase(
      "_ | chart stack x=model y=num_model_requests by=project_id",
      "_ | chart stack x=model y=num_model_requests by=project_id"),
    ParseCase(
      "_ | chart line x=start_time y=input_tokens by=model",
      "_ | chart line x=start_time y=input_tokens by=model"),
    ParseCase("_ | chart pie y=amount by=line_item", "_ | chart pie y=amount by=line_item"),
    ParseCase("_ | chart spark y=input_tokens by=model", "_ | chart spark y=input_tokens by=model"),
    ParseCase("_ | chart heat y=num_model_requests", "_ | chart heat y=num_model_requests"),
    ParseCase(
      "_ | chart bar title=\"Tokens, daily\" width=60 height=20",
      "_ | chart bar title=\"Tokens, daily\" width=60 height=20"),
    ParseCase("_ | chart bar title='it\\'s' ", "_ | chart bar title=\"it's\""),
    ParseCase("_ | export out.csv", "_ | export out.csv (format: auto)"),
    ParseCase("_ | export out.txt format=md", "_ | export out.txt (format: md) format=md"),
    ParseCase(
      "_ | export \"my file.json\" format=json",
      "_ | export \"my file.json\" (format: json) format=json"),
    ParseCase("_ | export data.ndjson", "_ | export data.ndjson (format: auto)"),
    ParseCase("_ | chart pie | export pie.svg", "_ | chart pie | export pie.svg (format: auto)"),
  ]

  @Test("chart and export", arguments: outputs)
  func output(_ example: ParseCase) {
    #expect(dump(example.text) == example.dump)
  }

  static let commands: [ParseCase] = [
    ParseCase("help", "help"),
    ParseCase("help chart pie", "help \"chart pie\""),
    ParseCase("help load  # about load", "help \"load\""),
    ParseCase("fields", "fields"),
    ParseCase("fields completions", "fields completions"),
    ParseCase("fields completions input_tokens", "fields completions input_tokens"),
    ParseCase("describe", "describe"),
    ParseCase("describe daily", "describe daily"),
    ParseCase("describe _", "describe _"),
    ParseCase(
      "explain load completions | sum input_tokens by model",
      "explain (load completions | sum [input_tokens] by [model])"),
    ParseCase("set tz=+02:00", "set tz=+02:00"),
    ParseCase("set rows=20", "set rows=20"),
    ParseCase("set color=never", "set color=never"),
    ParseCase("set source=demo", "set source=demo"),
    ParseCase("set source=api", "set source=api"),
    ParseCase("set tz=UTC", "set tz=UTC"),
    ParseCase("set tz=local", "set tz=local"),
    ParseCase("set tz=-05:30", "set tz=-05:30"),
    ParseCase("set width=auto", "set width=auto"),
    ParseCase("set width=120", "set width=120"),
    ParseCase("set color=always", "set color=always"),
    ParseCase("set format=ndjson", "set format=ndjson"),
    ParseCase("set cache=off", "set cache=off"),
    ParseCase("set concurrency=4", "set concurrency=4"),
    ParseCase("set charset=ascii", "set charset=ascii"),
    ParseCase("set timer=on", "set timer=on"),
    ParseCase("set title=a,b", "set title=a,b"),
    ParseCase("settings", "settings"),
    ParseCase("frames", "frames"),
    ParseCase("run report.usq", "run report.usq"),
    ParseCase(
      "run scripts/report.usq days=7 model=gpt-4o,o1",
      "run scripts/report.usq days=7 model=gpt-4o,o1"),
    ParseCase("cache info", "cache info"),
    ParseCase("cache clear", "cache clear"),
    ParseCase("history", "history"),
    ParseCase("quit", "quit"),
    ParseCase("exit", "exit"),
  ]

  @Test("shell commands", arguments: commands)
  func command(_ example: ParseCase) {
    #expect(dump(example.text) == example.dump)
  }

  static let expressions: [ParseCase] = [
    ParseCase("a + b * 2 > 3", "(> (+ a (* b 2)) 3)"),
    ParseCase("(a + b) * 2", "(* (+ a b) 2)"),
    ParseCase("a - b - c", "(- (- a b) c)"),
    ParseCase("a / b", "(/ a b)"),
    ParseCase("-a * 2", "(* (- a) 2)"),
    ParseCase("x > -5", "(> x -5)"),
    ParseCase("x > - 2.5", "(> x -2.5)"),
    ParseCase("not a = 1 and b = 2 or c = 3", "(or (and (not (= a 1)) (= b 2)) (= c 3))"),
    ParseCase("a = 1 or b = 2 and c = 3", "(or (= a 1) (and (= b 2) (= c 3)))"),
    ParseCase("not not a", "(not (not a))"),
    ParseCase(
      "a != 1 and b <= 2 and c >= 3 and d < 4",
      "(and (and (and (!= a 1) (<= b 2)) (>= c 3)) (< d 4))"),
    ParseCase("model in (gpt-4o, \"o1\", 3)", "(in model [gpt-4o, \"o1\", 3])"),
    ParseCase("model not in (a)", "(not in model [a])"),
    ParseCase("model ~ \"gpt-4*\"", "(~ model \"gpt-4*\")"),
    ParseCase("model not ~ \"o1*\"", "(not ~ model \"o1*\")"),
    ParseCase("model ~ gpt-4* and x > 1", "(and (~ model \"gpt-4*\") (> x 1))"),
    ParseCase("(model ~ *mini)", "(~ model \"*mini\")"),
    ParseCase("model ~ o[13]-?ini", "(~ model \"o[13]-?ini\")"),
    ParseCase("model ~ prefix", "(~ model prefix)"),
    ParseCase("model ~ lower(x)", "(~ model lower(x))"),
    ParseCase("project_id is null", "(is null project_id)"),
    ParseCase("project_id is not null", "(is not null project_id)"),
    ParseCase(
      "batch = true or batch = false or x = null",
      "(or (or (= batch true) (= batch false)) (= x null))"),
    ParseCase("start_time >= 2026-11-01T08:00+02:00", "(>= start_time time(1793512800))"),
    ParseCase("day(start_time) = 2026-11-01", "(= day(start_time) time(1793491200))"),
    ParseCase("round(amount / 3, 2) > 1e3", "(> round((/ amount 3), 2) 1000.0)"),
    ParseCase("coalesce(a, b, 0) = 0", "(= coalesce(a, b, 0) 0)"),
    ParseCase("lower(model) = upper(\"x\")", "(= lower(model) upper(\"x\"))"),
    ParseCase(
      "week(start_time) = month(start_time) and hour(start_time) = date(start_time)",
      "(and (= week(start_time) month(start_time)) (= hour(start_time) date(start_time)))"),
    ParseCase("share < 5%", "(< share 5.0%)"),
    ParseCase("end_time - start_time > 90m", "(> (- end_time start_time) duration(5400s))"),
    ParseCase("x = 1_000_000", "(= x 1000000)"),
  ]

  @Test("expressions by precedence", arguments: expressions)
  func expression(_ example: ParseCase) {
    #expect(dump("_ | where " + example.text) == "_ | where " + example.dump)
  }

  @Test("spans of names, options and stages point into the source")
  func spans() throws {
    let text =
      "load completions days=30 group=model,project_id | sum num_model_request by project_id | top 5"
    guard case .pipeline(let pipeline) = parsed(text),
      case .load(let endpoint, let options) = pipeline.source.kind,
      case .aggregate(_, let columns, let keys) = pipeline.stages[0].kind,
      case .top(let count, _) = pipeline.stages[1].kind
    else {
      Issue.record("unexpected shape")
      return
    }
    let source = SourceFile(text)
    #expect(source.text(of: endpoint.span) == "completions")
    #expect(source.text(of: options[1].span) == "group=model,project_id")
    #expect(source.text(of: options[1].valueSpan) == "model,project_id")
    #expect(options[1].rawText == "model,project_id")
    #expect(options[1].values.map { source.text(of: $0.span) } == ["model", "project_id"])
    #expect(columns[0].span == Span(start: 54, end: 71))
    #expect(source.text(of: keys[0].span) == "project_id")
    #expect(source.text(of: pipeline.stages[0].span) == "sum num_model_request by project_id")
    #expect(source.text(of: pipeline.stages[0].verb.span) == "sum")
    #expect(count.text == "5")
    #expect(pipeline.span == source.fullSpan)
  }

  @Test("expression text and operator spans")
  func expressionText() {
    guard case .pipeline(let pipeline) = parsed("_ | derive t = (a + b) * 2"),
      case .derive(let items) = pipeline.stages[0].kind,
      case .binary(_, let left, _, let operatorSpan) = items[0].expression.kind
    else {
      Issue.record("unexpected shape")
      return
    }
    #expect(items[0].expression.text == "(a + b) * 2")
    #expect(left.text == "(a + b)")
    #expect(operatorSpan == Span(start: 23, end: 24))
  }

  @Test("numbers keep their literal text")
  func literalText() {
    guard case .pipeline(let pipeline) = parsed("_ | where x > 1_000 | head 1_0"),
      case .where(let condition) = pipeline.stages[0].kind,
      case .binary(_, _, let right, _) = condition.kind,
      case .head(let count) = pipeline.stages[1].kind
    else {
      Issue.record("unexpected shape")
      return
    }
    #expect(right.text == "1_000")
    #expect(right.kind == .integer(1000))
    #expect(count?.text == "1_0")
  }
}

@Suite struct PeriodParserTests {
  static let cases: [ParseCase] = [
    ParseCase("_ | compare prev", "_ | compare prev"),
    ParseCase("_ | compare 7d", "_ | compare 604800s"),
    ParseCase("_ | compare 4w | chart bar", "_ | compare 2419200s | chart bar"),
    ParseCase("_ | forecast", "_ | forecast"),
    ParseCase("_ | forecast to=month y=amount", "_ | forecast to=month y=amount"),
    ParseCase("_ | forecast to=2026-12-31", "_ | forecast to=2026-12-31"),
    ParseCase("_ | assert amount < 100", "_ | assert (< amount 100)"),
    ParseCase(
      "_ | assert amount < 100 and n > 0 message=\"over $100, again\"",
      "_ | assert (and (< amount 100) (> n 0)) message=\"over $100, again\""),
    ParseCase(
      "watch load costs days=1 | sum amount",
      "watch every=60s load costs days=1 | sum [amount]"),
    ParseCase("watch every=2m _ | count", "watch every=120s _ | count"),
  ]

  @Test("compare, forecast, assert and watch", arguments: cases)
  func parse(_ example: ParseCase) {
    #expect(dump(example.text) == example.dump)
  }

  @Test("bad arguments are errors at their position")
  func errors() {
    func first(_ text: String) -> (String, Int)? {
      let (_, diagnostics) = Parser.parse(SourceFile(text))
      return diagnostics.first.map { ($0.message, $0.span.start) }
    }
    #expect(
      first("_ | compare")?.0 == "expected 'prev' or a duration after 'compare', found end of line")
    #expect(first("_ | forecast until=month")?.0 == "unknown option 'until' for 'forecast'")
    #expect(first("_ | assert a > 1 msg=\"x\"")?.0 == "unknown option 'msg' for 'assert'")
    #expect(first("watch every=5s _")! == ("'watch' refreshes at most every 10s, found '5s'", 12))
    #expect(
      first("watch every=soon _")! == ("expected a duration after 'every=', found 'soon'", 12))
    #expect(first("watch")?.0 == "expected a pipeline after 'watch', found end of line")
  }
}
