/// One filter parameter of a query: the API name and its values.
public struct QueryFilter: Sendable, Hashable {
  /// The API parameter name (`project_ids`, `batch`, `context_levels`).
  public var name: String
  /// The values, sent as repeated keys; a boolean filter holds one `true` or `false`.
  public var values: [String]

  public init(_ name: String, _ values: [String]) {
    self.name = name
    self.values = values
  }

  /// A boolean filter (`batch`), written in lowercase.
  public static func boolean(_ name: String, _ value: Bool) -> QueryFilter {
    QueryFilter(name, [value ? "true" : "false"])
  }
}

/// A request for a window of usage or costs: what `load` asks the API for.
///
/// ```swift
/// let query = UsageQuery(endpoint: .completions, startTime: 1_730_419_200, bucketWidth: .hour,
///                        groupBy: ["model"], filters: [QueryFilter("project_ids", ["proj_a"])])
/// query.queryItems(page: nil)   // start_time=…&bucket_width=1h&group_by=model&project_ids=proj_a&limit=168
/// ```
public struct UsageQuery: Sendable, Hashable {
  /// A usage endpoint or costs.
  public var endpoint: Endpoint
  /// First second of the window, seconds since the epoch, UTC, inclusive.
  public var startTime: Int64
  /// End of the window, exclusive; nil = up to the moment of the request.
  public var endTime: Int64?
  /// The bucket width (costs: `1d` only).
  public var bucketWidth: BucketWidth
  /// `group_by` keys, in order.
  public var groupBy: [String]
  /// Filters, in order.
  public var filters: [QueryFilter]
  /// Buckets per page; nil = the API maximum for the bucket width. Clamped to 1…maximum.
  public var limit: Int?

  public init(
    endpoint: Endpoint, startTime: Int64, endTime: Int64? = nil, bucketWidth: BucketWidth = .day,
    groupBy: [String] = [], filters: [QueryFilter] = [], limit: Int? = nil
  ) {
    self.endpoint = endpoint
    self.startTime = startTime
    self.endTime = endTime
    self.bucketWidth = bucketWidth
    self.groupBy = groupBy
    self.filters = filters
    self.limit = limit
  }

  /// The `limit` sent: the given one clamped to 1…maximum, or the maximum for the bucket width.
  public var effectiveLimit: Int {
    let maximum = endpoint.limit(for: bucketWidth)?.maximum ?? 1
    return min(max(limit ?? maximum, 1), maximum)
  }

  /// The query items for the whole window and an optional cursor.
  public func queryItems(page: String? = nil) -> [QueryItem] {
    queryItems(start: startTime, end: endTime, page: page)
  }

  /// The query items for the window `start..<end` (nil = open end) and an optional cursor, in the
  /// order sent: `start_time`, `end_time`, `bucket_width`, `group_by`…, filters…, `limit`, `page`.
  public func queryItems(start: Int64, end: Int64?, page: String?) -> [QueryItem] {
    var items = [QueryItem("start_time", String(start))]
    if let end { items.append(QueryItem("end_time", String(end))) }
    items.append(QueryItem("bucket_width", bucketWidth.rawValue))
    items += groupBy.map { QueryItem("group_by", $0) }
    for filter in filters {
      items += filter.values.map { QueryItem(filter.name, $0) }
    }
    items.append(QueryItem("limit", String(effectiveLimit)))
    if let page { items.append(QueryItem("page", page)) }
    return items
  }

  /// Checks the query against the catalog.
  ///
  /// - Throws: `UsageAPIError.invalidQuery` naming what is wrong and what is allowed.
  public func validate() throws(UsageAPIError) {
    let name = endpoint.name
    guard endpoint.isBucketed else {
      throw .invalidQuery(endpoint: name, message: "'\(name)' is a list; it takes no time window")
    }
    guard endpoint.bucketWidths.contains(bucketWidth) else {
      let allowed = endpoint.bucketWidths.map(\.rawValue).joined(separator: ", ")
      throw .invalidQuery(
        endpoint: name, message: "bucket width '\(bucketWidth)' is not allowed; expected \(allowed)"
      )
    }
    for key in groupBy where !endpoint.groupByKeys.contains(key) {
      let allowed = endpoint.groupByKeys.joined(separator: ", ")
      throw .invalidQuery(
        endpoint: name,
        message: "'\(key)' is not a group key of '\(name)'; expected one of \(allowed)")
    }
    for filter in filters {
      try validate(filter)
    }
    try validateTimes()
  }

  private func validate(_ filter: QueryFilter) throws(UsageAPIError) {
    guard let known = endpoint.filters.first(where: { $0.apiName == filter.name }) else {
      let allowed = endpoint.filters.map(\.apiName).joined(separator: ", ")
      throw .invalidQuery(
        endpoint: endpoint.name,
        message:
          "'\(filter.name)' is not a filter of '\(endpoint.name)'; expected one of \(allowed)")
    }
    if known.isBoolean, filter.values != ["true"], filter.values != ["false"] {
      throw .invalidQuery(
        endpoint: endpoint.name, message: "'\(filter.name)' expects true or false")
    }
    for value in filter.values
    where !known.allowedValues.isEmpty && !known.allowedValues.contains(value) {
      let allowed = known.allowedValues.joined(separator: ", ")
      throw .invalidQuery(
        endpoint: endpoint.name,
        message: "'\(value)' is not a value of '\(filter.name)'; expected one of \(allowed)")
    }
  }

  /// Seconds since the epoch of 2100-01-01: a later start is almost surely milliseconds.
  static let latestPlausibleTime: Int64 = 4_102_444_800

  private func validateTimes() throws(UsageAPIError) {
    guard startTime >= 0, startTime < Self.latestPlausibleTime else {
      throw .invalidQuery(
        endpoint: endpoint.name,
        message: "start time \(startTime) is not plausible seconds since 1970 (milliseconds?)")
    }
    if let endTime, endTime <= startTime {
      throw .invalidQuery(
        endpoint: endpoint.name, message: "end time \(endTime) is not after start time \(startTime)"
      )
    }
  }
}

extension Endpoint {
  /// The catalog endpoint named `name`; a precondition failure for unknown names (tests, literals).
  public static func named(_ name: String) -> Endpoint {
    guard let endpoint = EndpointCatalog.endpoint(named: name) else {
      preconditionFailure("unknown endpoint '\(name)'")
    }
    return endpoint
  }

  /// `completions`.
  public static var completions: Endpoint { named("completions") }
  /// `costs`.
  public static var costs: Endpoint { named("costs") }
}
