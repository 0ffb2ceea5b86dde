/// One `load`, resolved: what to ask the API for (the binder computes it from the options).
public struct LoadRequest: Sendable, Hashable {
  /// The endpoint's name (`completions`, `costs`, `projects`).
  public var endpoint: String
  /// The endpoint's kind.
  public var kind: EndpointDescription.Kind
  /// `start_time`: seconds since the epoch, UTC, inclusive (0 for lists).
  public var startTime: Int64
  /// `end_time`: seconds since the epoch, UTC, exclusive; `nil` runs up to now.
  public var endTime: Int64?
  /// `bucket_width` (`nil` for lists).
  public var bucketWidth: APIBucketWidth?
  /// `group_by`, in the order written (`group=`) or first used by the stages.
  public var groupBy: [String]
  /// Filters: API parameter → values, parameters in the order written (then pushed-down ones).
  public var filters: [RequestFilter]
  /// `limit`: buckets per page.
  public var limit: Int?

  /// Creates a request.
  public init(
    endpoint: String, kind: EndpointDescription.Kind, startTime: Int64 = 0, endTime: Int64? = nil,
    bucketWidth: APIBucketWidth? = nil, groupBy: [String] = [], filters: [RequestFilter] = [],
    limit: Int? = nil
  ) {
    self.endpoint = endpoint
    self.kind = kind
    self.startTime = startTime
    self.endTime = endTime
    self.bucketWidth = bucketWidth
    self.groupBy = groupBy
    self.filters = filters
    self.limit = limit
  }

  /// The values of the filter parameter `parameter`, if present.
  public func filter(_ parameter: String) -> [String]? {
    filters.first { $0.parameter == parameter }?.values
  }
}

/// One filter parameter of a request (`models=gpt-4o,o1`, `batch=true`).
public struct RequestFilter: Sendable, Hashable {
  /// The API parameter (`project_ids`, `models`, `batch`).
  public var parameter: String
  /// Its values (`["true"]` for a Boolean).
  public var values: [String]
  /// Whether it came from a leading `where` rather than an option.
  public var isPushedDown: Bool

  /// Creates a filter.
  public init(parameter: String, values: [String], isPushedDown: Bool = false) {
    self.parameter = parameter
    self.values = values
    self.isPushedDown = isPushedDown
  }
}

/// One HTTP request a load will make, for `explain` (the data source says what it would send).
public struct PlannedRequest: Sendable, Hashable {
  /// `GET`.
  public var method: String
  /// The URL without query (`https://api.openai.com/v1/organization/usage/completions`).
  public var url: String
  /// The query parameters in the order sent (repeated keys for lists).
  public var parameters: [(String, String)]
  /// How many pages this request is expected to take, when known.
  public var expectedPages: Int?
  /// A free note (`then follows next_page`).
  public var note: String?

  /// Creates a planned request.
  public init(
    method: String = "GET", url: String, parameters: [(String, String)],
    expectedPages: Int? = nil, note: String? = nil
  ) {
    self.method = method
    self.url = url
    self.parameters = parameters
    self.expectedPages = expectedPages
    self.note = note
  }

  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.method == rhs.method && lhs.url == rhs.url && lhs.expectedPages == rhs.expectedPages
      && lhs.note == rhs.note && lhs.parameters.elementsEqual(rhs.parameters, by: ==)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(method)
    hasher.combine(url)
    for (key, value) in parameters {
      hasher.combine(key)
      hasher.combine(value)
    }
  }
}
