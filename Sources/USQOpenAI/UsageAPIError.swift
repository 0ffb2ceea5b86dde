/// Where and how a request failed: everything but the key.
public struct ErrorContext: Sendable, Hashable {
  /// The endpoint name (`completions`, `projects`, …).
  public var endpoint: String
  /// The 1-based page number within its window, if a page was being fetched.
  public var page: Int?
  /// The HTTP status of the last response, if one arrived.
  public var status: Int?
  /// The `x-request-id` header of the last response, for OpenAI support.
  public var requestID: String?
  /// The first 300 characters of the last body, with the key redacted.
  public var bodyExcerpt: String?
  /// A description of the underlying error (transport or decoding), if any.
  public var underlying: String?

  public init(
    endpoint: String, page: Int? = nil, status: Int? = nil, requestID: String? = nil,
    bodyExcerpt: String? = nil, underlying: String? = nil
  ) {
    self.endpoint = endpoint
    self.page = page
    self.status = status
    self.requestID = requestID
    self.bodyExcerpt = bodyExcerpt
    self.underlying = underlying
  }
}

/// A failure talking to the Usage API, classified. Messages never contain the API key.
public enum UsageAPIError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The query itself is invalid (unknown group key or filter, bad window).
  /// Resolution: fix the option the message names; `fields ENDPOINT` lists what is valid.
  case invalidQuery(endpoint: String, message: String)
  /// HTTP 401: the key is missing, invalid, revoked, or not an admin key.
  /// Resolution: create an organization admin key (platform.openai.com → settings → organization →
  /// admin keys) and set `OPENAI_ADMIN_KEY`, or pass `--key-file`.
  case unauthorized(ErrorContext)
  /// HTTP 403, or "Missing scopes: api.usage.read": a project key (or a restricted admin key
  /// without usage read) was used. Resolution: use an organization admin key with usage read.
  case forbidden(ErrorContext)
  /// HTTP 400: the API rejected a parameter. Resolution: change the parameter the API names.
  case badRequest(ErrorContext, message: String, param: String?)
  /// Any other non-retryable status (404, …). Resolution: check `OPENAI_BASE_URL` and the endpoint.
  case httpStatus(ErrorContext)
  /// The host could not be reached (DNS, refused connection, no network).
  /// Resolution: check the network and `OPENAI_BASE_URL`, or use `set source=demo`.
  case networkUnreachable(ErrorContext)
  /// Every attempt failed with a retryable problem (429, 5xx, cut connection, timeout, truncated
  /// body). Resolution: wait a minute and run the query again; a smaller window helps.
  case retriesExhausted(ErrorContext, attempts: Int)
  /// A page could not be understood even though it arrived whole.
  /// Resolution: report it with the request ID; `read` a saved copy to inspect it.
  case invalidResponse(ErrorContext)
  /// The API returned a cursor it had already returned: paging would loop.
  /// Resolution: run again; if it repeats, narrow the window and report it with the request ID.
  case repeatedCursor(ErrorContext, cursor: String)
  /// A window needed more pages than the safety cap. Resolution: use a narrower window.
  case tooManyPages(ErrorContext, limit: Int)
  /// The task was cancelled (Ctrl-C); every request in flight was abandoned. Nothing to do.
  case cancelled

  /// The context, when there is one.
  public var context: ErrorContext? {
    switch self {
    case .unauthorized(let context), .forbidden(let context), .badRequest(let context, _, _),
      .httpStatus(let context), .networkUnreachable(let context), .retriesExhausted(let context, _),
      .invalidResponse(let context), .repeatedCursor(let context, _), .tooManyPages(let context, _):
      context
    case .invalidQuery, .cancelled: nil
    }
  }

  /// One line (or a few) saying what failed and what to do.
  public var description: String {
    let suffix = context.map(Self.details) ?? ""
    return message + suffix
  }

  private var message: String {
    switch self {
    case .invalidQuery(let endpoint, let message): "\(endpoint): \(message)"
    case .unauthorized(let context):
      "the API refused the key for '\(context.endpoint)' (HTTP 401): an organization admin key is needed; "
        + "create one at https://platform.openai.com/settings/organization/admin-keys and set OPENAI_ADMIN_KEY"
    case .forbidden(let context):
      "the key may not read usage for '\(context.endpoint)' (\(context.status.map { "HTTP \($0)" } ?? "forbidden")): "
        + "a project key (or an admin key without api.usage.read) was used; an organization admin key is needed"
    case .badRequest(let context, let message, let param):
      "the API rejected the request for '\(context.endpoint)' (HTTP 400): \(message)"
        + (param.map { " (parameter '\($0)')" } ?? "")
    case .httpStatus(let context):
      "unexpected HTTP \(context.status ?? 0) from '\(context.endpoint)'; check OPENAI_BASE_URL"
    case .networkUnreachable(let context):
      "cannot reach the API for '\(context.endpoint)': check the network and OPENAI_BASE_URL, or use 'set source=demo'"
    case .retriesExhausted(let context, let attempts):
      "'\(context.endpoint)' failed after \(attempts) attempts"
        + (context.status.map { " (last status HTTP \($0))" } ?? "")
        + "; wait a minute and try again"
    case .invalidResponse(let context): "could not read a page of '\(context.endpoint)'"
    case .repeatedCursor(let context, let cursor):
      "'\(context.endpoint)' returned the cursor '\(cursor)' twice; stopped instead of looping"
    case .tooManyPages(let context, let limit):
      "'\(context.endpoint)' needed more than \(limit) pages; use a narrower window"
    case .cancelled: "cancelled"
    }
  }

  private static func details(_ context: ErrorContext) -> String {
    var parts: [String] = []
    if let page = context.page { parts.append("page \(page)") }
    if let underlying = context.underlying { parts.append(underlying) }
    if let requestID = context.requestID { parts.append("request id \(requestID)") }
    return parts.isEmpty ? "" : " [" + parts.joined(separator: "; ") + "]"
  }
}
