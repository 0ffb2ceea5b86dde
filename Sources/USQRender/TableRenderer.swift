import USQBasics
import USQFrame

/// Draws a frame as an aligned table that fits the width.
///
/// Numbers are right-aligned with thousands separators; doubles are rounded per column; money
/// shows its currency; timestamps appear in the options' zone (dates only when all are midnights);
/// the bucket still in progress is marked `*`; all-null columns are hidden and named in a footnote
/// with what fills them; at most `maxRows` rows, then `… N more rows`. Long text is cut with `…`
/// and, when even that is not enough, columns on the right are left out and named. A row never wraps.
///
/// ```
/// ╭────────────┬──────────────╮
/// │ start_time │ input_tokens │
/// ├────────────┼──────────────┤
/// │ 2026-03-18 │    1,234,567 │
/// ╰────────────┴──────────────╯
/// ```
public enum TableRenderer {
  /// The table text, lines joined by `\n`, ending in `\n`.
  public static func render(
    _ frame: Frame, options: RenderOptions, hints: TableHints = TableHints()
  ) -> String {
    let style = Style(options)
    guard frame.columnCount > 0 else {
      return style.dim(DisplayWidth.truncate("(empty frame: no columns)", to: options.width)) + "\n"
    }
    var layout = TableLayout(frame: frame, options: options, hints: hints)
    layout.fit(width: options.width, style: style)
    var lines = layout.drawBox(style: style)
    lines += layout.footnotes(style: style, width: options.width)
    // Narrower than the smallest box (5 columns): cut the lines rather than overflow.
    if layout.boxWidth > options.width {
      lines = lines.map { ANSIText.truncate($0, to: max(0, options.width)) }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
