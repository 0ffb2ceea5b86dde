import USQBasics

/// Renders diagnostics in the one layout of STYLE rule 17.
///
/// At the prompt (and for `-c`):
/// ```
/// error: unknown column 'num_model_request'
///  --> <input>:1:55
///   |
/// 1 | load completions days=30 group=model,project_id | sum num_model_request by project_id | top 5
///   |                                                       ^^^^^^^^^^^^^^^^^ not a column of the input frame
///   = help: did you mean 'num_model_requests'?
/// ```
/// For scripts the first line is `FILE:LINE:COL: error: …`, followed by the line and the caret.
/// Colour is added only by a `DiagnosticDecorator`; without one the text is plain.
public struct DiagnosticFormatter: Sendable {
  /// Where the location goes.
  public enum Style: Sendable {
    /// `error: …` then ` --> FILE:LINE:COL` and a blank gutter line.
    case prompt
    /// `FILE:LINE:COL: error: …` then the line.
    case script
  }

  /// The layout.
  public var style: Style
  /// Colours, or `nil` for plain text.
  public var decorator: DiagnosticDecorator?
  /// The terminal's columns: notes and help (lists of stages, columns, keys) wrap between words
  /// to fit, their continuation lines indented under the text; nil = no wrapping.
  public var width: Int?

  /// Creates a formatter.
  public init(style: Style = .prompt, decorator: DiagnosticDecorator? = nil, width: Int? = nil) {
    self.style = style
    self.decorator = decorator
    self.width = width
  }

  /// The diagnostics, each rendered in full, separated by line breaks (no final line break).
  public func format(_ diagnostics: [Diagnostic], in source: SourceFile) -> String {
    diagnostics.map { format($0, in: source) }.joined(separator: "\n")
  }

  /// One diagnostic, several lines, no final line break.
  public func format(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
    let (line, column) = source.location(of: diagnostic.span.start)
    let gutterWidth = String(line).count
    let blank = String(repeating: " ", count: gutterWidth + 1)
    let severity = paint(diagnostic.severity.rawValue) { $0.severity($1, diagnostic.severity) }
    let message = paint(diagnostic.message) { $0.message($1) }
    let bar = paint("|") { $0.gutter($1) }
    var lines: [String] = []
    switch style {
    case .prompt:
      lines.append("\(severity): \(message)")
      lines.append(
        String(repeating: " ", count: gutterWidth) + paint("-->") { $0.gutter($1) }
          + " \(source.name):\(line):\(column)")
      lines.append("\(blank)\(bar)")
    case .script:
      lines.append("\(source.name):\(line):\(column): \(severity): \(message)")
    }
    let (echo, caretLine) = underline(diagnostic, in: source, lineIndex: line - 1)
    lines.append(paint(String(line)) { $0.gutter($1) } + " \(bar) \(echo)")
    lines.append("\(blank)\(bar) \(caretLine)")
    for note in diagnostic.notes { lines += wrapped("\(blank)= note: ", note) }
    if let help = diagnostic.help { lines += wrapped("\(blank)= help: ", help) }
    return lines.joined(separator: "\n")
  }

  /// `prefix` + `text`, broken between words into lines of at most `width` columns; later lines
  /// start under the text. A word longer than a line stays whole.
  func wrapped(_ prefix: String, _ text: String) -> [String] {
    guard let width else { return [prefix + text] }
    let indent = String(repeating: " ", count: DisplayWidth.of(prefix))
    var lines: [String] = []
    var current = prefix
    var lineHasText = false
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      if lineHasText && DisplayWidth.of(current) + 1 + DisplayWidth.of(word) > width {
        lines.append(current)
        current = indent + word
      } else {
        current += (lineHasText ? " " : "") + word
      }
      lineHasText = true
    }
    return lines + [current]
  }

  /// A diagnostic that has no source line to show (a bad command-line argument, an unknown
  /// script parameter override): the header, then its notes and help.
  ///
  /// ```
  /// error: the script declares no parameter 'dyas'
  ///   = note: parameters: days, model
  ///   = help: did you mean 'days'?
  /// ```
  public func formatWithoutSource(_ diagnostic: Diagnostic) -> String {
    let severity = paint(diagnostic.severity.rawValue) { $0.severity($1, diagnostic.severity) }
    let message = paint(diagnostic.message) { $0.message($1) }
    var lines = ["\(severity): \(message)"]
    for note in diagnostic.notes { lines += wrapped("  = note: ", note) }
    if let help = diagnostic.help { lines += wrapped("  = help: ", help) }
    return lines.joined(separator: "\n")
  }

  /// Source lines longer than this many bytes are echoed as a window around the span, so that a
  /// 400 kB generated statement does not print 400 kB with its error.
  static let longLine = 1_000
  /// Bytes of context kept on each side of the span's start in such a window.
  static let context = 60

  /// The echoed source line (tabs shown as blanks) and the caret line under the span.
  func underline(_ diagnostic: Diagnostic, in source: SourceFile, lineIndex: Int) -> (
    String, String
  ) {
    var lineSpan = source.lineSpan(lineIndex)
    let start = min(max(diagnostic.span.start, lineSpan.start), lineSpan.end)
    var (before, after) = ("", "")
    if lineSpan.end - lineSpan.start > Self.longLine {
      let from = Self.scalarStart(max(lineSpan.start, start - Self.context), in: source)
      let to = Self.scalarStart(min(lineSpan.end, start + Self.context), in: source)
      if from > lineSpan.start { before = "… " }
      if to < lineSpan.end { after = " …" }
      lineSpan = Span(start: from, end: to)
    }
    let end = min(max(diagnostic.span.end, start), lineSpan.end)
    let echo = before + clean(source.text(of: lineSpan)) + after
    let padding =
      DisplayWidth.of(before)
      + DisplayWidth.of(clean(source.text(of: Span(start: lineSpan.start, end: start))))
    let width = max(1, DisplayWidth.of(clean(source.text(of: Span(start: start, end: end)))))
    var carets = paint(String(repeating: "^", count: width)) { $0.caret($1, diagnostic.severity) }
    if !diagnostic.label.isEmpty {
      carets += " " + paint(diagnostic.label) { $0.caret($1, diagnostic.severity) }
    }
    return (echo, String(repeating: " ", count: padding) + carets)
  }

  /// `offset` moved back to the start of its UTF-8 scalar.
  static func scalarStart(_ offset: Int, in source: SourceFile) -> Int {
    var offset = offset
    while offset > 0, offset < source.bytes.count, source.bytes[offset] & 0xC0 == 0x80 {
      offset -= 1
    }
    return offset
  }

  /// Tabs become one blank and other control characters a `?`, so columns stay aligned.
  func clean(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          scalar == "\t" ? " " : (scalar.value < 0x20 || scalar.value == 0x7F ? "?" : scalar)
        }))
  }

  func paint(_ text: String, _ style: (DiagnosticDecorator, String) -> String) -> String {
    guard let decorator else { return text }
    return style(decorator, text)
  }
}

/// Colours for `DiagnosticFormatter`; each function wraps a piece of text in escape codes.
public struct DiagnosticDecorator: Sendable {
  /// The severity word (`error`, `warning`, `note`).
  public var severity: @Sendable (String, Diagnostic.Severity) -> String
  /// The message after the severity.
  public var message: @Sendable (String) -> String
  /// The gutter: line numbers, `|` and `-->`.
  public var gutter: @Sendable (String) -> String
  /// The carets and their label.
  public var caret: @Sendable (String, Diagnostic.Severity) -> String

  /// Creates a decorator from its four styling functions.
  public init(
    severity: @escaping @Sendable (String, Diagnostic.Severity) -> String,
    message: @escaping @Sendable (String) -> String,
    gutter: @escaping @Sendable (String) -> String,
    caret: @escaping @Sendable (String, Diagnostic.Severity) -> String
  ) {
    self.severity = severity
    self.message = message
    self.gutter = gutter
    self.caret = caret
  }

  /// ANSI colours: errors bold red, warnings bold yellow, notes bold cyan, the gutter blue, the
  /// message bold.
  public static let ansi = DiagnosticDecorator(
    severity: { text, severity in ansiWrap(text, code: colourCode(severity)) },
    message: { ansiWrap($0, code: "1") },
    gutter: { ansiWrap($0, code: "1;34") },
    caret: { text, severity in ansiWrap(text, code: colourCode(severity)) })

  private static func colourCode(_ severity: Diagnostic.Severity) -> String {
    switch severity {
    case .error: "1;31"
    case .warning: "1;33"
    case .note: "1;36"
    }
  }

  private static func ansiWrap(_ text: String, code: String) -> String {
    "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}
