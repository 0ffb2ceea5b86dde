import Foundation
import Testing

@testable import USQShell

/// HTML reports recorded by a session: `startReport`/`finishReport` (what `--report` does),
/// `set report=PATH|off`, a failing statement, a missing folder.
@Suite struct ReportTests {
  /// A fresh temporary folder.
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("usq-report-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `script` (written to FILE.usq in `folder`) with a report into `report.html`.
  static func report(
    _ script: String, in folder: URL, parameters: [(String, String)] = []
  ) async throws -> (html: String, output: String, outcome: Session.Outcome) {
    let file = folder.appendingPathComponent("report-test.usq")
    try script.write(to: file, atomically: true, encoding: .utf8)
    let output = TextBuffer()
    let session = TestSession.make(output: output, workingDirectory: folder.path)
    #expect(await session.startReport(path: "report.html", title: "report-test.usq") == nil)
    let outcome = await session.runScript(path: file.path, parameters: parameters)
    #expect(await session.finishReport() == nil)
    let html = try String(
      contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
    return (html, output.text, outcome)
  }

  @Test("every statement that printed: its source line, table, chart, warnings, in order")
  func statements() async throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (html, _, outcome) = try await Self.report(
      """
      param days = 7
      # comments print nothing
      let spend = load costs days=$days group=project_id | sum amount by project_id
      load completions days=$days | derive all = input_tokens + input_cached_tokens | sum all
      load completions days=$days | chart line y=num_model_requests
      from spend | names | chart pie
      """, in: folder, parameters: [("days", "5")])
    #expect(outcome == .ok)
    #expect(html.contains("<tr><th>days</th><td><code>5</code></td></tr>"))
    let order = [
      "<span class=\"line\">3</span><code>let spend = load costs days=$days",
      "<pre class=\"output\">spend: ", "<span class=\"line\">4</span>", "<pre class=\"warning\">",
      "<span class=\"line\">5</span>", "<figure class=\"chart\">\n<svg",
      "bucket still in progress, drawn dotted", "<span class=\"line\">6</span>",
      "Support Assistant",
    ]
    var rest = Substring(html)
    for needle in order {
      let found = try #require(rest.range(of: needle), "'\(needle)' missing or out of order")
      rest = rest[found.upperBound...]
    }
    #expect(!html.contains("comments print nothing"))
    #expect(!html.contains("\u{1B}["))
  }

  @Test("a failed statement still writes the report, its error in place; the rest does not run")
  func failure() async throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (html, output, outcome) = try await Self.report(
      """
      load costs days=2 | count
      load costs days=2 | sum amout
      load costs days=3 | count
      """, in: folder)
    #expect(outcome == .failed(exitCode: 1))
    #expect(output.contains("error: unknown column 'amout'"))
    #expect(html.contains("<section class=\"statement failed\">"))
    #expect(html.contains("/report-test.usq:2:25: error: unknown column 'amout'"))
    #expect(html.contains("did you mean 'amount'?"))
    #expect(!html.contains("days=3"))
  }

  @Test("set report=PATH records what follows, rewritten after each statement; off stops")
  func setting() async throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = TextBuffer()
    let session = TestSession.make(output: output, workingDirectory: folder.path)
    let page = folder.appendingPathComponent("live.html")
    #expect(await session.execute("set report=live.html") == .ok)
    #expect(await session.execute("load costs days=2 | count") == .ok)
    let first = try String(contentsOf: page, encoding: .utf8)
    #expect(first.contains("<h1>usq session</h1>") && first.contains("load costs days=2 | count"))
    #expect(await session.settings.value(of: "report") == "live.html")
    #expect(await session.execute("set report=off") == .ok)
    #expect(await session.execute("load costs days=3 | count") == .ok)
    let last = try String(contentsOf: page, encoding: .utf8)
    #expect(!last.contains("days=3") && !last.contains("set report=off"))
    #expect(await session.settings.value(of: "report") == "off")
  }

  @Test("set report= into a folder that does not exist: an error at the path, nothing recorded")
  func missingFolder() async throws {
    let output = TextBuffer()
    let session = TestSession.make(output: output, workingDirectory: NSTemporaryDirectory())
    let outcome = await session.execute("set report=no-such-folder/x.html")
    #expect(outcome == .failed(exitCode: 1))
    #expect(output.text.contains("error: cannot write the report 'no-such-folder/x.html'"))
    #expect(output.text.contains(" --> <input>:1:12\n"))
    #expect(output.text.contains("  |            ^^^^^^^^^^^^^^^^^^^^^ no such folder"))
    #expect(await session.settings.value(of: "report") == "off")
  }

  @Test(
    "usq run --report into a missing folder exits 2 before anything runs",
    .enabled(if: FileManager.default.fileExists(atPath: EndToEndTests.binary)))
  func commandLine() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("s.usq")
    try "load costs days=1 | count\n".write(to: script, atomically: true, encoding: .utf8)
    let bad = try EndToEndTests.usq(["run", script.path, "--report", folder.path + "/nope/r.html"])
    #expect(bad.status == 2)
    #expect(bad.out == "")
    #expect(bad.err.contains("the folder '\(folder.path)/nope' does not exist"))
    let good = try EndToEndTests.usq(["run", script.path, "--report", folder.path + "/r.html"])
    #expect(good.status == 0)
    let html = try String(contentsOfFile: folder.path + "/r.html", encoding: .utf8)
    #expect(html.contains("<td class=\"num\">1</td>"))
  }
}
