import Foundation
import USQVocabulary

extension UsageClient {
  // MARK: - One request, retried

  /// Sends `request` until a page decodes, retrying what `retryPolicy` allows.
  ///
  /// - Throws: `UsageAPIError` (classified status, exhausted retries, unreachable host) or
  ///   `.cancelled` as soon as the task is cancelled.
  func send(
    _ request: HTTPRequest, endpoint: Endpoint, page: Int, projectID: String? = nil
  ) async throws(UsageAPIError) -> (body: Data, page: DecodedPage) {
    var context = ErrorContext(endpoint: endpoint.name, page: page)
    var attempt = 0
    while true {
      attempt += 1
      if Task.isCancelled { throw .cancelled }
      let failure: RetryPolicy.Failure
      do {
        let response = try await transport.send(request)
        context = self.context(endpoint, page: page, response: response)
        if (200..<300).contains(response.status) {
          do {
            let decoded = try PageDecoder.decodePage(
              response.body, endpoint: endpoint, projectID: projectID)
            return (response.body, decoded)
          } catch {
            context.underlying = "the page is truncated or not JSON (\(Self.describe(error)))"
            failure = .invalidBody
          }
        } else if RetryPolicy.isRetryable(status: response.status),
          response.header("x-should-retry")?.lowercased() != "false"
        {
          failure = .status(response.status, retryAfter: RetryPolicy.retryAfter(response))
        } else {
          throw classify(response, context: context)
        }
      } catch let error as UsageAPIError {
        throw error
      } catch {
        if Task.isCancelled || error is CancellationError { throw .cancelled }
        let (kind, description) = Self.transportFailure(error)
        failure = kind
        context.underlying = redact(description)
        context.status = nil
      }
      switch retryPolicy.decide(failure, attempt: attempt, jitter: jitter()) {
      case .giveUp:
        if failure == .unreachable { throw .networkUnreachable(context) }
        throw .retriesExhausted(context, attempts: attempt)
      case .retry(let seconds):
        do { try await sleep(seconds) } catch { throw .cancelled }
        if Task.isCancelled { throw .cancelled }
      }
    }
  }

  /// The context of a response: status, request ID and a body excerpt with the key redacted.
  func context(_ endpoint: Endpoint, page: Int, response: HTTPResponse) -> ErrorContext {
    let text = String(decoding: response.body.prefix(300), as: UTF8.self)
    return ErrorContext(
      endpoint: endpoint.name, page: page, status: response.status,
      requestID: response.header("x-request-id"), bodyExcerpt: redact(text))
  }

  /// `text` with the API key replaced by `$OPENAI_ADMIN_KEY`.
  func redact(_ text: String) -> String {
    apiKey.isEmpty ? text : text.replacingOccurrences(of: apiKey, with: "$OPENAI_ADMIN_KEY")
  }

  /// A non-retryable response as a typed error.
  func classify(_ response: HTTPResponse, context: ErrorContext) -> UsageAPIError {
    let body = APIErrorBody(response.body)
    let message = redact(body?.message ?? "")
    let isMissingScope = message.lowercased().contains("missing scopes")
    switch response.status {
    case 401 where isMissingScope, 403: return .forbidden(context)
    case 401: return .unauthorized(context)
    case 400:
      return .badRequest(
        context, message: message.isEmpty ? "bad request" : message, param: body?.param)
    default: return .httpStatus(context)
    }
  }

  /// The retry category and a description of a transport error.
  static func transportFailure(_ error: any Error) -> (RetryPolicy.Failure, String) {
    if let error = error as? TransportError {
      switch error {
      case .unreachable: return (.unreachable, error.description)
      case .connectionLost: return (.connectionLost, error.description)
      case .timedOut: return (.timedOut, error.description)
      }
    }
    return (.connectionLost, describe(error))
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? DecodingError {
      switch error {
      case .dataCorrupted(let context): return context.debugDescription
      case .keyNotFound(let key, _): return "missing '\(key.stringValue)'"
      case .typeMismatch(_, let context), .valueNotFound(_, let context):
        return context.debugDescription
      @unknown default: return "\(error)"
      }
    }
    return "\(error)"
  }
}

/// The API's error body: `{"error": {"message", "type", "param", "code"}}`, or `{"error": "text"}`.
struct APIErrorBody: Decodable {
  var message: String?
  var param: String?

  private struct Details: Decodable {
    var message: String?
    var param: String?
  }

  private enum CodingKeys: String, CodingKey { case error }

  init?(_ data: Data) {
    guard let body = try? JSONDecoder().decode(APIErrorBody.self, from: data) else { return nil }
    self = body
  }

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let details = try? container.decode(Details.self, forKey: .error) {
      message = details.message
      param = details.param
    } else {
      message = try container.decode(String.self, forKey: .error)
    }
  }
}
