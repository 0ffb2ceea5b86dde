import Foundation

/// Tab completion of file paths (after `read`, `export`, `run`): the language says where a path
/// is expected; this lists the file system.
public enum PathCompletion {
  /// Where the path before `cursor` starts (a UTF-8 offset): after the last blank or quote.
  public static func wordStart(line: String, cursor: Int) -> Int {
    let bytes = Array(line.utf8)
    var start = min(max(cursor, 0), bytes.count)
    while start > 0,
      ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\""), UInt8(ascii: "'")]
        .contains(bytes[start - 1])
    {
      start -= 1
    }
    return start
  }

  /// The paths that complete the partial path before `cursor`.
  public static func candidates(line: String, cursor: Int, workingDirectory: String? = nil)
    -> [String]
  {
    let bytes = Array(line.utf8)
    let end = min(max(cursor, 0), bytes.count)
    let partial = String(decoding: bytes[wordStart(line: line, cursor: end)..<end], as: UTF8.self)
    return candidates(
      partial: partial,
      workingDirectory: workingDirectory ?? FileManager.default.currentDirectoryPath,
      home: ProcessInfo.processInfo.environment["HOME"])
  }

  /// Entries of the partial path's folder whose names start with its last component, each as
  /// the whole path typed so far plus the rest of the name; folders end in `/`. Names starting
  /// with `.` appear only when the typed name does. `~/` means `home`. Sorted by name.
  public static func candidates(partial: String, workingDirectory: String, home: String?)
    -> [String]
  {
    let folderPart: String
    let namePart: String
    if let slash = partial.lastIndex(of: "/") {
      folderPart = String(partial[...slash])
      namePart = String(partial[partial.index(after: slash)...])
    } else {
      folderPart = ""
      namePart = partial
    }
    var folder = folderPart.isEmpty ? "." : folderPart
    if folder.hasPrefix("~/"), let home { folder = home + folder.dropFirst(1) }
    if !folder.hasPrefix("/") { folder = workingDirectory + "/" + folder }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return []
    }
    var results: [String] = []
    for name in names.sorted() where name.hasPrefix(namePart) {
      if name.hasPrefix(".") && !namePart.hasPrefix(".") { continue }
      var isDirectory: ObjCBool = false
      let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
      results.append(folderPart + name + (isDirectory.boolValue ? "/" : ""))
    }
    return results
  }
}
