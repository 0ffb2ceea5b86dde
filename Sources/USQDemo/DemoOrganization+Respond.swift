import Foundation
import USQOpenAI
import USQVocabulary

extension DemoOrganization {
  /// Answers one API request the way the OpenAI API would, for the organization as of `now`.
  ///
  /// Serves the ten usage endpoints, costs, and the admin lists (projects, users, project API
  /// keys, service accounts and users, plus the single-object lookups). Paths may carry the
  /// `/v1` prefix. Bad parameters get the API's 400 error body; unknown paths 404.
  ///
  /// - Parameters:
  ///   - request: the request; only method, path and query are read (no authentication here).
  ///   - now: the current time, seconds since the epoch, UTC; there is no usage after it.
  /// - Returns: a 200 response with a JSON page, or an error response.
  public func respond(to request: HTTPRequest, now: Int64) -> HTTPResponse {
    do {
      let json = try answer(request, now: now)
      return HTTPResponse(
        status: 200, headers: [HTTPHeader("Content-Type", "application/json")],
        body: Data(json.bytes))
    } catch {
      return error.response
    }
  }

  private func answer(_ request: HTTPRequest, now: Int64) throws(DemoRequestError) -> DemoJSON {
    var path = request.path
    if path.hasPrefix("/v1/") { path.removeFirst(3) }
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    guard request.method.uppercased() == "GET" else {
      throw .notFound(method: request.method.uppercased(), path: path)
    }
    let query = DemoQuery(request.query)
    if let endpoint = EndpointCatalog.bucketed.first(where: { $0.path == path }) {
      return try bucketPage(endpoint, query: query, now: now)
    }
    if let json = try adminAnswer(path: path, query: query, now: now) { return json }
    throw .notFound(method: "GET", path: path)
  }
}

// MARK: - Buckets

/// The validated parameters of a usage or costs request.
struct DemoBucketRequest {
  let endpoint: Endpoint
  let start: Int64
  let end: Int64
  let width: BucketWidth
  let limit: Int
  let position: Int64
  let groupBy: [DemoDimension]
  /// Dimension → accepted values.
  let filters: [(DemoDimension, Set<String>)]
}

extension DemoOrganization {
  func parseBucketRequest(_ endpoint: Endpoint, query: DemoQuery, now: Int64)
    throws(DemoRequestError) -> DemoBucketRequest
  {
    let common = ["start_time", "end_time", "bucket_width", "group_by", "limit", "page"]
    try query.check(allowed: common + endpoint.filters.map(\.apiName))
    guard let start = try query.time("start_time") else { throw .missing("start_time") }
    let endTime = try query.time("end_time")
    if let endTime, endTime <= start {
      throw .invalid(
        "Invalid value for 'end_time': \(endTime). It must be greater than 'start_time' "
          + "(\(start)).",
        param: "end_time")
    }
    let widthText = query.value("bucket_width") ?? "1d"
    guard let width = BucketWidth(rawValue: widthText), endpoint.bucketWidths.contains(width) else {
      throw .notOneOf("bucket_width", widthText, allowed: endpoint.bucketWidths.map(\.rawValue))
    }
    let rule = endpoint.limit(for: width) ?? PageLimit(width: width, defaultValue: 7, maximum: 31)
    let context = endpoint.bucketWidths.count > 1 ? " for bucket_width '\(width.rawValue)'" : ""
    let limit = try query.limit(
      defaultValue: rule.defaultValue, maximum: rule.maximum, context: context)
    var groupBy: [DemoDimension] = []
    for key in query.all("group_by") {
      guard endpoint.groupKeys.contains(key), let dimension = DemoDimension(key: key) else {
        throw .notOneOf("group_by", key, allowed: endpoint.groupKeys)
      }
      if !groupBy.contains(dimension) { groupBy.append(dimension) }
    }
    let filters = try parseFilters(endpoint, query: query)
    var position = start
    if let page = query.value("page") {
      guard let decoded = DemoCursor.decode(page, seed: seed), decoded >= start else {
        throw .invalid(
          "Invalid value for 'page': '\(page)' is not a valid page cursor.", param: "page")
      }
      position = decoded
    }
    return DemoBucketRequest(
      endpoint: endpoint, start: start, end: endTime ?? now, width: width, limit: limit,
      position: position, groupBy: groupBy, filters: filters)
  }

  private func parseFilters(_ endpoint: Endpoint, query: DemoQuery)
    throws(DemoRequestError) -> [(DemoDimension, Set<String>)]
  {
    var filters: [(DemoDimension, Set<String>)] = []
    for filter in endpoint.filters {
      var key = filter.apiName
      if key.hasSuffix("s") { key.removeLast() }
      guard let dimension = DemoDimension(key: key) else { continue }
      if filter.isBoolean {
        if let value = try query.boolean(filter.apiName) {
          filters.append((dimension, [value ? "true" : "false"]))
        }
        continue
      }
      let values = query.all(filter.apiName)
      guard !values.isEmpty else { continue }
      // `sizes` is a plain string in rows (gpt-image-1 sizes are outside the spec's enum).
      if !filter.allowedValues.isEmpty, filter.apiName != "sizes" {
        for value in values where !filter.allowedValues.contains(value) {
          throw .notOneOf(filter.apiName, value, allowed: filter.allowedValues)
        }
      }
      filters.append((dimension, Set(values)))
    }
    return filters
  }

  /// The buckets of one page: [start, end) pairs, and the next page's start if any remain.
  func pageBuckets(_ request: DemoBucketRequest) -> (buckets: [(Int64, Int64)], next: Int64?) {
    var buckets: [(Int64, Int64)] = []
    var cursor = request.position
    let width = request.width.seconds
    while cursor < request.end, buckets.count < request.limit {
      let boundary = (DemoCalendar.floor(cursor, width) + 1) * width
      let bucketEnd = min(boundary, request.end)
      buckets.append((cursor, bucketEnd))
      cursor = bucketEnd
    }
    return (buckets, cursor < request.end ? cursor : nil)
  }

  /// Whether `stream` passes every filter of `request`.
  func passes(_ stream: DemoStream, _ filters: [(DemoDimension, Set<String>)]) -> Bool {
    for (dimension, accepted) in filters {
      guard let value = stream.value(dimension) else { return false }
      if accepted.contains(value) { continue }
      if dimension == .model, let model = stream.model,
        accepted.contains(DemoModel.lineUp[model].alias)
      {
        continue
      }
      return false
    }
    return true
  }

  func page(_ buckets: [DemoJSON], next: Int64?) -> DemoJSON {
    .object([
      ("object", .string("page")), ("data", .array(buckets)), ("has_more", .bool(next != nil)),
      ("next_page", .optional(next.map { DemoCursor.encode(position: $0, seed: seed) })),
    ])
  }

  func bucket(_ start: Int64, _ end: Int64, results: [DemoJSON]) -> DemoJSON {
    .object([
      ("object", .string("bucket")), ("start_time", .int(start)), ("end_time", .int(end)),
      ("results", .array(results)),
    ])
  }
}
