import Foundation
import Testing
import USQTestSupport

@testable import USQShell

/// Every `Scripts/*.usq` runs on the demo organization with "now" fixed; its output (stdout
/// and stderr interleaved) and exit code must equal `Golden/Scripts/<name>.txt`.
@Suite struct ScriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Scripts")

  /// The repository's `examples/`, also run as tests (their goldens are `example-<name>`).
  static let examples = folder.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("examples")

  static var scripts: [String] {
    func names(_ directory: URL, prefix: String) -> [String] {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      return files.filter { $0.hasSuffix(".usq") }.map { prefix + String($0.dropLast(4)) }
    }
    return (names(folder, prefix: "") + names(examples, prefix: "example-")).sorted()
  }

  @Test("script output matches its golden file", arguments: ScriptTests.scripts)
  func script(_ name: String) async throws {
    let output = TextBuffer()
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "usq-script-\(name)-\(UUID())")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let session = TestSession.make(output: output, workingDirectory: scratch.path)
    let isExample = name.hasPrefix("example-")
    let directory = isExample ? Self.examples : Self.folder
    let file = isExample ? String(name.dropFirst("example-".count)) : name
    let path = directory.appendingPathComponent(file + ".usq").path
    let outcome = await session.runScript(path: path, parameters: [])
    let text = output.text.replacingOccurrences(of: directory.path + "/", with: "")
    assertGolden(text + "exit: \(Launcher.exitCode(outcome))\n", suite: "Scripts", named: name)
  }

  @Test("the walking skeleton's two statements print these exact tables")
  func skeleton() async {
    let output = TextBuffer()
    let session = TestSession.make(output: output)
    #expect(
      await session.execute(
        "load completions days=7 | sum num_model_requests by model", origin: .commandLine) == .ok)
    #expect(
      await session.execute(
        "load completions days=30 group=model,project_id | sum num_model_requests by project_id | top 5",
        origin: .commandLine) == .ok)
    assertGolden(output.text, suite: "Skeleton", named: "two-statements")
  }
}
