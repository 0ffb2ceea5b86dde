import USQBasics

/// Help and `fields` text fitted to the terminal: lines broken between words (lists of stages,
/// columns and keys included), so the terminal never breaks a word.
///
/// Prose written for a wider screen is reflowed as a paragraph; a laid-out line (`label:  text`,
/// the columns of an endpoint list) continues under its last column; an example stays one
/// statement, its continuation indented.
enum TextWrapping {
  /// `text` fitted to `width` columns, ending in a line break.
  static func wrapped(_ text: String, to width: Int) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    var out: [String] = []
    var inExamples = false
    var index = 0
    while index < lines.count {
      if lines[index].isEmpty { inExamples = false }
      if lines[index] == "example:" || lines[index] == "examples:" { inExamples = true }
      var end = index
      while !inExamples && end + 1 < lines.count && runsOn(lines[end], into: lines[end + 1]) {
        end += 1
      }
      let block = Array(lines[index...end])
      if block.count > 1 && block.contains(where: { DisplayWidth.of($0) > width }) {
        out += paragraph(block, width: width)
      } else {
        out += block.flatMap { wrapLine($0, width: width) }
      }
      index = end + 1
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// Whether `line` was broken only for width: it is long prose (not laid out in columns), and
  /// `next` continues it at the same indent rather than starting a `label:` of its own.
  static func runsOn(_ line: String, into next: String) -> Bool {
    let indent = line.prefix { $0 == " " }.count
    let isLaidOut = { (text: String) in text.dropFirst(indent).contains("  ") }
    guard DisplayWidth.of(line) >= 60, !line.hasSuffix(":"), !next.isEmpty,
      next.prefix(while: { $0 == " " }).count == indent, !isLaidOut(line), !isLaidOut(next)
    else { return false }
    let head = next.dropFirst(indent).prefix { $0 != " " }
    return !head.hasSuffix(":")
  }

  /// The lines of a paragraph joined and broken again at `width`, at their indent.
  private static func paragraph(_ lines: [String], width: Int) -> [String] {
    let leading = lines[0].prefix { $0 == " " }.count
    let margin = String(repeating: " ", count: leading)
    let text = lines.map { $0.dropFirst(leading) }.joined(separator: " ")
    return DisplayWidth.wrap(text, to: max(10, width - leading), indent: "").map { margin + $0 }
  }

  /// One line broken between words; continuation lines start under `hangingIndent`.
  private static func wrapLine(_ line: String, width: Int) -> [String] {
    guard DisplayWidth.of(line) > width else { return [line] }
    let leading = line.prefix { $0 == " " }.count
    let hanging = String(repeating: " ", count: hangingIndent(line, width: width) - leading)
    let margin = String(repeating: " ", count: leading)
    return DisplayWidth.wrap(
      String(line.dropFirst(leading)), to: max(10, width - leading), indent: hanging
    ).map { margin + $0 }
  }

  /// Where a wrapped line's continuation starts, in display columns: under the last column of a
  /// laid-out line (the text after its last run of two or more blanks: `stages:    where select
  /// …`, `  costs     costs  money spent …`) when that leaves 15 columns for the text, else two
  /// past the line's own indent.
  static func hangingIndent(_ line: String, width: Int) -> Int {
    let leading = line.prefix { $0 == " " }.count
    var column = 0
    var blanks = 0
    var lastColumn: Int?
    for character in line {
      if character == " " {
        blanks += 1
      } else {
        if blanks >= 2 && column > leading { lastColumn = column }
        blanks = 0
      }
      column += DisplayWidth.of(character)
    }
    guard let lastColumn, lastColumn <= width - 15 else { return leading + 2 }
    return lastColumn
  }
}
