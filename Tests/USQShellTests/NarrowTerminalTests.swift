import Foundation
import Testing
import USQBasics
import USQTestSupport

@testable import USQRender
@testable import USQShell

/// A narrow terminal (40, 60, 80 columns) shows what a person would: the columns the statement
/// named, keys readable, every header whole and distinct, what was hidden and how to see it, and
/// notes, help and error lists broken between words.
@Suite struct NarrowTerminalTests {
  static let widths = [40, 60, 80]

  static func run(_ statement: String, width: Int) async -> String {
    let output = TextBuffer()
    let session = TestSession.make(output: output, width: width)
    _ = await session.execute(statement, origin: .commandLine)
    return output.text
  }

  /// Each column's header, its wrapped lines joined, from the first table in `text`.
  static func headers(_ text: String) -> [String] {
    let lines = text.split(separator: "\n").map(String.init)
    guard let top = lines.firstIndex(where: { $0.hasPrefix("╭") }),
      let rule = lines.firstIndex(where: { $0.hasPrefix("├") })
    else { return [] }
    var headers: [String] = []
    for line in lines[(top + 1)..<rule] {
      let cells = line.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
      if headers.isEmpty { headers = Array(repeating: "", count: cells.count) }
      for (index, cell) in cells.enumerated() where index < headers.count { headers[index] += cell }
    }
    return headers
  }

  static func expectFitsAndWordsWhole(
    _ text: String, width: Int, words: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for line in text.split(separator: "\n") where !line.hasPrefix("1 |") {
      #expect(
        DisplayWidth.of(String(line)) <= width, "wider than \(width): \(line)",
        sourceLocation: sourceLocation)
    }
    let tokens = Set(
      text.split(whereSeparator: { " ,`|()\n".contains($0) }).map(String.init))
    for word in words {
      #expect(tokens.contains(word), "'\(word)' cut:\n\(text)", sourceLocation: sourceLocation)
    }
  }

  @Test(
    "the named columns stay, headers are whole and distinct, the rest is listed", arguments: widths)
  func namedColumnsStay(width: Int) async {
    let statement =
      "load completions days=3 group=model | where num_model_requests > 100 "
      + "| sum num_model_requests, input_tokens, input_cached_tokens, input_cache_write_tokens, "
      + "output_tokens by model"
    let text = await Self.run(statement, width: width)
    assertGolden(text, suite: "Narrow", named: "named-columns-\(width)")
    let headers = Self.headers(text)
    #expect(headers.first == "model", "\(text)")
    #expect(headers.contains("num_model_requests"), "\(text)")
    #expect(Set(headers).count == headers.count, "\(headers)")
    let all = [
      "model", "input_tokens", "input_cached_tokens", "input_cache_write_tokens", "output_tokens",
      "num_model_requests",
    ]
    for header in headers { #expect(all.contains(header), "cut header '\(header)':\n\(text)") }
    // A model name keeps at least eight characters.
    #expect(text.contains("gpt-4.1-"), "\(text)")
    let hidden = all.filter { !headers.contains($0) }
    if !hidden.isEmpty {
      #expect(text.contains("not shown for lack of room"), "\(text)")
      #expect(text.contains("(see") && text.contains("select"), "\(text)")
    }
    Self.expectFitsAndWordsWhole(text, width: width, words: hidden)
  }

  @Test("after names, the names stay in view", arguments: widths)
  func namesStay(width: Int) async {
    let statement =
      "load completions days=2 group=project_id,user_id | sum num_model_requests by project_id, "
      + "user_id | names | head 3"
    let text = await Self.run(statement, width: width)
    assertGolden(text, suite: "Narrow", named: "names-\(width)")
    let headers = Self.headers(text)
    #expect(headers.contains("project_name") && headers.contains("user_name"), "\(text)")
    // The ids repeat the names: they leave before the number.
    #expect(headers.contains("num_model_requests"), "\(text)")
    Self.expectFitsAndWordsWhole(text, width: width, words: [])
  }

  @Test("a chart's note wraps between words", arguments: widths)
  func chartNoteWraps(width: Int) async {
    let text = await Self.run(
      "load completions days=3 | chart line y=num_model_requests", width: width)
    Self.expectFitsAndWordsWhole(
      text, width: width,
      words: ["2026-11-30:", "bucket", "still", "in", "progress", "drawn", "dotted"])
  }

  @Test("help prose written for a wider screen is reflowed as a paragraph", arguments: [60, 80])
  func helpReflows(width: Int) async {
    let text = await Self.run("help load", width: width)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let details = lines.dropFirst(2).prefix { !$0.isEmpty }
    #expect(details.count > 2, "\(text)")
    for line in details {
      #expect(line.hasPrefix("  ") && !line.hasPrefix("   "), "not one paragraph:\n\(text)")
      #expect(DisplayWidth.of(line) <= width, "\(text)")
    }
    // Filled: every line but the last reaches near the width.
    for line in details.dropLast() { #expect(DisplayWidth.of(line) > width - 20, "\(text)") }
    #expect(text.contains("\nexamples:\n  load completions days=30 | sum input_tokens by model\n"))
  }

  @Test("help and the stage list of an error wrap between names", arguments: [40, 60, 120])
  func listsWrap(width: Int) async {
    let help = await Self.run("help", width: width)
    let stages = [
      "where", "select", "drop", "rename", "derive", "count", "agg", "sort", "bucket", "share",
      "other", "pivot", "join", "names", "distinct",
    ]
    Self.expectFitsAndWordsWhole(help, width: width, words: stages)
    let error = await Self.run("load completions | jion x", width: width)
    Self.expectFitsAndWordsWhole(error, width: max(width, 40), words: stages + ["chart", "export"])
    #expect(error.contains("= help: did you mean 'join'?"), "\(error)")
  }
}
