import Foundation

/// One query parameter, unencoded.
public struct QueryItem: Sendable, Hashable, CustomStringConvertible {
  public var name: String
  public var value: String

  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }

  public var description: String { "\(name)=\(value)" }
}

/// One HTTP header field. Printing it hides the value of `Authorization`.
public struct HTTPHeader: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible
{
  public var name: String
  public var value: String

  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }

  /// `Name: value`, with an `Authorization` value written as `Bearer $OPENAI_ADMIN_KEY`.
  public var description: String {
    name.lowercased() == "authorization" ? "\(name): Bearer $OPENAI_ADMIN_KEY" : "\(name): \(value)"
  }

  public var debugDescription: String { description }
}

/// An HTTP request as usq builds it: method, base URL, path and ordered query items.
///
/// The query string is encoded by `QueryEncoding` (unreserved characters only), never by
/// `URLComponents`, so a cursor's `+`, `/` and `=` arrive intact. Printing a request never shows
/// the key.
public struct HTTPRequest: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible
{
  /// `GET` for every endpoint usq calls.
  public var method: String
  /// The base URL without a trailing slash, e.g. `https://api.openai.com/v1`.
  public var baseURL: String
  /// The path below the base URL, e.g. `/organization/usage/completions`.
  public var path: String
  /// The query parameters in the order they are sent; repeated names for arrays.
  public var query: [QueryItem]
  /// Header fields (the `Authorization` header holds the key: never print it).
  public var headers: [HTTPHeader]
  /// Seconds before the request is abandoned; nil = the transport's default.
  public var timeout: Double?

  public init(
    method: String = "GET", baseURL: String, path: String, query: [QueryItem] = [],
    headers: [HTTPHeader] = [], timeout: Double? = nil
  ) {
    self.method = method
    self.baseURL = baseURL
    self.path = path
    self.query = query
    self.headers = headers
    self.timeout = timeout
  }

  /// The percent-encoded query string, without `?`.
  public var queryString: String { QueryEncoding.encode(query) }

  /// The path and query as sent on the request line: `/organization/usage/completions?start_time=…`.
  public var target: String { query.isEmpty ? path : path + "?" + queryString }

  /// The full URL text.
  public var url: String { baseURL + target }

  /// The value of the first header named `name` (case-insensitive).
  public func header(_ name: String) -> String? {
    headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
  }

  /// `GET https://…` and the headers, the key redacted.
  public var description: String {
    ([method + " " + url] + headers.map(\.description)).joined(separator: "\n")
  }

  public var debugDescription: String { description }

  /// The values of query parameter `name`, in order.
  public func queryValues(_ name: String) -> [String] {
    query.filter { $0.name == name }.map(\.value)
  }
}

/// An HTTP response: status, headers and the whole body.
public struct HTTPResponse: Sendable, Hashable {
  public var status: Int
  public var headers: [HTTPHeader]
  public var body: Data

  public init(status: Int, headers: [HTTPHeader] = [], body: Data = Data()) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// The value of the first header named `name` (case-insensitive).
  public func header(_ name: String) -> String? {
    headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
  }
}

/// Sends one HTTP request and returns the whole response.
///
/// Implementations: `URLSessionTransport` (the network), the demo organization (in-process),
/// and test fakes. A transport throws for failures below HTTP (unreachable host, cut connection,
/// timeout); any status, including 4xx/5xx, is a response. Cancelling the calling task should
/// abandon the request and throw `CancellationError`.
public protocol HTTPTransport: Sendable {
  func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
