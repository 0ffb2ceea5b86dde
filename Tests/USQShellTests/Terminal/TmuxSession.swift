import Foundation

/// Drives a program in a real terminal: a private tmux server (its own `-L` socket) running one
/// pane of a fixed size. Keys go in with `sendKeys`/`type`; the screen comes back with `capture`.
final class TmuxSession {
  let socket: String
  private let configPath: String
  private var killed = false

  /// Whether tmux is installed.
  static var isAvailable: Bool { which("tmux") != nil }

  /// Starts `command` (argv) in a new pane `width`×`height` with `environment` added to tmux's.
  init(
    _ command: [String], environment: [String: String] = [:], width: Int = 100, height: Int = 30,
    workingDirectory: String? = nil
  ) throws {
    socket = "usq-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    configPath = NSTemporaryDirectory() + socket + ".conf"
    // Keep the pane after the program exits, so its exit status can be read.
    try "set -g remain-on-exit on\nset -g history-limit 2000\n".write(
      toFile: configPath, atomically: true, encoding: .utf8)
    var arguments = [
      "-f", configPath, "new-session", "-d", "-x", String(width), "-y", String(height),
    ]
    if let workingDirectory { arguments += ["-c", workingDirectory] }
    for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
      arguments += ["-e", "\(name)=\(value)"]
    }
    arguments.append(command.map(TmuxSession.shellQuoted).joined(separator: " "))
    let (status, output) = tmux(arguments)
    guard status == 0 else { throw TmuxError(message: "tmux new-session failed: \(output)") }
  }

  deinit { kill() }

  /// Sends tmux key names (`Enter`, `Tab`, `C-c`, `Up`, `BSpace`, …).
  func sendKeys(_ keys: String...) {
    _ = tmux(["send-keys", "-t", "0"] + keys)
  }

  /// Resizes the pane's window to `width`×`height` (the program gets SIGWINCH).
  func resize(width: Int, height: Int) {
    _ = tmux(["resize-window", "-t", "0", "-x", String(width), "-y", String(height)])
  }

  /// Types text literally.
  func type(_ text: String) {
    _ = tmux(["send-keys", "-t", "0", "-l", text])
  }

  /// The visible screen, trailing blanks and blank lines removed.
  func capture() -> String {
    let (_, output) = tmux(["capture-pane", "-p", "-t", "0"])
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
      .map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    var trimmed = lines
    while let last = trimmed.last, last.isEmpty { trimmed.removeLast() }
    return trimmed.joined(separator: "\n")
  }

  /// A tmux format of the pane, e.g. `#{alternate_on}` (1 while the program shows its alternate
  /// screen).
  func format(_ format: String) -> String {
    let (_, output) = tmux(["display-message", "-p", "-t", "0", format])
    return output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The last non-blank line of the screen.
  func lastLine() -> String {
    capture().split(separator: "\n").last.map(String.init) ?? ""
  }

  /// Polls the screen every 50 ms (sleeping, not blocking a thread) until `condition` holds; returns whether it did in time.
  @discardableResult
  func waitUntil(timeout: Duration = .seconds(5), _ condition: (String) -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if condition(capture()) { return true }
      try? await Task.sleep(for: .milliseconds(50))
    }
    return condition(capture())
  }

  /// Waits until the screen contains `text`.
  @discardableResult
  func waitFor(_ text: String, timeout: Duration = .seconds(5)) async -> Bool {
    await waitUntil(timeout: timeout) { $0.contains(text) }
  }

  /// Types `statement`, presses Enter and waits for the next prompt below it (the prompt shown
  /// before the keys arrived does not count).
  @discardableResult
  func run(_ statement: String, timeout: Duration = .seconds(5)) async -> Bool {
    let before = capture().components(separatedBy: "usq> \(statement)\n").count
    type(statement)
    sendKeys("Enter")
    return await waitUntil(timeout: timeout) { screen in
      screen.components(separatedBy: "usq> \(statement)\n").count > before
        && (screen.split(separator: "\n").last.map(String.init) ?? "") == "usq>"
    }
  }

  /// Waits until the last line of the screen is exactly `line`.
  @discardableResult
  func waitForLastLine(_ line: String, timeout: Duration = .seconds(5)) async -> Bool {
    await waitUntil(timeout: timeout) { screen in
      (screen.split(separator: "\n").last.map(String.init) ?? "") == line
    }
  }

  /// Runs `command` under a bash that prints `[exit N]` when it ends, so `exitStatus` can read it
  /// (tmux 3.3 does not always report `pane_dead_status`). bash waits for a foreground child that
  /// survives Ctrl-C, so the wrapper does not change how the program sees signals.
  static func reportingExit(_ command: [String]) -> [String] {
    ["bash", "--norc", "--noprofile", "-c", "\"$@\"; echo \"[exit $?]\"", "wrapper"] + command
  }

  /// The exit status printed by a `reportingExit` wrapper, waiting up to `timeout`; nil if the
  /// program is still running.
  func exitStatus(timeout: Duration = .seconds(5)) async -> Int32? {
    var status: Int32?
    await waitUntil(timeout: timeout) { screen in
      guard let range = screen.range(of: "[exit ", options: .backwards) else { return false }
      let digits = screen[range.upperBound...].prefix { $0.isNumber }
      status = Int32(digits)
      return status != nil
    }
    return status
  }

  /// Stops the tmux server and everything in it.
  func kill() {
    guard !killed else { return }
    killed = true
    _ = tmux(["kill-server"])
    try? FileManager.default.removeItem(atPath: configPath)
  }

  @discardableResult
  private func tmux(_ arguments: [String]) -> (Int32, String) {
    TmuxSession.run(["tmux", "-L", socket] + arguments)
  }

  /// Runs a command through `/bin/sh` (posix_spawn + waitpid) and returns its status and output.
  /// Not Foundation's `Process` (it hung waiting for the tmux client) nor `system()` (it ignores
  /// SIGINT in the whole test process while the child runs); the output goes through a file
  /// because the tmux server started by `new-session` inherits the descriptors.
  static func run(_ argv: [String]) -> (Int32, String) {
    let outputPath = NSTemporaryDirectory() + "usq-tmux-\(UUID().uuidString).out"
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    let command =
      argv.map(shellQuoted).joined(separator: " ")
      + " </dev/null >" + shellQuoted(outputPath) + " 2>&1"
    let arguments = ["/bin/sh", "-c", command]
    let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
    var cArguments = arguments.map { strdup($0) } + [nil]
    var cEnvironment = environment.map { strdup($0) } + [nil]
    defer {
      cArguments.forEach { free($0) }
      cEnvironment.forEach { free($0) }
    }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/sh", nil, nil, &cArguments, &cEnvironment) == 0 else {
      return (-1, "posix_spawn failed")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    let exited = (status & 0x7F) == 0
    return (exited ? (status >> 8) & 0xFF : -1, text)
  }

  static func which(_ program: String) -> String? {
    let (status, output) = run(["which", program])
    let path = output.trimmingCharacters(in: .whitespacesAndNewlines)
    return status == 0 && !path.isEmpty ? path : nil
  }

  static func shellQuoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

struct TmuxError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// The built `usq` binary the terminal tests drive.
enum UsqBinary {
  /// `<package>/.build/debug/usq`.
  static let path: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/"
      && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
    {
      url.deleteLastPathComponent()
    }
    return url.appendingPathComponent(".build/debug/usq").path
  }()

  static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }

  /// Whether tmux and the binary are there.
  static var canDrive: Bool { exists && TmuxSession.isAvailable }
}

/// A program running in the background (e.g. `usq serve`), its output collected in a file.
final class BackgroundProcess {
  let pid: pid_t
  private let outputPath: String
  private var stopped = false

  init(_ argv: [String]) throws {
    outputPath = NSTemporaryDirectory() + "usq-background-\(UUID().uuidString).out"
    let command =
      "exec " + argv.map(TmuxSession.shellQuoted).joined(separator: " ")
      + " </dev/null >" + TmuxSession.shellQuoted(outputPath) + " 2>&1"
    let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
    let arguments: [String] = ["/bin/sh", "-c", command]
    var cArguments = arguments.map { strdup($0) } + [nil]
    var cEnvironment = environment.map { strdup($0) } + [nil]
    defer {
      cArguments.forEach { free($0) }
      cEnvironment.forEach { free($0) }
    }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/sh", nil, nil, &cArguments, &cEnvironment) == 0 else {
      throw TmuxError(message: "cannot start \(argv)")
    }
    self.pid = pid
  }

  deinit { stop() }

  var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

  /// The rest of the first output line starting with `prefix`, waiting up to `timeout`.
  func waitForLine(prefix: String, timeout: Duration = .seconds(10)) async -> String? {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      for line in output.split(separator: "\n") where line.hasPrefix(prefix) {
        return String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
      }
      try? await Task.sleep(for: .milliseconds(50))
    }
    return nil
  }

  /// Sends SIGTERM and reaps the process.
  func stop() {
    guard !stopped else { return }
    stopped = true
    kill(pid, SIGTERM)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    try? FileManager.default.removeItem(atPath: outputPath)
  }
}
