import Foundation
import Testing
import USQTestSupport
@testable import USQShell

/// Every `Scripts/*.usq` runs on the demo organization with "now" fixed; its output (stdout
/// and stderr interleaved) and exit code must equal `Golden/Scripts/<name>.txt`.
@Suite struct ScriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Scripts")

  static var scripts: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".usq") }.map { String($0.dropLast(4)) }.sorted()
  }

  @Test("script output matches its golden file", arguments: ScriptTests.scripts)
  func script(_ name: String) async throws {
    let output = TextBuffer()
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("usq-script-\(name)-\(UUID())")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let session = TestSession.make(output: output, workingDirectory: scratch.path)
    let path = Self.folder.appendingPathComponent(name + ".usq").path
    let outcome = await session.runScript(path: path, parameters: [])
    let text = output.text.replacingOccurrences(of: Self.folder.path + "/", with: "")
    assertGolden(text + "exit: \(Launcher.exitCode(outcome))\n", suite: "Scripts", named: name)
  }

  @Test("the walking skeleton's two statements print these exact tables")
  func skeleton() async {
    let output = TextBuffer()
    let session = TestSession.make(output: output)
    #expect(await session.execute("load completions days=7 | sum num_model_requests by model", origin: .commandLine) == .ok)
    #expect(await session.execute(
      "load completions days=30 group=model,project_id | sum num_model_requests by project_id | top 5",
      origin: .commandLine) == .ok)
    assertGolden(output.text, suite: "Skeleton", named: "two-statements")
  }
}
