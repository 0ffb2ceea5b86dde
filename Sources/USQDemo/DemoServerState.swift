import FlyingFox
import Foundation
import USQOpenAI

/// Request counting, fault injection, authentication and logging of the demo server.
actor DemoServerState {
  let options: ServeOptions
  let organization: DemoOrganization
  private var count = 0
  /// Signatures of requests that were faulted; their next attempt succeeds.
  private var faulted: Set<String> = []
  private var log: FileHandle?

  init(options: ServeOptions) throws {
    self.options = options
    organization = DemoOrganization(seed: options.seed)
    if let path = options.logPath {
      if !FileManager.default.fileExists(atPath: path) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
      }
      guard let handle = FileHandle(forWritingAtPath: path) else {
        throw DemoServerError.cannotOpenLog(path)
      }
      handle.seekToEndOfFile()
      log = handle
    }
  }

  func close() {
    try? log?.close()
    log = nil
  }

  func handle(_ request: FlyingFox.HTTPRequest) async -> FlyingFox.HTTPResponse {
    count += 1
    let number = count
    if options.latencyMilliseconds > 0 {
      try? await Task.sleep(nanoseconds: UInt64(options.latencyMilliseconds) * 1_000_000)
    }
    let rawQuery = request.target.query()
    let signature = "\(request.method.rawValue) \(request.path)?\(rawQuery)"
    var fault: String?
    var response: USQOpenAI.HTTPResponse
    if let denied = authenticate(request) {
      response = denied
    } else if faulted.remove(signature) == nil, let injected = injectedFault(number) {
      faulted.insert(signature)
      fault = injected
      response = faultResponse(injected, request: request, rawQuery: rawQuery)
    } else {
      response = await answerConcurrently(request, rawQuery: rawQuery)
    }
    writeLog(request, rawQuery: rawQuery, status: response.status, fault: fault)
    var headers = FlyingFox.HTTPHeaders()
    for header in response.headers { headers[FlyingFox.HTTPHeader(header.name)] = header.value }
    return FlyingFox.HTTPResponse(
      statusCode: HTTPStatusCode(response.status, phrase: Self.phrase(response.status)),
      headers: headers, body: response.body)
  }

  /// The page for `request`, computed off the actor: requests in flight at once are answered
  /// at once, as the real API does (`load spend` fetches costs and usage concurrently).
  private nonisolated func answerConcurrently(
    _ request: FlyingFox.HTTPRequest, rawQuery: String
  ) async -> USQOpenAI.HTTPResponse {
    answer(request, rawQuery: rawQuery)
  }

  private nonisolated func answer(_ request: FlyingFox.HTTPRequest, rawQuery: String)
    -> USQOpenAI.HTTPResponse
  {
    let now = options.now ?? DemoClock.system()
    let demoRequest = USQOpenAI.HTTPRequest(
      method: request.method.rawValue, baseURL: "", path: request.path,
      query: QueryEncoding.decode(rawQuery))
    return organization.respond(to: demoRequest, now: now)
  }

  private func injectedFault(_ number: Int) -> String? {
    if options.failEvery > 0, number % options.failEvery == 0 { return "429" }
    if options.error500Every > 0, number % options.error500Every == 0 { return "500" }
    if options.truncateEvery > 0, number % options.truncateEvery == 0 { return "truncate" }
    return nil
  }

  private func faultResponse(_ fault: String, request: FlyingFox.HTTPRequest, rawQuery: String)
    -> USQOpenAI.HTTPResponse
  {
    switch fault {
    case "429":
      var response = DemoRequestError(
        status: 429, message: "Rate limit reached for requests. Please try again in 1s.",
        type: "requests", param: nil, code: "rate_limit_exceeded"
      ).response
      response.headers.append(USQOpenAI.HTTPHeader("Retry-After", "1"))
      return response
    case "500":
      return DemoRequestError(
        status: 500,
        message: "The server had an error while processing your request. Sorry about that!",
        type: "server_error", param: nil, code: nil
      ).response
    default:
      var response = answer(request, rawQuery: rawQuery)
      response.body = response.body.prefix(max(1, response.body.count / 2))
      return response
    }
  }

  /// 401 without the right bearer key, 403 for a project key (`sk-proj-…`); nil when allowed.
  private func authenticate(_ request: FlyingFox.HTTPRequest) -> USQOpenAI.HTTPResponse? {
    let header = request.headers[FlyingFox.HTTPHeader("Authorization")] ?? ""
    let token = header.hasPrefix("Bearer ") ? String(header.dropFirst(7)) : nil
    if let token, token.hasPrefix("sk-proj-") {
      return DemoRequestError(
        status: 403,
        message: Self.projectKeyMessage,
        type: "invalid_request_error", param: nil, code: "insufficient_permissions"
      ).response
    }
    guard let expected = options.key, token != expected else { return nil }
    let message =
      token == nil ? Self.missingKeyMessage : Self.wrongKeyMessage
    return DemoRequestError(
      status: 401, message: message, type: "invalid_request_error", param: nil,
      code: token == nil ? nil : "invalid_api_key"
    ).response
  }

  private func writeLog(
    _ request: FlyingFox.HTTPRequest, rawQuery: String, status: Int, fault: String?
  ) {
    guard let log else { return }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let line =
      DemoJSON.object([
        ("time", .string(formatter.string(from: Date()))),
        ("method", .string(request.method.rawValue)),
        ("path", .string(request.path)), ("query", .string(rawQuery)),
        ("status", .int(Int64(status))),
        ("fault", .optional(fault)),
      ]).text + "\n"
    log.write(Data(line.utf8))
  }

  static let projectKeyMessage =
    "You have insufficient permissions for this operation. Missing scopes: api.usage.read. "
    + "Project API keys cannot read organization usage; use an admin key."
  static let missingKeyMessage =
    "You didn't provide an API key. You need to provide your API key in an Authorization header "
    + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
  static let wrongKeyMessage =
    "Incorrect API key provided. You can find your API key at "
    + "https://platform.openai.com/account/api-keys."

  static func phrase(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 429: "Too Many Requests"
    default: "Internal Server Error"
    }
  }
}
