import Foundation

/// Expands a `read` path: a file, a directory (its `.json`, `.ndjson`, `.csv` files in name
/// order) or a glob (`*`, `?` in any component), relative to the working folder.
struct FilePaths {
  let workingDirectory: String?

  func expand(_ path: String) throws -> [String] {
    let absolute =
      path.hasPrefix("/")
      ? path : (workingDirectory ?? FileManager.default.currentDirectoryPath) + "/" + path
    if !Self.hasWildcard(absolute) { return Self.filesOf(absolute) }
    var candidates = ["/"]
    for component in absolute.split(separator: "/").map(String.init) {
      var next: [String] = []
      for base in candidates {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        if Self.hasWildcard(component) {
          let entries = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
          for entry in entries.sorted()
          where Self.matches(Array(component.unicodeScalars), Array(entry.unicodeScalars)) {
            if entry.hasPrefix(".") && !component.hasPrefix(".") { continue }
            next.append(prefix + entry)
          }
        } else {
          next.append(prefix + component)
        }
      }
      candidates = next
    }
    return candidates.flatMap { candidate in
      Self.isDirectory(candidate)
        ? Self.filesOf(candidate)
        : (FileManager.default.fileExists(atPath: candidate) ? [candidate] : [])
    }
  }

  static func filesOf(_ path: String) -> [String] {
    guard isDirectory(path) else {
      return FileManager.default.fileExists(atPath: path) ? [path] : []
    }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return entries.filter { entry in
      FileReader.extensions.contains { entry.lowercased().hasSuffix("." + $0) }
        && !entry.hasPrefix(".")
    }.sorted().map { path + "/" + $0 }.filter { !isDirectory($0) }
  }

  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  static func hasWildcard(_ text: String) -> Bool { text.contains("*") || text.contains("?") }

  /// Glob match: `*` any run, `?` one scalar.
  static func matches(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
    var patternIndex = 0
    var textIndex = 0
    var star = -1
    var mark = 0
    while textIndex < text.count {
      if patternIndex < pattern.count
        && (pattern[patternIndex] == "?" || pattern[patternIndex] == text[textIndex])
      {
        patternIndex += 1
        textIndex += 1
      } else if patternIndex < pattern.count && pattern[patternIndex] == "*" {
        star = patternIndex
        mark = textIndex
        patternIndex += 1
      } else if star >= 0 {
        patternIndex = star + 1
        mark += 1
        textIndex = mark
      } else {
        return false
      }
    }
    while patternIndex < pattern.count && pattern[patternIndex] == "*" { patternIndex += 1 }
    return patternIndex == pattern.count
  }
}
