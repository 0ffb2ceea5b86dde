import Testing

@testable import USQLanguage

/// A line with the cursor at its end (or at `‸`), and what completion should expect there.
struct CompletionCase: CustomTestStringConvertible, Sendable {
  let line: String
  let expected: CompletionRequest.Expected
  let partial: String
  init(_ line: String, _ expected: CompletionRequest.Expected, _ partial: String = "") {
    self.line = line
    self.expected = expected
    self.partial = partial
  }
  var testDescription: String { line }
}

@Suite("Completion: what is expected at the cursor")
struct CompletionTests {
  static let cases: [CompletionCase] = [
    CompletionCase("", .statementStart),
    CompletionCase("lo", .statementStart, "lo"),
    CompletionCase("load ", .endpoint),
    CompletionCase("load comp", .endpoint, "comp"),
    CompletionCase("load completions ", .optionKey(endpoint: "completions")),
    CompletionCase("load completions da", .optionKey(endpoint: "completions"), "da"),
    CompletionCase("load completions days=30 gr", .optionKey(endpoint: "completions"), "gr"),
    CompletionCase("load completions group=", .optionValue(endpoint: "completions", key: "group")),
    CompletionCase(
      "load completions group=mo", .optionValue(endpoint: "completions", key: "group"), "mo"),
    CompletionCase(
      "load completions group=model,pro", .optionValue(endpoint: "completions", key: "group"), "pro"
    ),
    CompletionCase("load completions | ", .stage),
    CompletionCase("load completions | su", .stage, "su"),
    CompletionCase("load completions |su", .stage, "su"),
    CompletionCase(
      "load completions | sum ", .column(stage: "sum", pipelinePrefix: "load completions")),
    CompletionCase(
      "load completions | sum in", .column(stage: "sum", pipelinePrefix: "load completions"), "in"),
    CompletionCase("load completions | sum input_tokens ", .keyword(["by"])),
    CompletionCase(
      "load completions | sum input_tokens by mo",
      .column(stage: "sum", pipelinePrefix: "load completions"), "mo"),
    CompletionCase(
      "load completions days=3 | where x > 1 | select ",
      .column(stage: "select", pipelinePrefix: "load completions days=3 | where x > 1")),
    CompletionCase(
      "let x = load costs | where am", .column(stage: "where", pipelinePrefix: "load costs"), "am"),
    CompletionCase(
      "explain load costs | sort ", .column(stage: "sort", pipelinePrefix: "load costs")),
    CompletionCase("_ | sort amount ", .keyword(["asc", "desc"])),
    CompletionCase("| where ", .column(stage: "where", pipelinePrefix: "_")),
    CompletionCase(
      "| where x > 1 | top 3 by ", .column(stage: "top", pipelinePrefix: "| where x > 1")),
    CompletionCase("_ | top 5 ", .keyword(["by"])),
    CompletionCase("_ | top 5 by ", .column(stage: "top", pipelinePrefix: "_")),
    CompletionCase("_ | pivot model ", .keyword(["values"])),
    CompletionCase("_ | bucket ", .keyword(["hour", "day", "week", "month"])),
    CompletionCase("_ | join ", .frameName),
    CompletionCase("_ | join costs ", .keyword(["on"])),
    CompletionCase("_ | join costs on ", .column(stage: "join", pipelinePrefix: "_")),
    CompletionCase("_ | chart ", .chartKind),
    CompletionCase("_ | chart b", .chartKind, "b"),
    CompletionCase("_ | chart bar ", .chartOptionKey),
    CompletionCase(
      "_ | chart bar y=input_tokens,ou", .column(stage: "chart", pipelinePrefix: "_"), "ou"),
    CompletionCase("_ | export ", .path),
    CompletionCase("_ | export out.csv format=", .keyword(["csv", "json", "ndjson", "md"])),
    CompletionCase("from ", .frameName),
    CompletionCase("from da", .frameName, "da"),
    CompletionCase("read pa", .path, "pa"),
    CompletionCase("run ", .path),
    CompletionCase("set ", .setting),
    CompletionCase("set co", .setting, "co"),
    CompletionCase("set color=", .settingValue(name: "color")),
    CompletionCase("set color=al", .settingValue(name: "color"), "al"),
    CompletionCase("help ch", .helpTopic, "ch"),
    CompletionCase("fields ", .endpoint),
    CompletionCase("fields completions ", .field(endpoint: "completions")),
    CompletionCase("describe ", .frameName),
    CompletionCase("cache ", .keyword(["info", "clear"])),
  ]

  @Test("expected kinds", arguments: cases)
  func expected(_ example: CompletionCase) {
    let request = Completion.request(line: example.line, cursor: example.line.utf8.count)
    #expect(request.expected == example.expected)
    #expect(request.partial == example.partial)
  }

  @Test("the cursor may sit in the middle of the line")
  func middle() {
    let line = "load completions | su | top 5"
    let request = Completion.request(line: line, cursor: 21)
    #expect(request.expected == .stage)
    #expect(request.partial == "su")
    #expect(request.partialSpan == Span(start: 19, end: 21))
  }

  @Test("a cursor inside a multi-byte character moves back to its start")
  func multiByte() {
    let request = Completion.request(line: "from é", cursor: 6)
    #expect(request.partialSpan.end <= 7)
  }
}

@Suite("Completion: candidates the grammar knows")
struct GrammarCandidateTests {
  func candidates(_ line: String) -> [String] {
    Completion.request(line: line, cursor: line.utf8.count).grammarCandidates
  }

  @Test("stages, commands, chart kinds and keys, settings and keywords")
  func candidates() {
    #expect(candidates("_ | s") == ["select", "sum", "sort", "share"])
    #expect(candidates("_ | chart p") == ["pie"])
    #expect(candidates("_ | chart pie t") == ["title="])
    #expect(candidates("se") == ["set", "settings"])
    #expect(candidates("set c") == ["color=", "cache=", "concurrency=", "charset="])
    #expect(candidates("set color=") == ["auto", "always", "never"])
    #expect(candidates("_ | sort x ") == ["asc", "desc"])
    #expect(candidates("load comp") == ["completions"])
    #expect(candidates("_ | select ") == [])
  }
}
