import Foundation
import Testing

@testable import USQShell

@Suite(.serialized) struct LineEditorHistoryTests {
  func temporaryHistoryPath() -> String {
    NSTemporaryDirectory() + "usq-history-test-\(UUID().uuidString)/state/usq/history"
  }

  @Test(
    "history is saved under new folders, reloaded by the next editor, and never holds key material")
  func historyRoundTrip() throws {
    let path = temporaryHistoryPath()
    do {
      let editor = try LineEditor(options: .init(historyPath: path))
      editor.remember("load completions days=7 |\n  top 5")
      editor.remember("set key=sk-proj-abcdefghijklmnopqrstuvwxyz")
      editor.remember("OPENAI_ADMIN_KEY=abc")
      editor.remember("frames")
      editor.remember("frames")
      #expect(editor.historyEntries() == ["load completions days=7 | top 5", "frames"])
      editor.close()
      #expect(editor.historyError == nil)
    }
    let saved = try String(contentsOfFile: path, encoding: .utf8)
    #expect(saved == "_HiStOrY_V2_\nload\\040completions\\040days=7\\040|\\040top\\0405\nframes\n")
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let reopened = try LineEditor(options: .init(historyPath: path))
    #expect(reopened.historyEntries() == ["load completions days=7 | top 5", "frames"])
    #expect(FileManager.default.fileExists(atPath: path + ".\(getpid()).tmp") == false)
  }

  @Test("the configured key never reaches history, whatever its shape (issue 16)")
  func configuredKey() throws {
    let path = temporaryHistoryPath()
    var options = LineEditor.Options(historyPath: path)
    options.secrets = ["sk-admin-test"]
    let editor = try LineEditor(options: options)
    for line in [
      "sk-admin-test", "OPENAI_ADMIN_KEY=sk-admin-test", "load costs key=sk-admin-test",
      "set x=\"sk-admin-test\"", "frames",
    ] {
      editor.remember(line)
    }
    #expect(editor.historyEntries() == ["frames"])
    editor.close()
    let saved = try String(contentsOfFile: path, encoding: .utf8)
    #expect(!saved.contains("sk-admin-test"))
    #expect(KeyMaterial.contains("risk-admin-test") == false)
    #expect(KeyMaterial.contains("risk-admin-test", secrets: ["admin-test"]))
  }

  @Test("a missing history file is not an error, and no path keeps history in memory only")
  func missingFile() throws {
    let editor = try LineEditor(options: .init(historyPath: temporaryHistoryPath()))
    #expect(editor.historyEntries() == [])
    #expect(editor.historyError == nil)
    let memoryOnly = try LineEditor(options: .init(historyPath: nil))
    memoryOnly.remember("frames")
    #expect(memoryOnly.historyEntries() == ["frames"])
    #expect(memoryOnly.saveHistory())
  }
}
