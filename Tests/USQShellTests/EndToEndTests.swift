import Foundation
import Testing

/// The built `usq` binary, run as a user would with stdin piped: stdout, stderr, exit code.
@Suite struct EndToEndTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let binary = root.appendingPathComponent(".build/debug/usq").path

  struct Run {
    var out: String
    var err: String
    var status: Int32
  }

  static func usq(_ arguments: [String], stdin: String = "", environment: [String: String] = [:])
    throws -> Run
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    var env = [
      "USQ_NOW": "2026-11-30T12:00:00Z", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(),
    ]
    env.merge(environment) { $1 }
    process.environment = env
    let input = Pipe()
    let output = Pipe()
    let error = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self),
      status: process.terminationStatus)
  }

  @Test(
    "-c prints the table and exits 0", .enabled(if: FileManager.default.fileExists(atPath: binary)))
  func statement() throws {
    let run = try Self.usq(["-c", "load completions days=7 | count"])
    #expect(run.status == 0)
    #expect(run.out == "╭───────╮\n│ count │\n├───────┤\n│     7 │\n╰───────╯\n")
    #expect(run.err == "")
  }

  @Test(
    "statements piped on stdin run in order; the first failure sets the exit code",
    .enabled(if: FileManager.default.fileExists(atPath: binary)))
  func piped() throws {
    let run = try Self.usq(
      [], stdin: "load costs days=2 | count\nload costs | sum amout\nload costs days=1 | count\n")
    #expect(run.status == 1)
    #expect(run.out.components(separatedBy: "│ count │").count == 3)
    #expect(run.err.contains("error: unknown column 'amout'"))
    #expect(run.err.contains("did you mean 'amount'?"))
  }

  @Test("a bad command line exits 2", .enabled(if: FileManager.default.fileExists(atPath: binary)))
  func badCommandLine() throws {
    #expect(try Self.usq(["--no-such-flag"]).status == 2)
    #expect(try Self.usq(["--format", "xml", "-c", "load costs"]).status == 2)
  }

  @Test(
    "an unreachable API exits 3 and never prints the key",
    .enabled(if: FileManager.default.fileExists(atPath: binary)))
  func unreachable() throws {
    let key = "sk-admin-e2eSECRETkeyMaterial0123456789"
    let run = try Self.usq(
      ["-c", "load completions days=2 | count", "--no-cache"],
      environment: ["OPENAI_ADMIN_KEY": key, "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"])
    #expect(run.status == 3)
    #expect(run.err.contains("cannot reach the API"))
    #expect(!run.out.contains("SECRET") && !run.err.contains("SECRET"))
  }

  @Test(
    "a script error prints FILE:LINE:COL and exits 1",
    .enabled(if: FileManager.default.fileExists(atPath: binary)))
  func script() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID()).usq")
    try "load costs days=1 | count\nload costs | top 3 by nothing\n".write(
      to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try Self.usq(["run", file.path])
    #expect(run.status == 1)
    #expect(run.err.hasPrefix(file.path + ":2:"))
  }
}
