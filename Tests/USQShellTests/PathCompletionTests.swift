import Foundation
import Testing

@testable import USQShell

@Suite struct PathCompletionTests {
  /// A folder with `data/`, `daily.usq`, `notes.txt` and `.hidden`.
  func makeFolder() throws -> String {
    let folder = NSTemporaryDirectory() + "usq-paths-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: folder + "/data", withIntermediateDirectories: true)
    for file in ["daily.usq", "notes.txt", ".hidden", "data/usage.csv"] {
      _ = FileManager.default.createFile(atPath: folder + "/" + file, contents: Data())
    }
    return folder
  }

  @Test("names in the working folder complete; folders end in /; hidden files only when asked")
  func workingFolder() throws {
    let folder = try makeFolder()
    #expect(
      PathCompletion.candidates(partial: "da", workingDirectory: folder, home: nil) == [
        "daily.usq", "data/",
      ])
    #expect(
      PathCompletion.candidates(partial: "", workingDirectory: folder, home: nil)
        == ["daily.usq", "data/", "notes.txt"])
    #expect(
      PathCompletion.candidates(partial: ".h", workingDirectory: folder, home: nil) == [".hidden"])
    #expect(PathCompletion.candidates(partial: "zz", workingDirectory: folder, home: nil) == [])
  }

  @Test("a path with folders keeps what was typed; ~/ means home; absolute paths work")
  func folders() throws {
    let folder = try makeFolder()
    #expect(
      PathCompletion.candidates(partial: "data/u", workingDirectory: folder, home: nil) == [
        "data/usage.csv"
      ])
    #expect(
      PathCompletion.candidates(partial: "./data/", workingDirectory: folder, home: nil) == [
        "./data/usage.csv"
      ])
    #expect(
      PathCompletion.candidates(partial: "~/no", workingDirectory: "/", home: folder) == [
        "~/notes.txt"
      ])
    #expect(
      PathCompletion.candidates(partial: folder + "/not", workingDirectory: "/", home: nil)
        == [folder + "/notes.txt"])
    #expect(
      PathCompletion.candidates(partial: "missing/x", workingDirectory: folder, home: nil) == [])
  }

  @Test("the path word runs back to the last blank or quote")
  func wordStart() {
    #expect(PathCompletion.wordStart(line: "read ./data/us", cursor: 14) == 5)
    #expect(PathCompletion.wordStart(line: "run \"dir/x", cursor: 10) == 5)
    #expect(PathCompletion.wordStart(line: "export a=b/c", cursor: 12) == 7)
  }

  @Test("a unique folder completes without a trailing space, a file with one")
  func insertion() throws {
    let folder = try makeFolder()
    let partial = "dat"
    let found = PathCompletion.candidates(partial: partial, workingDirectory: folder, home: nil)
    #expect(
      CompletionPlanner.plan(partial: partial, candidates: found, repeated: false)
        == .replace(deleteCharacters: 3, insert: "data/"))
    #expect(
      CompletionPlanner.plan(partial: "not", candidates: ["notes.txt"], repeated: false)
        == .replace(deleteCharacters: 3, insert: "notes.txt "))
  }
}
