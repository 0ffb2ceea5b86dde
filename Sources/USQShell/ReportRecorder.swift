import Foundation
import Synchronization
import USQRender

/// Collects what each statement printed while a report is on (`--report`, `set report=PATH`),
/// and writes the HTML page.
///
/// The session's console tees into it: plain output becomes a text block, diagnostics a warning
/// or error block. Tables and charts are recorded in their HTML form by `Session.emit`, which
/// prints their terminal text past the tee.
final class ReportRecorder: Sendable {
  /// Where the page goes (absolute, or relative to the working folder as given).
  let path: String
  private let state: Mutex<HTMLReport>
  private let clock = ContinuousClock()
  private let startedAt: ContinuousClock.Instant

  init(path: String, title: String, parameters: [(name: String, value: String)], started: Int64) {
    self.path = path
    state = Mutex(HTMLReport(title: title, parameters: parameters, started: started))
    startedAt = clock.now
  }

  /// The parameters in effect (a script's, known once it is parsed).
  func setParameters(_ parameters: [(name: String, value: String)]) {
    state.withLock { $0.parameters = parameters }
  }

  /// Starts the entry of a statement; what is printed from now on belongs to it.
  func begin(line: Int?, source: String) {
    state.withLock { $0.entries.append(HTMLReport.Entry(line: line, source: source)) }
  }

  /// Adds a block to the current statement.
  func add(_ block: HTMLReport.Block) {
    state.withLock { report in
      if report.entries.isEmpty { report.entries.append(HTMLReport.Entry(line: nil, source: "")) }
      let last = report.entries.count - 1
      // Consecutive text (a help page written in parts) stays one block.
      if case .text(let new) = block, case .text(let old)? = report.entries[last].blocks.last {
        report.entries[last].blocks[report.entries[last].blocks.count - 1] = .text(old + new)
      } else {
        report.entries[last].blocks.append(block)
      }
    }
  }

  /// Standard output text (escapes removed).
  func output(_ text: String) {
    let plain = ANSIText.strip(text)
    guard !plain.isEmpty else { return }
    add(.text(plain))
  }

  /// Standard error text: an error when it holds one, else a warning; timer lines are not kept.
  func diagnostic(_ text: String) {
    let plain = ANSIText.strip(text)
    guard !plain.isEmpty, !plain.hasPrefix("time: ") else { return }
    let isError = plain.split(separator: "\n").contains {
      $0.hasPrefix("error") || $0.contains(": error: ") || $0.hasPrefix("assertion failed")
    }
    add(isError ? .error(plain) : .warning(plain))
  }

  /// Writes the page (atomically) as it stands, with the time taken so far.
  func write(zone: RenderTimeZone) throws {
    let elapsed = clock.now - startedAt
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let html = state.withLock { report in
      report.seconds = seconds
      return report.render(zone: zone)
    }
    try html.write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// The folder `path` would be written in, when it does not exist (nil when it does).
  static func missingFolder(of path: String) -> String? {
    let folder = (path as NSString).deletingLastPathComponent
    guard !folder.isEmpty else { return nil }
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
    return exists && isDirectory.boolValue ? nil : folder
  }
}
