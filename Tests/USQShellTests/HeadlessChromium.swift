import Foundation
import Testing

/// The system's headless Chromium (`Scripts/test` installs `chromium-headless-shell`), driven
/// from the command line: the DOM after scripts ran, and screenshots.
struct HeadlessChromium {
  let path: String

  /// The first of `chromium-headless-shell`, `chromium`, `chromium-browser` on the PATH (or
  /// `USQ_CHROMIUM`), nil when none is installed.
  static let installed: HeadlessChromium? = {
    let environment = ProcessInfo.processInfo.environment
    if let chosen = environment["USQ_CHROMIUM"],
      FileManager.default.isExecutableFile(atPath: chosen)
    {
      return HeadlessChromium(path: chosen)
    }
    let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") + ["/usr/bin"]
    for name in ["chromium-headless-shell", "chromium", "chromium-browser"] {
      for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)")
      {
        return HeadlessChromium(path: "\(folder)/\(name)")
      }
    }
    return nil
  }()

  /// Why the browser tests are skipped, for the test list.
  static let missingNote: Comment =
    "no headless Chromium installed: Scripts/test installs chromium-headless-shell"

  /// The serialized DOM of `file` after its scripts ran.
  func dumpDOM(_ file: URL, darkMode: Bool = false) throws -> String {
    try run(["--dump-dom"] + (darkMode ? ["--force-dark-mode"] : []), file: file)
  }

  /// A PNG of `file` rendered in a `width` × `height` window.
  func screenshot(_ file: URL, to png: URL, width: Int, height: Int, darkMode: Bool = false)
    throws
  {
    _ = try run(
      ["--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--hide-scrollbars"]
        + (darkMode ? ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"] : []),
      file: file)
  }

  /// The page printed to PDF (A4/Letter as the browser defaults, no header or footer).
  func printPDF(_ file: URL, to pdf: URL) throws {
    _ = try run(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer"], file: file)
  }

  /// Runs the browser on `file` and returns stdout; killed after 60 s.
  private func run(_ arguments: [String], file: URL) throws -> String {
    // A profile of its own: browsers of other test runs on the machine may be running.
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "usq-chromium-\(UUID())")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    // No sandbox: tests may run as root in a container, where Chromium's sandbox cannot start.
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--mute-audio",
        "--virtual-time-budget=3000", "--user-data-dir=\(profile.path)",
      ] + arguments + [file.absoluteString]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: deadline)
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    deadline.cancel()
    return String(decoding: data, as: UTF8.self)
  }
}
