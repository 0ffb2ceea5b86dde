import USQBasics

/// # USQRender
///
/// Turns frames into text: tables, terminal charts, exports and SVG. Everything it needs arrives
/// as parameters (`RenderOptions`: width, height, colour, charset, time zone, row limit, "now");
/// nothing here reads the terminal, the clock or the environment.
///
/// ```
/// Frame ─┬─▶ TableRenderer.render(frame, options:, hints:)      aligned table + footnotes
///        ├─▶ ChartRenderer.render(frame, spec:, options:)       bar stack line pie spark heat
///        │      ChartData (defaults for x / y / by, typed ChartError)
///        │      ─▶ BarLayout · StackChart · LinePlot (BrailleCanvas | GlyphCanvas)
///        │         PieChart (half blocks | glyphs) · SparkChart · HeatChart
///        ├─▶ SVGChart.render(frame, spec:)                      the same charts as SVG
///        ├─▶ HTMLTable.render(frame, options:, hints:)           a table for an HTML report
///        └─▶ Exporter.render(frame, format:)                    csv json ndjson md
/// HTMLReport(title:, parameters:, entries:).render()            one self-contained page
/// ```
///
/// Time is told truthfully everywhere: `BucketMarks` finds the rows that are not whole buckets
/// (still in progress at `now`, begun before `dataStart`, or `forecast` = true); tables star them
/// with a footnote, charts draw them dotted, lighter or hatched with a note that says why.
///
/// Shared pieces: `DisplayWidth` (terminal columns of text, East Asian wide, emoji, combining
/// marks), `NumberFormatting` (thousands, money, compact ticks), `TimeFormatting` (civil time in
/// a zone, ISO 8601), `ANSIText` (measure and cut text with escapes), `Style` (palette and glyphs).
///
/// Colour: matplotlib's ten categorical colours on the ANSI 256 cube (mid lightness, readable on
/// dark and light backgrounds). Without colour, series differ by glyph (`█ ▒ ░ ▓ ▞ ▚ …` or
/// `# = + o * x …`, markers `● ■ ▲ …` / `* o + …`).
public enum USQRenderInfo {
  /// The chart kinds this module draws, in the order of `ChartSpec.Kind`.
  public static let chartKinds = ChartSpec.Kind.allCases.map(\.rawValue)
}
