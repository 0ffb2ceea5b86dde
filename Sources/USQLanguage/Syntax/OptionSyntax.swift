/// A `key=value` option (`days=30`, `group=model,project_id`, `title="A, B"`).
///
/// The value runs to the next blank, `|` or end of line; unquoted commas split it into a list;
/// a quoted item is one string whatever it contains. The parser checks only the shape; what the
/// key means (and whether it exists) is the binder's business, except for the fixed option sets
/// of `chart`, `export` and `join`, which the parser checks.
public struct OptionSyntax: Hashable, Sendable {
  /// The key before `=`.
  public var key: Name
  /// The comma-separated items of the value, in order (at least one unless the value is missing).
  public var values: [OptionValue]
  /// The value exactly as written, from just after `=` to its end (quotes and commas included).
  public var rawText: String
  /// The span of `rawText`.
  public var valueSpan: Span
  /// The whole option, key to the end of the value.
  public var span: Span

  /// Creates an option.
  public init(key: Name, values: [OptionValue], rawText: String, valueSpan: Span, span: Span) {
    self.key = key
    self.values = values
    self.rawText = rawText
    self.valueSpan = valueSpan
    self.span = span
  }

  /// The single value when there is exactly one item, else `nil`.
  public var singleValue: OptionValue? { values.count == 1 ? values[0] : nil }
}

/// One item of an option value.
public struct OptionValue: Hashable, Sendable, CustomStringConvertible {
  /// The item (decoded when quoted).
  public var text: String
  /// Whether it was written in quotes (then it is always a string).
  public var isQuoted: Bool
  /// Where it was written, quotes included.
  public var span: Span

  /// Creates an item.
  public init(text: String, isQuoted: Bool, span: Span) {
    self.text = text
    self.isQuoted = isQuoted
    self.span = span
  }

  /// The text.
  public var description: String { text }
}
