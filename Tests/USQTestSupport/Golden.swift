import Foundation
import Testing

/// Compares `actual` with the golden file `Golden/<suite>/<name>.txt` beside the test file.
///
/// The folder is found from `filePath` (pass `#filePath`). With `USQ_RECORD=1` in the
/// environment, or when the file is missing, the file is (re)written and the test fails,
/// so a recording never passes silently. A mismatch is reported as a line diff.
public func assertGolden(
  _ actual: String,
  suite: String,
  named name: String,
  filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden").appendingPathComponent(suite)
  let file = directory.appendingPathComponent(name + ".txt")
  let recording = ProcessInfo.processInfo.environment["USQ_RECORD"] == "1"
  guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try? actual.write(to: file, atomically: true, encoding: .utf8)
    Issue.record(
      "recorded golden file \(suite)/\(name).txt; run again to compare",
      sourceLocation: sourceLocation)
    return
  }
  guard expected != actual else { return }
  Issue.record(
    "golden \(suite)/\(name).txt differs:\n\(lineDiff(expected: expected, actual: actual))",
    sourceLocation: sourceLocation)
}

/// A minimal line diff: each differing line as `-expected` / `+actual`, with line numbers.
public func lineDiff(expected: String, actual: String) -> String {
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var out: [String] = []
  for line in 0..<max(old.count, new.count) {
    let left = line < old.count ? String(old[line]) : nil
    let right = line < new.count ? String(new[line]) : nil
    if left != right {
      if let left { out.append("\(line + 1) -\(left)") }
      if let right { out.append("\(line + 1) +\(right)") }
    }
  }
  return out.joined(separator: "\n")
}
