import USQBasics

/// Fitting a table into the terminal's width the way a person would: keep what the statement
/// asked for, keep keys readable, never cut a number, and say what had to go.
extension TableLayout {
  /// Long text (lists, sentences) is cut to this many columns first.
  static let longText = 32
  /// Text (ids, model names) stays readable down to this many columns (less in a terminal
  /// narrower than 64 columns, down to 8); below it, whole columns leave instead.
  static let readableText = 16

  /// The readable width of text in a table `width` columns wide: a quarter of it, 8 to 16.
  static func readableText(in width: Int) -> Int { min(readableText, max(8, width / 4)) }
  /// A header wraps onto at most this many lines.
  static let maxHeaderLines = 4

  /// Total width of the box: `│ a │ b │` = sum of widths + 3 per column + 1.
  var boxWidth: Int { columns.reduce(1) { $0 + $1.width + 3 } }

  /// Narrows the table until its box fits `width`:
  /// 1. long text down to 32 columns;
  /// 2. headers of numbers and times wrap onto more lines (numbers are never cut);
  /// 3. text down to 16 columns (a quarter of a narrower table, at least 8: ids and model
  ///    names stay readable);
  /// 4. when even that is too wide, whole columns leave, the least wanted first (`end_time` and
  ///    currency columns beside their amounts, then columns the statement did not name, from the
  ///    right), and the footnote names them;
  /// 5. a last resort cuts what is left.
  mutating func fit(width: Int, style: Style) {
    naturalWidth = boxWidth
    let originalOrder = columns.map(\.name)
    for name in dropOrder() where minimalBoxWidth(in: width) > width && columns.count > 1 {
      guard let index = columns.firstIndex(where: { $0.name == name }) else { continue }
      dropped.append(columns.remove(at: index).name)
    }
    dropped.sort {
      (originalOrder.firstIndex(of: $0) ?? 0) < (originalOrder.firstIndex(of: $1) ?? 0)
    }
    shrink(to: width, floor: { min($0.width, TableLayout.longText) })
    // Wrapping a header loses nothing; cutting an id does: numbers' headers go first.
    shrink(
      to: width, floor: { $0.canShrink ? $0.width : TableLayout.floor($0, in: width) }, all: true)
    shrink(to: width, floor: { TableLayout.floor($0, in: width) })
    if boxWidth > width {
      shrink(to: width, floor: { _ in 1 }, all: true)
    }
    for index in columns.indices {
      let width = columns[index].width
      columns[index].cells = columns[index].cells.map {
        $0.map { DisplayWidth.truncate($0, to: width, ellipsis: style.ellipsis) }
      }
    }
  }

  /// The box width with every column at its floor.
  private func minimalBoxWidth(in width: Int) -> Int {
    columns.reduce(1) { $0 + TableLayout.floor($1, in: width) + 3 }
  }

  /// The narrowest a column gets before columns leave, in a table `width` wide: numbers and
  /// times their widest value (and room for a header word of up to 9 columns, `requests`,
  /// `distinct_`), text its readable width.
  static func floor(_ column: Column, in width: Int) -> Int {
    if column.canShrink { return min(column.width, readableText(in: width)) }
    let word = headerWords(column.name).map(DisplayWidth.of).max() ?? 1
    return min(column.width, max(column.valueWidth, min(word, 9), 1))
  }

  /// Column names in the order they leave a table that is too wide.
  private func dropOrder() -> [String] {
    let names = columns.map(\.name)
    let secondary = names.reversed().filter { self.secondary.contains($0) }
    let keys = Set(["start_time"])
    let unnamed = names.reversed().filter {
      !preferred.contains($0) && !self.secondary.contains($0) && !keys.contains($0)
    }
    let wanted = preferred.reversed().filter { names.contains($0) && !secondary.contains($0) }
    let timeKeys = names.filter { keys.contains($0) && !preferred.contains($0) }
    return secondary + unnamed + timeKeys + wanted
  }

  /// Narrows the widest column above its floor, one column at a time, until the box fits; only
  /// text columns unless `all`.
  private mutating func shrink(to width: Int, floor: (Column) -> Int, all: Bool = false) {
    let floors = columns.map(floor)
    while boxWidth > width {
      let candidates = columns.indices.filter {
        (all || columns[$0].canShrink) && columns[$0].width > floors[$0]
      }
      guard let widest = candidates.max(by: { columns[$0].width < columns[$1].width }) else {
        return
      }
      columns[widest].width -= 1
    }
  }

  // MARK: - Headers

  /// `name` broken after `_`, `-`, `.` and blanks: `input_cached_tokens` → `input_`,
  /// `cached_`, `tokens`.
  static func headerWords(_ name: String) -> [String] {
    var words: [String] = []
    var current = ""
    for character in name {
      current.append(character)
      if "_-. ".contains(character) {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  /// The header of a column `width` wide: whole when it fits, else wrapped between its words
  /// onto up to `maxHeaderLines` lines (a word longer than the column is split), so two shortened
  /// headers never read the same.
  static func headerLines(_ name: String, width: Int) -> [String] {
    guard DisplayWidth.of(name) > width, width > 0 else { return [name] }
    var lines: [String] = []
    var current = ""
    for word in headerWords(name) {
      if DisplayWidth.of(current + word) <= width {
        current += word
        continue
      }
      if !current.isEmpty { lines.append(current) }
      current = word
      while DisplayWidth.of(current) > width {
        let head = DisplayWidth.truncate(current, to: width, ellipsis: "")
        guard !head.isEmpty else { break }
        lines.append(head)
        current = String(current.dropFirst(head.count))
      }
    }
    if !current.isEmpty { lines.append(current) }
    guard lines.count > maxHeaderLines else { return lines }
    let rest = lines[(maxHeaderLines - 1)...].joined()
    return Array(lines.prefix(maxHeaderLines - 1)) + [DisplayWidth.truncate(rest, to: width)]
  }
}
