/// A name written by the user (a column, endpoint, frame, option key, stage verb …) with its span.
public struct Name: Hashable, Sendable, CustomStringConvertible {
  /// The name as written (for a quoted name, the decoded string).
  public var text: String
  /// Where it was written.
  public var span: Span

  /// Creates a name.
  public init(_ text: String, span: Span) {
    self.text = text
    self.span = span
  }

  /// The text.
  public var description: String { text }
}
