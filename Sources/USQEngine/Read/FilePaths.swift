/// Expands a `read` path: a file, a directory (its `.json`, `.ndjson`, `.csv` files in name
/// order) or a glob (`*`, `?` in any component), relative to the working folder.
/// The expansion is pure; the folder listings come from the `FileSource`.
struct FilePaths {
  let workingDirectory: String?
  let files: any FileSource

  func expand(_ path: String) -> [String] {
    let absolute =
      path.hasPrefix("/") ? path : (workingDirectory ?? files.currentDirectory) + "/" + path
    if !Self.hasWildcard(absolute) { return filesOf(absolute) }
    var candidates = ["/"]
    for component in absolute.split(separator: "/").map(String.init) {
      var next: [String] = []
      for base in candidates {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        if Self.hasWildcard(component) {
          let entries = files.entries(ofDirectory: base) ?? []
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
    return candidates.flatMap(filesOf)
  }

  /// The file itself, or a folder's data files (`.json`, `.ndjson`, `.jsonl`, `.csv`, not
  /// hidden, not folders) in name order; nothing when the path does not exist.
  func filesOf(_ path: String) -> [String] {
    guard let entries = files.entries(ofDirectory: path) else {
      return files.exists(path) ? [path] : []
    }
    return entries.filter { entry in
      FileReader.extensions.contains { entry.lowercased().hasSuffix("." + $0) }
        && !entry.hasPrefix(".")
    }.sorted().map { path + "/" + $0 }.filter { files.entries(ofDirectory: $0) == nil }
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
