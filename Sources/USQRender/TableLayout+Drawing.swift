import USQBasics

/// Box drawing and footnotes of a table.
extension TableLayout {
  private struct Box {
    let horizontal, vertical: String
    let top, middle, bottom: (String, String, String)
  }

  private func box(_ style: Style) -> Box {
    style.isUnicode
      ? Box(
        horizontal: "─", vertical: "│", top: ("╭", "┬", "╮"), middle: ("├", "┼", "┤"),
        bottom: ("╰", "┴", "╯"))
      : Box(
        horizontal: "-", vertical: "|", top: ("+", "+", "+"), middle: ("+", "+", "+"),
        bottom: ("+", "+", "+"))
  }

  func drawBox(style: Style) -> [String] {
    let box = box(style)
    func rule(_ corners: (String, String, String)) -> String {
      let segments = columns.map { String(repeating: box.horizontal, count: $0.width + 2) }
      return style.dim(corners.0 + segments.joined(separator: corners.1) + corners.2)
    }
    let bar = style.dim(box.vertical)
    func line(_ cells: [String]) -> String {
      bar + " " + cells.joined(separator: " " + bar + " ") + " " + bar
    }
    var lines = [rule(box.top)]
    // A header too long for its column wraps between its words, aligned as its values are.
    let headers = columns.map { TableLayout.headerLines($0.name, width: $0.width) }
    let headerHeight = headers.map(\.count).max() ?? 1
    for index in 0..<headerHeight {
      lines.append(
        line(
          zip(columns, headers).map { column, header in
            // Headers sit on the bottom lines, next to the values.
            let line = index - (headerHeight - header.count)
            let text = header.indices.contains(line) ? header[line] : ""
            return style.bold(
              DisplayWidth.pad(text, to: column.width, right: column.isRightAligned))
          }))
    }
    lines.append(rule(box.middle))
    for row in 0..<rowCount {
      lines.append(
        line(
          columns.map { column in
            guard let text = column.cells[row] else {
              let null = DisplayWidth.truncate(nullText, to: column.width)
              return style.dim(
                DisplayWidth.pad(null, to: column.width, right: column.isRightAligned))
            }
            return DisplayWidth.pad(text, to: column.width, right: column.isRightAligned)
          }))
    }
    lines.append(rule(box.bottom))
    return lines
  }

  func footnotes(style: Style, width: Int) -> [String] {
    var notes: [String] = []
    if rowCount == 0 && moreRows == 0 { notes.append("0 rows") }
    if moreRows > 0 {
      let noun = moreRows == 1 ? "row" : "rows"
      notes.append("\(style.moreRows) \(NumberFormatting.grouped(Int64(moreRows))) more \(noun)")
    }
    let labels = (0..<rowCount).map { markLabels[$0] ?? "" }
    notes += marks.notes(labels: labels, zone: zone).filter { $0.hasPrefix("*") }
    if !dropped.isEmpty { notes.append(droppedNote(style: style)) }
    if !hiddenAllNull.isEmpty {
      var note = "hidden, all null: " + hiddenAllNull.joined(separator: ", ")
      if let fill = fillNote { note += " (fill with \(fill))" }
      notes.append(note)
    }
    return notes.flatMap { DisplayWidth.wrap($0, to: width) }.map(style.dim)
  }

  /// Which columns were left out for lack of room and how to see them; past `listedDropped`
  /// names, how many more. A name with a blank or comma is quoted, so the list reads one way.
  private func droppedNote(style: Style) -> String {
    let ellipsis = style.isUnicode ? "…" : "..."
    let quoted = dropped.map { $0.contains(where: { $0 == " " || $0 == "," }) ? "'\($0)'" : $0 }
    var list = quoted.prefix(TableLayout.listedDropped).joined(separator: ", ")
    if dropped.count > TableLayout.listedDropped {
      list += ", \(ellipsis) and \(dropped.count - TableLayout.listedDropped) more"
    }
    let noun = dropped.count == 1 ? "column" : "columns"
    let them = dropped.count == 1 ? "it" : "them"
    let more = dropped.count > 1 ? ", \(ellipsis)" : ""
    return "\(dropped.count) \(noun) not shown for lack of room: \(list) (see \(them) with "
      + "`| select \(quoted[0])\(more)` or `set width=\(max(20, min(1000, naturalWidth)))`)"
  }

  /// At most this many left-out columns are named (after `pivot` there can be hundreds).
  static let listedDropped = 12

  /// `group=a,b` merged from the hidden columns' hints, then any other hints.
  private var fillNote: String? {
    var groups: [String] = []
    var others: [String] = []
    for name in hiddenAllNull {
      guard let hint = fillHints[name] else { continue }
      if hint.hasPrefix("group=") {
        for key in hint.dropFirst(6).split(separator: ",").map(String.init)
        where !groups.contains(key) {
          groups.append(key)
        }
      } else if !others.contains(hint) {
        others.append(hint)
      }
    }
    let all = (groups.isEmpty ? [] : ["group=" + groups.joined(separator: ",")]) + others
    return all.isEmpty ? nil : all.joined(separator: "; ")
  }
}
