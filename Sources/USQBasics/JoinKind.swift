/// The kind of `join`.
public enum JoinKind: String, Hashable, Sendable, CaseIterable {
  /// Only rows with a match on the right.
  case inner
  /// Every left row; unmatched ones get nulls in the right's columns (the default).
  case left
}
