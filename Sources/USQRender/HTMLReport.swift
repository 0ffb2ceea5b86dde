/// A script run (or a shell session) as one self-contained HTML page, for a colleague's browser.
///
/// The page holds the script's name, its parameters and when it ran, then every statement that
/// printed something, in order: its source line, then its table (an HTML table with the
/// terminal's formatting), its chart (the SVG of `export x.svg`), its other output, its warnings
/// and its error. Styles are inline and there is no script, font or image from anywhere: the file
/// opens offline, in light and dark mode, and prints.
public struct HTMLReport: Sendable {
  /// One piece of a statement's output.
  public enum Block: Sendable, Equatable {
    /// A table, already rendered by `HTMLTable`.
    case table(html: String)
    /// A chart as SVG (`SVGChart.render`).
    case chart(svg: String)
    /// Other output, shown as written (`let` summaries, `export` lines, help text).
    case text(String)
    /// Warnings, as the terminal printed them.
    case warning(String)
    /// The error that stopped the statement, as the terminal printed it.
    case error(String)
  }

  /// A statement and what it printed.
  public struct Entry: Sendable, Equatable {
    /// The 1-based line of the script it starts on (nil at the prompt or for `-c`).
    public var line: Int?
    /// The statement as written.
    public var source: String
    public var blocks: [Block]

    public init(line: Int?, source: String, blocks: [Block] = []) {
      self.line = line
      self.source = source
      self.blocks = blocks
    }
  }

  /// The script's path (or `usq session`).
  public var title: String
  /// `NAME = VALUE` of each parameter in effect, in declaration order.
  public var parameters: [(name: String, value: String)]
  /// When the run started: seconds since the epoch, UTC.
  public var started: Int64
  /// How long it took, in seconds (nil while unknown).
  public var seconds: Double?
  public var entries: [Entry]

  public init(
    title: String, parameters: [(name: String, value: String)] = [], started: Int64,
    seconds: Double? = nil, entries: [Entry] = []
  ) {
    self.title = title
    self.parameters = parameters
    self.started = started
    self.seconds = seconds
    self.entries = entries
  }

  /// The whole page, ending in `\n`.
  ///
  /// - Parameter zone: the zone the run time is shown in (the session's `tz`).
  public func render(zone: RenderTimeZone = .utc) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="color-scheme" content="light dark">
      <title>\(escape(title))</title>
      <style>\(HTMLReport.css)</style>
      </head>
      <body>
      <header>
      <h1>\(escape(title))</h1>
      <p class="meta">\(escape(runLine(zone: zone)))</p>

      """
    if !parameters.isEmpty {
      html += "<table class=\"params\"><tbody>\n"
      for (name, value) in parameters {
        html += "<tr><th>\(escape(name))</th><td><code>\(escape(value))</code></td></tr>\n"
      }
      html += "</tbody></table>\n"
    }
    html += "</header>\n<main>\n"
    for entry in entries where !entry.blocks.isEmpty {
      html += section(entry)
    }
    if entries.allSatisfy(\.blocks.isEmpty) {
      html += "<p class=\"note\">No statement printed anything.</p>\n"
    }
    html += "</main>\n</body>\n</html>\n"
    return html
  }

  private func runLine(zone: RenderTimeZone) -> String {
    let offset = zone.offset(at: started)
    let civil = TimeFormatting.civil(started, offset: offset)
    var line = "run " + TimeFormatting.dateTime(civil, seconds: false)
    line += offset == 0 ? " UTC" : " (UTC" + RenderTimeZone.offsetText(offset) + ")"
    if let seconds {
      line += " · took " + NumberFormatting.fixed(seconds, decimals: seconds < 10 ? 2 : 1) + " s"
    }
    return line + " · usq"
  }

  private func section(_ entry: Entry) -> String {
    let failed = entry.blocks.contains { if case .error = $0 { true } else { false } }
    var html = "<section class=\"statement\(failed ? " failed" : "")\">\n<pre class=\"source\">"
    if let line = entry.line { html += "<span class=\"line\">\(line)</span>" }
    html += "<code>\(escape(entry.source))</code></pre>\n"
    for block in entry.blocks {
      switch block {
      case .table(let table): html += table
      case .chart(let svg): html += "<figure class=\"chart\">\n\(svg)</figure>\n"
      case .text(let text): html += "<pre class=\"output\">\(escape(text))</pre>\n"
      case .warning(let text): html += "<pre class=\"warning\">\(escape(text))</pre>\n"
      case .error(let text): html += "<pre class=\"error\">\(escape(text))</pre>\n"
      }
    }
    return html + "</section>\n"
  }

  private func escape(_ text: String) -> String { HTMLTable.escape(text) }
}

extension RenderTimeZone {
  /// `+02:00`, `-05:30`.
  static func offsetText(_ seconds: Int) -> String {
    let minutes = abs(seconds) / 60
    return (seconds < 0 ? "-" : "+") + TimeFormatting.two(minutes / 60) + ":"
      + TimeFormatting.two(minutes % 60)
  }
}
