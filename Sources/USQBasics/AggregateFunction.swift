/// An aggregate function: of `agg F(C)` and, for `sum avg min max count`, a stage of its own;
/// the frame kernels compute it.
public enum AggregateFunction: String, Hashable, Sendable, CaseIterable {
  /// Sum of non-null values: int stays int (overflow is an error), double stays double
  /// (added in row order). Null when a group has no values.
  case sum
  /// Mean of non-null values, as double. Null when a group has no values.
  case avg
  /// Smallest non-null value (any kind; strings by UTF-8 bytes, NaN above every number).
  case min
  /// Largest non-null value (any kind).
  case max
  /// Rows in the group (`count()`, no column) or the column's non-null values (`count(C)`).
  case count
  /// Number of distinct non-null values (NaN counts once).
  case distinct
  /// The 50th percentile of non-null numbers (see `p90`), as double.
  case median
  /// The 90th percentile of non-null numbers, linearly interpolated between the two nearest
  /// ranks (position `p × (n − 1)` in ascending order; NaN sorts last), as double.
  case p90
  /// The 99th percentile, as `p90`.
  case p99
  /// The value in the group's first row (null if that row is null).
  case first
  /// The value in the group's last row (null if that row is null).
  case last
}
