import USQVocabulary

/// The request side of a query: exact query items and checks against the catalog.
///
/// ```swift
/// query.queryItems(page: nil)   // start_time=…&bucket_width=1h&group_by=model&project_ids=proj_a&limit=168
/// ```
extension UsageQuery {
  /// The query items for the whole window and an optional cursor.
  public func queryItems(page: String? = nil) -> [QueryItem] {
    queryItems(start: startTime, end: endTime, page: page)
  }

  /// The query items for the window `start..<end` (nil = open end) and an optional cursor, in the
  /// order sent: `start_time`, `end_time`, `bucket_width`, `group_by`…, filters…, `limit`, `page`.
  public func queryItems(start: Int64, end: Int64?, page: String?) -> [QueryItem] {
    var items = [QueryItem("start_time", String(start))]
    if let end { items.append(QueryItem("end_time", String(end))) }
    if let bucketWidth { items.append(QueryItem("bucket_width", bucketWidth.rawValue)) }
    items += groupBy.map { QueryItem("group_by", $0) }
    for filter in filters {
      items += filter.values.map { QueryItem(filter.name, $0) }
    }
    items.append(QueryItem("limit", String(effectiveLimit)))
    if let page { items.append(QueryItem("page", page)) }
    return items
  }

  /// The bucket width in seconds, for planning windows. `validate()` rejects a bucketed query
  /// without a width and lists are never planned, so the one-day answer for a missing width is
  /// never used to fetch.
  var bucketSeconds: Int64 { bucketWidth?.seconds ?? BucketWidth.day.seconds }

  /// Checks the query against the catalog.
  ///
  /// - Throws: `UsageAPIError.invalidQuery` naming what is wrong and what is allowed.
  public func validate() throws(UsageAPIError) {
    let name = endpoint.name
    guard endpoint.isBucketed else {
      throw .invalidQuery(endpoint: name, message: "'\(name)' is a list; it takes no time window")
    }
    guard let bucketWidth, endpoint.bucketWidths.contains(bucketWidth) else {
      let allowed = endpoint.bucketWidths.map(\.rawValue).joined(separator: ", ")
      throw .invalidQuery(
        endpoint: name,
        message:
          "bucket width '\(bucketWidth?.rawValue ?? "none")' is not allowed; expected \(allowed)"
      )
    }
    for key in groupBy where !endpoint.groupKeys.contains(key) {
      let allowed = endpoint.groupKeys.joined(separator: ", ")
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
