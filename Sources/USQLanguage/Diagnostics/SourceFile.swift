import USQBasics

/// The text of one statement or script, with cached line starts for locating spans.
///
/// Spans are UTF-8 byte offsets into `text`; lines and columns are computed only when rendering.
public struct SourceFile: Hashable, Sendable {
  /// The name shown in diagnostics: `<input>` at the prompt and for `-c`, else the file name.
  public var name: String
  /// The full text.
  public let text: String
  /// The text's UTF-8 bytes.
  public let bytes: [UInt8]
  /// The 0-based UTF-8 offset at which each line starts; the first is 0.
  public let lineStarts: [Int]

  /// Creates a source file; `name` defaults to `<input>`.
  public init(_ text: String, name: String = "<input>") {
    self.name = name
    self.text = text
    self.bytes = Array(text.utf8)
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(offset + 1)
    }
    self.lineStarts = starts
  }

  /// The text of `span`, clamped to the file; invalid UTF-8 at the edges is repaired.
  public func text(of span: Span) -> String {
    let start = min(max(span.start, 0), bytes.count)
    let end = min(max(span.end, start), bytes.count)
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The text of `span` as a slice of `text` (no copy); `span` must lie on scalar boundaries.
  func slice(of span: Span) -> Substring {
    let utf8 = text.utf8
    let start = min(max(span.start, 0), bytes.count)
    let end = min(max(span.end, start), bytes.count)
    let lower = utf8.index(utf8.startIndex, offsetBy: start)
    let upper = utf8.index(lower, offsetBy: end - start)
    return Substring(utf8[lower..<upper])
  }

  /// The span of the whole text.
  public var fullSpan: Span { Span(start: 0, end: bytes.count) }

  /// The 0-based index of the line holding `offset` (clamped to the file).
  public func lineIndex(of offset: Int) -> Int {
    let offset = min(max(offset, 0), bytes.count)
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// The span of line `index` (0-based), without its line break.
  public func lineSpan(_ index: Int) -> Span {
    let start = lineStarts[index]
    var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return Span(start: start, end: end)
  }

  /// The 1-based line and 1-based column of `offset`; the column counts terminal display
  /// columns (a CJK character or an emoji counts 2), so it matches the caret.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let index = lineIndex(of: offset)
    let start = lineStarts[index]
    let prefix = text(of: Span(start: start, end: min(max(offset, start), bytes.count)))
    return (index + 1, DisplayWidth.of(prefix) + 1)
  }
}
