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
    lines.append(
      line(
        columns.map {
          style.bold(DisplayWidth.pad($0.name, to: $0.width, right: $0.isRightAligned))
        }))
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
    if !dropped.isEmpty {
      let noun = dropped.count == 1 ? "column" : "columns"
      notes.append(
        "\(dropped.count) \(noun) not shown (too wide): " + dropped.joined(separator: ", "))
    }
    if !hiddenAllNull.isEmpty {
      var note = "hidden, all null: " + hiddenAllNull.joined(separator: ", ")
      if let fill = fillNote { note += " (fill with \(fill))" }
      notes.append(note)
    }
    return notes.flatMap { DisplayWidth.wrap($0, to: width) }.map(style.dim)
  }

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
