/// What one `load` asks the API for: the engine's binder builds it from the options, the client
/// plans, fetches and caches it, `explain` shows it.
///
/// ```swift
/// let query = UsageQuery(endpoint: .completions, startTime: 1_730_419_200, bucketWidth: .hour,
///                        groupBy: ["model"], filters: [QueryFilter("project_ids", ["proj_a"])])
/// ```
public struct UsageQuery: Sendable, Hashable {
  /// The endpoint (a usage endpoint, costs, or a list).
  public var endpoint: Endpoint
  /// First second of the window, seconds since the epoch, UTC, inclusive (0 for lists).
  public var startTime: Int64
  /// End of the window, exclusive; nil = up to the moment of the request.
  public var endTime: Int64?
  /// The bucket width (costs: `1d` only); nil for lists.
  public var bucketWidth: BucketWidth?
  /// `group_by` keys, in the order written (`group=`) or first used by the stages.
  public var groupBy: [String]
  /// Filters: those written as options in the order written, then pushed-down ones.
  public var filters: [QueryFilter]
  /// Buckets per page; nil = the API maximum for the bucket width. Clamped to 1…maximum.
  public var limit: Int?

  /// Creates a query.
  public init(
    endpoint: Endpoint, startTime: Int64 = 0, endTime: Int64? = nil,
    bucketWidth: BucketWidth? = .day, groupBy: [String] = [], filters: [QueryFilter] = [],
    limit: Int? = nil
  ) {
    self.endpoint = endpoint
    self.startTime = startTime
    self.endTime = endTime
    self.bucketWidth = bucketWidth
    self.groupBy = groupBy
    self.filters = filters
    self.limit = limit
  }

  /// The values of the filter parameter `name`, if present.
  public func filter(_ name: String) -> [String]? {
    filters.first { $0.name == name }?.values
  }

  /// The `limit` sent: the given one clamped to 1…maximum, or the maximum for the bucket width.
  public var effectiveLimit: Int {
    let maximum = endpoint.limit(for: bucketWidth)?.maximum ?? 1
    return min(max(limit ?? maximum, 1), maximum)
  }
}
