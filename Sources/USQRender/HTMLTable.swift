import USQFrame

/// A frame as an HTML `<table>`, with the terminal table's text in every cell.
///
/// Cells hold exactly what `TableRenderer` would print (thousands separators, money, times in
/// the options' zone, `*` on partial buckets), never cut: a page scrolls where a terminal cannot.
/// Numbers are right-aligned (`class="num"`), nulls dimmed, partial and projected rows marked
/// (`class="partial"`), and the table's footnotes (more rows, hidden all-null columns, partial
/// buckets) follow it.
public enum HTMLTable {
  /// The `<table>` and its notes, one element per line.
  public static func render(
    _ frame: Frame, options: RenderOptions, hints: TableHints = TableHints()
  ) -> String {
    guard frame.columnCount > 0 else {
      return "<p class=\"note\">(empty frame: no columns)</p>\n"
    }
    let layout = TableLayout(frame: frame, options: options, hints: hints)
    var html = "<div class=\"table\"><table>\n<thead><tr>"
    for column in layout.columns {
      html += "<th\(column.isRightAligned ? " class=\"num\"" : "")>\(escape(column.name))</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    for row in 0..<layout.rowCount {
      html += layout.marks.isMarked(row) ? "<tr class=\"partial\">" : "<tr>"
      for column in layout.columns {
        let align = column.isRightAligned ? "num" : ""
        if let text = column.cells[row] {
          html += align.isEmpty ? "<td>" : "<td class=\"num\">"
          html += escape(text) + "</td>"
        } else {
          html += "<td class=\"null \(align)\">null</td>"
        }
      }
      html += "</tr>\n"
    }
    html += "</tbody></table></div>\n"
    let plain = Style(RenderOptions(color: false, charset: options.charset))
    for note in layout.footnotes(style: plain, width: Int.max / 2) {
      html += "<p class=\"note\">\(escape(note))</p>\n"
    }
    return html
  }

  /// `text` safe inside HTML elements and attribute values.
  public static func escape(_ text: String) -> String { SVGDocument.escape(text) }
}
