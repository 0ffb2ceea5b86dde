import USQBasics

/// What Tab completion asks of the language side.
///
/// `cursor` is a UTF-8 byte offset into `line`. The candidates are whole words that replace the
/// partial word before the cursor (the text from `wordStart(line:cursor:)` to the cursor); they
/// need not start with it. Return them in the order they should be listed.
public protocol CompletionSource {
  func complete(line: String, cursor: Int) -> [String]
  /// Where the partial word before `cursor` starts (a UTF-8 offset); the default is
  /// `CompletionWord.start(in:cursor:)`.
  func wordStart(line: String, cursor: Int) -> Int
}

extension CompletionSource {
  public func wordStart(line: String, cursor: Int) -> Int {
    CompletionWord.start(in: line, cursor: cursor)
  }
}

/// A completion source with nothing to offer.
public struct NoCompletion: CompletionSource {
  public init() {}
  public func complete(line: String, cursor: Int) -> [String] { [] }
}

/// The default notion of "the word being typed".
public enum CompletionWord {
  /// Bytes that end a partial word: blanks, `|`, `=`, `,`, brackets, quotes and comparison
  /// operators. Not `-`, `.`, `/`, `:`, `~` or `_`, which occur in model names and paths.
  static let separators: Set<UInt8> = Set(" \t|=,()[]\"'<>!+*%".utf8)

  /// The UTF-8 offset where the partial word ending at `cursor` begins.
  public static func start(in line: String, cursor: Int) -> Int {
    let bytes = Array(line.utf8)
    var start = min(max(cursor, 0), bytes.count)
    while start > 0, !separators.contains(bytes[start - 1]) { start -= 1 }
    return start
  }
}

/// What one press of Tab does to the line; computed without a terminal.
public enum CompletionAction: Equatable, Sendable {
  /// Nothing to complete: beep.
  case none
  /// Replace the partial word (`deleteCharacters` characters before the cursor) with `insert`.
  case replace(deleteCharacters: Int, insert: String)
  /// Show the candidates below the line and redraw it.
  case list([String])
}

/// The Tab rules: one candidate inserts its rest and a space (no space after a word ending in
/// `=` or `/`); several insert their common prefix; a Tab that cannot add anything lists them
/// when pressed again at the same place.
public enum CompletionPlanner {
  /// - Parameters:
  ///   - partial: the word before the cursor that the candidates replace.
  ///   - candidates: the source's answer.
  ///   - repeated: whether the previous Tab left the line exactly as it is now.
  public static func plan(partial: String, candidates: [String], repeated: Bool) -> CompletionAction
  {
    var unique: [String] = []
    for candidate in candidates where !candidate.isEmpty && !unique.contains(candidate) {
      unique.append(candidate)
    }
    guard let first = unique.first else { return .none }
    let deleteCount = partial.unicodeScalars.count
    if unique.count == 1 {
      let suffix = first.hasSuffix("=") || first.hasSuffix("/") ? "" : " "
      return .replace(deleteCharacters: deleteCount, insert: first + suffix)
    }
    let prefix = commonPrefix(unique)
    if prefix.count > partial.count
      || (prefix.count == partial.count && prefix != partial && !prefix.isEmpty)
    {
      return .replace(deleteCharacters: deleteCount, insert: prefix)
    }
    return repeated ? .list(unique) : .none
  }

  /// The longest common prefix of `words`, by characters.
  public static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first.map(Array.init) else { return "" }
    for word in words.dropFirst() {
      var count = 0
      for (a, b) in zip(prefix, word) {
        if a != b { break }
        count += 1
      }
      prefix = Array(prefix.prefix(count))
      if prefix.isEmpty { break }
    }
    return String(prefix)
  }
}

/// Lays candidates out in columns, like `ls`: filled top to bottom, then left to right.
public enum CompletionListing {
  /// The listing as lines (without line breaks), for a terminal `width` columns wide. With
  /// `maxLines`, a longer listing keeps the candidates that fit in `maxLines - 1` lines and ends
  /// with `… N more`.
  public static func lines(_ candidates: [String], width: Int, maxLines: Int? = nil) -> [String] {
    guard !candidates.isEmpty else { return [] }
    if let maxLines, maxLines >= 2 {
      let all = lines(candidates, width: width)
      guard all.count > maxLines else { return all }
      let cellWidth = (candidates.map(displayWidth).max() ?? 0) + 2
      let columns = max(1, min(candidates.count, (max(width, 1) + 2) / cellWidth))
      let shown = min(candidates.count, columns * (maxLines - 1))
      return lines(Array(candidates.prefix(shown)), width: width) + [
        "… \(candidates.count - shown) more"
      ]
    }
    let widths = candidates.map(displayWidth)
    let cellWidth = (widths.max() ?? 0) + 2
    let columns = max(1, min(candidates.count, (max(width, 1) + 2) / cellWidth))
    let rows = (candidates.count + columns - 1) / columns
    var lines: [String] = []
    for row in 0..<rows {
      var line = ""
      for column in 0..<columns {
        let index = column * rows + row
        guard index < candidates.count else { break }
        let isLast = column == columns - 1 || (column + 1) * rows + row >= candidates.count
        line += candidates[index]
        if !isLast { line += String(repeating: " ", count: cellWidth - widths[index]) }
      }
      lines.append(line)
    }
    return lines
  }

  /// Terminal cells a word takes (the one rule of `DisplayWidth`).
  static func displayWidth(_ text: String) -> Int { DisplayWidth.of(text) }
}
