/// A half-open range of UTF-8 byte offsets into a `SourceFile`.
///
/// Offsets are 0-based UTF-8 byte offsets; `end` is one past the last byte. An empty span
/// (`start == end`) marks a position, such as the end of input where something was expected.
public struct Span: Hashable, Sendable, CustomStringConvertible {
  /// The first byte, 0-based UTF-8 offset.
  public var start: Int
  /// One past the last byte, 0-based UTF-8 offset.
  public var end: Int

  /// Creates a span; `end` is clamped to be at least `start`.
  public init(start: Int, end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// An empty span at `offset`.
  public static func at(_ offset: Int) -> Span { Span(start: offset, end: offset) }

  /// The number of bytes covered.
  public var length: Int { end - start }

  /// Whether the span covers no bytes.
  public var isEmpty: Bool { start == end }

  /// The smallest span covering both `self` and `other`.
  public func union(_ other: Span) -> Span {
    Span(start: min(start, other.start), end: max(end, other.end))
  }

  /// Whether `other` lies inside `self` (bounds included).
  public func contains(_ other: Span) -> Bool { other.start >= start && other.end <= end }

  /// `start..end`, as used in token dumps.
  public var description: String { "\(start)..\(end)" }
}
