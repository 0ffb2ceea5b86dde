import Foundation
import Testing

/// The built binary on the command lines of issue 16: long chains survive (exit 1, never 139),
/// global options before a subcommand, `--version`, exit 2 for a missing script or an unknown
/// parameter, a busy port said in words, IANA zones.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: EndToEndTests.binary)))
struct CommandLineTests {
  /// Runs the binary with stdout and stderr going to files (a 400 kB diagnostic would fill a
  /// pipe nobody reads yet).
  static func usq(_ arguments: [String], stdinFile: String? = nil) throws -> EndToEndTests.Run {
    let folder = NSTemporaryDirectory() + "usq-cli-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let outPath = folder + "/out"
    let errPath = folder + "/err"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: EndToEndTests.binary)
    process.arguments = arguments
    process.environment = [
      "USQ_NOW": "2026-11-30T12:00:00Z", "PATH": "/usr/bin:/bin", "HOME": folder,
    ]
    process.standardInput =
      try stdinFile.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) }
      ?? FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    try process.run()
    process.waitUntilExit()
    return EndToEndTests.Run(
      out: try String(contentsOfFile: outPath, encoding: .utf8),
      err: try String(contentsOfFile: errPath, encoding: .utf8), status: process.terminationStatus)
  }

  /// `usq serve --port 0 ARGUMENTS…` running, and the port from its first line (`PORT=n`).
  static func serve(_ arguments: [String]) throws -> (Process, Int) {
    let server = Process()
    server.executableURL = URL(fileURLWithPath: EndToEndTests.binary)
    server.arguments = ["serve", "--port", "0"] + arguments
    server.environment = ["USQ_NOW": "2026-11-30T12:00:00Z"]
    let output = Pipe()
    server.standardOutput = output
    try server.run()
    let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
    guard let port = line.split(separator: "=").last.flatMap({ Int($0.prefix { $0.isNumber }) })
    else {
      server.terminate()
      throw CocoaError(.fileReadCorruptFile)
    }
    return (server, port)
  }

  static func file(_ name: String, _ contents: String) throws -> String {
    let path = NSTemporaryDirectory() + "usq-cli-\(UUID().uuidString)-" + name
    try contents.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test("100,000-term chains through stdin, run, run at the prompt and explain: exit 1, an error")
  func longChains() throws {
    let sum = Array(repeating: "1", count: 100_000).joined(separator: " + ")
    let clauses = (0..<15_000).map { "model = m\($0)" }.joined(separator: " or ")
    for statement in [
      "load completions days=3 | derive x = \(sum) | count",
      "load completions days=3 | where \(clauses) | count",
      "explain load completions | derive x = \(sum)",
    ] {
      let script = try Self.file("chain.usq", statement + "\n")
      for arguments in [["--demo"], ["--demo", "run", script], ["--demo", script]] {
        let run = try Self.usq(arguments, stdinFile: arguments.count == 1 ? script : nil)
        #expect(run.status == 1, "\(arguments.count) arguments: \(run.err.suffix(300))")
        #expect(run.err.contains("error: expression more than 1000 operators deep"))
      }
      let prompt = try Self.file("prompt.usq", "run \(script)\n")
      let nested = try Self.usq(["--demo"], stdinFile: prompt)
      #expect(nested.status == 1)
      #expect(nested.err.contains("expression more than 1000 operators deep"))
    }
  }

  @Test("-c with a 30,000-term chain (an argument holds at most 128 kB): exit 1, an error")
  func longChainArgument() throws {
    let sum = Array(repeating: "1", count: 30_000).joined(separator: " + ")
    let run = try Self.usq(["--demo", "-c", "load completions days=3 | derive x = \(sum)"])
    #expect(run.status == 1)
    #expect(run.err.hasPrefix("error: expression more than 1000 operators deep\n"))
    // The 120 kB line is echoed as a window around the error, not whole.
    #expect(run.err.utf8.count < 1_000, "\(run.err.utf8.count) bytes")
  }

  @Test("global options may come before run; --version; exit 2 for a missing script or parameter")
  func commandLine() throws {
    let script = try Self.file("days.usq", "param d = 2\nload completions days=$d | count\n")
    let run = try Self.usq(["--demo", "--tz", "UTC", "run", script, "d=3"])
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out.contains("│     3 │"))
    let version = try Self.usq(["--version"])
    #expect(version.out == "usq 0.1.0\n")
    #expect(version.status == 0)
    let missing = try Self.usq(["--demo", "run", "/nonexistent/x.usq"])
    #expect(missing.status == 2)
    #expect(missing.err == "error: cannot read script '/nonexistent/x.usq': no such file\n")
    let unknown = try Self.usq(["--demo", "run", script, "x=1"])
    #expect(unknown.status == 2)
    #expect(unknown.err.contains("the script declares no parameter 'x'"))
    let atPrompt = try Self.usq(
      ["--demo"], stdinFile: try Self.file("p.usq", "run /nonexistent/x.usq\n"))
    #expect(atPrompt.status == 1)
  }

  @Test("an IANA zone: bucket day follows Berlin's midnights, 25 hours on the day clocks go back")
  func ianaZone() throws {
    let run = try Self.usq([
      "--demo", "--tz", "Europe/Berlin", "--format", "csv", "-c",
      "load completions since=2026-10-24T22:00Z until=2026-10-26T23:00Z bucket=1h | bucket day | derive hours = (end_time - start_time) / 3600 | select start_time, hours",
    ])
    #expect(run.status == 0, "\(run.err)")
    #expect(
      run.out
        == "start_time,hours\r\n2026-10-24T22:00:00Z,25.0\r\n2026-10-25T23:00:00Z,24.0\r\n")
    let table = try Self.usq([
      "--demo", "--tz", "America/New_York", "-c",
      "load completions since=2026-11-01T03:00Z until=2026-11-01T07:00Z bucket=1h | select start_time | head 4",
    ])
    #expect(table.out.contains("2026-10-31 23:00"))
    #expect(table.out.contains("2026-11-01 01:00"))
    #expect(
      table.out.contains("2026-11-01 01:00")
        && table.out.components(separatedBy: "01:00").count == 3)
    let bad = try Self.usq(["--demo", "--tz", "Mars/Olympus", "-c", "load costs | count"])
    #expect(bad.status == 2)
    #expect(bad.err.contains("an IANA zone such as Europe/Berlin"))
  }

  @Test("export into a missing folder: the caret under the path, a plain reason, what to do")
  func exportMissingFolder() throws {
    let run = try Self.usq(["--demo", "-c", "load costs days=1 | export nodir-16/x.csv"])
    #expect(run.status == 1)
    #expect(
      run.err == """
        error: cannot write 'nodir-16/x.csv': no folder 'nodir-16'
         --> <input>:1:28
          |
        1 | load costs days=1 | export nodir-16/x.csv
          |                            ^^^^^^^^^^^^^^ no folder 'nodir-16'
          = help: create it first (mkdir -p nodir-16), or export elsewhere

        """)
  }

  @Test("serve on a busy port says so in words")
  func servePortInUse() async throws {
    let (first, port) = try Self.serve([])
    defer { first.terminate() }
    let second = try Self.usq(["serve", "--port", "\(port)"])
    #expect(second.status != 0)
    #expect(
      second.err
        == "usq serve: port \(port) is already in use on 127.0.0.1: pick another with --port N, or --port 0 for a free one\n"
    )
  }

  @Test("group keys go over the wire in the order written (usq serve's request log)")
  func groupOrderOnTheWire() throws {
    let folder = NSTemporaryDirectory() + "usq-cli-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let (server, port) = try Self.serve(["--key", "sk-admin-test", "--log", folder + "/log"])
    defer { server.terminate() }
    let client = Process()
    client.executableURL = URL(fileURLWithPath: EndToEndTests.binary)
    client.arguments = [
      "--no-cache", "-c", "load completions days=1 group=model,project_id | count",
    ]
    client.environment = [
      "USQ_NOW": "2026-11-30T12:00:00Z", "HOME": folder,
      "OPENAI_BASE_URL": "http://127.0.0.1:\(port)/v1", "OPENAI_ADMIN_KEY": "sk-admin-test",
    ]
    client.standardOutput = FileHandle.nullDevice
    try client.run()
    client.waitUntilExit()
    #expect(client.terminationStatus == 0)
    let log = try String(contentsOfFile: folder + "/log", encoding: .utf8)
    #expect(log.contains("group_by=model&group_by=project_id"), "\(log)")
    #expect(!log.contains("group_by=project_id&group_by=model"))
  }

  @Test("read: an empty CSV and an .svg are errors (exit 1); leading zeros stay text")
  func readChecks() throws {
    let empty = try Self.file("empty.csv", "")
    let svg = try Self.file("chart.svg", "<svg></svg>")
    let zips = try Self.file("zips.csv", "zip,n\n08123,1\n10001,2\n")
    let emptyRun = try Self.usq(["--demo", "-c", "read \(empty)"])
    #expect(emptyRun.status == 1)
    #expect(emptyRun.err.contains("the file is empty (a CSV file starts with a header row)"))
    let svgRun = try Self.usq(["--demo", "-c", "read \(svg)"])
    #expect(svgRun.status == 1)
    #expect(svgRun.err.contains("'.svg' is not a format usq reads"))
    let zipRun = try Self.usq(["--demo", "--format", "csv", "-c", "read \(zips)"])
    #expect(zipRun.out == "zip,n\r\n08123,1\r\n10001,2\r\n")
  }

}
