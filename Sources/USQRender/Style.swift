/// ANSI styling and the glyphs of a charset, chosen once from `RenderOptions`.
///
/// The palette is matplotlib's ten categorical colours mapped to the ANSI 256-colour cube: mid
/// lightness, so each stays readable on dark and on light backgrounds. Without colour, series are
/// told apart by glyph (`seriesFill`, `seriesMark`).
struct Style: Sendable {
  let color: Bool
  let charset: Charset

  init(_ options: RenderOptions) {
    self.color = options.color
    self.charset = options.charset
  }

  /// ANSI 256 indices of the categorical palette (blue, orange, green, red, purple, brown, pink,
  /// grey, olive, cyan).
  static let palette: [Int] = [31, 208, 34, 160, 97, 95, 176, 244, 142, 38]
  /// The same palette as hex colours, for SVG.
  static let hexPalette = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
  ]

  var isUnicode: Bool { charset == .unicode }

  // MARK: - ANSI

  /// `text` in series colour `index` (plain text without colour).
  func series(_ text: String, _ index: Int) -> String {
    guard color, !text.isEmpty else { return text }
    return "\u{1B}[38;5;\(Style.palette[index % Style.palette.count])m\(text)\u{1B}[0m"
  }

  /// `text` in series colour `index`, faint: a partial or projected bucket (plain without colour).
  func lighter(_ text: String, _ index: Int) -> String {
    guard color, !text.isEmpty else { return text }
    return "\u{1B}[2;38;5;\(Style.palette[index % Style.palette.count])m\(text)\u{1B}[0m"
  }

  /// How a partial stacked bar shows, for a chart's note: lighter, or every other cell a gap.
  var partialStackWord: String { color ? "lighter" : "hatched \(gap)" }

  /// The filler between the cells of a hatched stacked bar.
  var gap: String { isUnicode ? "·" : "." }

  /// `text` in ANSI 256 colour `code`.
  func paint(_ text: String, code: Int) -> String {
    guard color, !text.isEmpty else { return text }
    return "\u{1B}[38;5;\(code)m\(text)\u{1B}[0m"
  }

  func bold(_ text: String) -> String {
    color && !text.isEmpty ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }
  func dim(_ text: String) -> String { color && !text.isEmpty ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

  // MARK: - Glyphs

  var ellipsis: String { isUnicode ? "…" : "~" }
  var moreRows: String { isUnicode ? "…" : "..." }
  var bullet: String { isUnicode ? "·" : "-" }

  /// Fill glyph of series `index` in bars, stacks and pies when colour is off (with colour every
  /// series uses the first, full glyph).
  func seriesFill(_ index: Int) -> String {
    let glyphs =
      isUnicode
      ? ["█", "▒", "░", "▓", "▞", "▚", "■", "◆", "●", "▲"]
      : ["#", "=", "+", "o", "*", "x", "%", "@", "~", ":"]
    return color ? glyphs[0] : glyphs[index % glyphs.count]
  }

  /// Fill of a partial or projected bar of series `index` without colour: a light shade that no
  /// series uses as its own fill.
  func hatch(_ index: Int) -> String {
    let own = seriesFill(index)
    return isUnicode ? (own == "░" ? "·" : "░") : (own == ":" ? "." : ":")
  }

  /// How partial and projected bars show, for a chart's note.
  var partialBarWord: String { color ? "lighter" : "hatched \(hatch(0))" }

  /// Point marker of series `index` on a character canvas.
  func seriesMark(_ index: Int) -> String {
    let glyphs =
      isUnicode
      ? ["●", "■", "▲", "◆", "○", "□", "△", "◇", "×", "+"]
      : ["*", "o", "+", "x", "#", "@", "%", "&", "=", "$"]
    return glyphs[index % glyphs.count]
  }

  /// Eighth blocks, index 1…8 (`▏` … `█`); ASCII has no partial cells.
  static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

  /// Sparkline levels, lowest first.
  var sparkLevels: [String] {
    isUnicode
      ? ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] : ["_", ".", "-", "~", "=", "+", "*", "#"]
  }

  /// Heatmap shades: no traffic, then four levels.
  var shades: [String] { isUnicode ? ["·", "░", "▒", "▓", "█"] : [".", "-", "+", "*", "#"] }

  /// Legend swatch of series `index`.
  func swatch(_ index: Int) -> String {
    let glyph = seriesFill(index)
    return series(glyph + glyph, index)
  }
}
