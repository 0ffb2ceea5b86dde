/// The `limit` parameter's default and maximum, in buckets per page (lists: objects per page).
public struct PageLimit: Sendable, Hashable {
  /// The bucket width this applies to; nil for list endpoints.
  public var width: BucketWidth?
  /// The API's default `limit`.
  public var defaultValue: Int
  /// The API's maximum `limit` (usq sends it unless `limit=` says otherwise).
  public var maximum: Int

  /// Creates a limit rule.
  public init(width: BucketWidth?, defaultValue: Int, maximum: Int) {
    self.width = width
    self.defaultValue = defaultValue
    self.maximum = maximum
  }
}
