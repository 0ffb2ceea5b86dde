/// One HTTP request a `load` will make, as `explain` shows it (the data source says what it
/// would send, key redacted).
public struct PlannedRequest: Sendable, Hashable {
  /// `GET`.
  public var method: String
  /// The URL without query (`https://api.openai.com/v1/organization/usage/completions`).
  public var url: String
  /// The query parameters in the order sent (repeated keys for lists).
  public var parameters: [(String, String)]
  /// How many pages this request is expected to take, when known.
  public var expectedPages: Int?
  /// A free note (`cached`, `per project, after listing projects`).
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
