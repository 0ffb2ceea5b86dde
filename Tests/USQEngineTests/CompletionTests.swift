import Testing
import USQFrame
import USQLanguage

@testable import USQEngine

@Suite struct CompletionTests {
  let provider = CompletionProvider(
    environment: Fixtures.environment(
      frames: ["daily": Frames.completions, "projects": Frames.projects], last: Frames.completions))

  func complete(_ line: String) -> [String] {
    provider.complete(line: line, cursor: line.utf8.count).candidates
  }

  @Test("statement starts, stages and endpoints")
  func words() {
    #expect(complete("lo") == ["load"])
    #expect(complete("load comp") == ["completions"])
    #expect(complete("load completions | so") == ["sort"])
    #expect(complete("load completions | ") == StageSyntaxVerbs.all)
  }

  @Test("option keys and group keys valid for the endpoint")
  func options() {
    #expect(complete("load costs gr") == ["group="])
    #expect(complete("load costs group=") == ["project_id", "line_item", "api_key_id"])
    #expect(complete("load images group=s") == ["size", "source"])
    #expect(complete("load costs bucket=") == ["1d"])
  }

  @Test("columns of the frame flowing into the stage")
  func columns() {
    #expect(complete("load completions | sum input_tokens by model | sort i") == ["input_tokens"])
    #expect(
      complete("load completions | sum input_tokens by model | where ") == [
        "model", "input_tokens",
      ])
    #expect(complete("load completions | sum out") == ["output_tokens"])
  }

  @Test("values of a low-cardinality string column after where C =")
  func values() {
    #expect(complete("from daily | where model = ") == ["gpt-4o", "gpt-4o-mini", "o1"])
    #expect(complete("from daily | where model = gpt-4o-") == ["gpt-4o-mini"])
  }

  @Test("stored frames, settings, chart options, help topics")
  func others() {
    #expect(complete("from ") == ["daily", "projects"])
    #expect(complete("set ti") == ["timer="])
    #expect(complete("set timer=") == ["on", "off"])
    #expect(
      complete("load completions | chart ") == ["bar", "stack", "line", "pie", "spark", "heat"])
    #expect(complete("help tim") == ["timer"])
    #expect(complete("fields costs am") == ["amount"])
  }
}

enum StageSyntaxVerbs {
  static let all = [
    "where", "select", "drop", "rename", "derive", "sum", "avg", "min", "max", "count", "agg",
    "sort", "top", "head", "tail", "bucket", "fill", "share", "other", "pivot", "join", "names",
    "price",
    "distinct", "compare", "forecast", "assert", "chart", "export",
  ]
}

@Suite struct CompletionEdgeTests {
  let provider = CompletionProvider(
    environment: Fixtures.environment(
      frames: ["daily": Frames.completions], last: Frames.completions, prefixes: true))

  func complete(_ line: String) -> [String] {
    provider.complete(line: line, cursor: line.utf8.count).candidates
  }

  @Test("lists, keys after by, continuation, prefixes at the prompt")
  func edges() {
    #expect(complete("load completions group=model,pro") == ["project_id"])
    #expect(complete("load comp gr") == ["group="])
    #expect(complete("load completions | sum input_tokens by mo") == ["model"])
    #expect(complete("| where model in (gpt-4o, o") == ["o1"])
    #expect(complete("_ | sort ") == Frames.completions.names)
    #expect(
      complete("load completions | sum input_tokens by model | chart bar x=") == [
        "model", "input_tokens",
      ])
    #expect(complete("let x = load completions | select mod") == ["model"])
    #expect(complete("explain load completions | select mod") == ["model"])
  }

  @Test("the replaced span is the partial word")
  func span() {
    let line = "load completions | sort inp"
    let result = provider.complete(line: line, cursor: line.utf8.count)
    #expect(result.replacing == Span(start: 24, end: 27))
    #expect(result.candidates == ["input_tokens", "input_cached_tokens"])
  }
}

extension CompletionTests {
  @Test("compare, forecast, assert and watch complete their words, options and columns")
  func periods() {
    #expect(complete("load completions | com") == ["compare"])
    #expect(complete("load completions | compare ") == ["prev"])
    #expect(complete("load completions | fore") == ["forecast"])
    #expect(complete("load completions | forecast ") == ["to=", "y="])
    #expect(complete("load completions | forecast to=") == ["month"])
    #expect(
      complete("load completions | sum input_tokens by start_time | forecast y=") == [
        "start_time", "input_tokens",
      ])
    #expect(complete("load completions | as") == ["assert"])
    #expect(complete("load completions | sum input_tokens | assert inp") == ["input_tokens"])
    #expect(
      complete("load completions | sum input_tokens | assert input_tokens > 5 ") == ["message="])
    #expect(complete("wat") == ["watch"])
    #expect(complete("watch lo") == ["load"])
    #expect(complete("watch every=30s load comp") == ["completions"])
    #expect(complete("watch every=30s load completions | sum input_tokens by mo") == ["model"])
  }
}
