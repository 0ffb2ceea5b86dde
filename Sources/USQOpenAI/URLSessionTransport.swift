import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The network transport: `URLSession` (libcurl on Linux), User-Agent `usq/0.1`.
///
/// Failures below HTTP become `TransportError` (unreachable, connection lost, timed out);
/// cancelling the calling task cancels the request at once and throws `CancellationError`.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
  // @unchecked: `session` is immutable after init and URLSession is thread-safe.
  private let session: URLSession
  private let defaultTimeout: Double

  /// - Parameter timeout: seconds per request when the request gives none.
  public init(timeout: Double = 60) {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.httpAdditionalHeaders = ["User-Agent": "usq/0.1"]
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    session = URLSession(configuration: configuration)
    defaultTimeout = timeout
  }

  deinit { session.finishTasksAndInvalidate() }

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    guard let url = URL(string: request.url) else {
      throw TransportError.unreachable("invalid URL")
    }
    var urlRequest = URLRequest(url: url, timeoutInterval: request.timeout ?? defaultTimeout)
    urlRequest.httpMethod = request.method
    urlRequest.setValue("usq/0.1", forHTTPHeaderField: "User-Agent")
    for header in request.headers {
      urlRequest.setValue(header.value, forHTTPHeaderField: header.name)
    }
    let box = TaskBox()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<HTTPResponse, any Error>) in
        let task = session.dataTask(with: urlRequest) { data, response, error in
          continuation.resume(with: Self.result(data, response, error))
        }
        box.start(task)
      }
    } onCancel: {
      box.cancel()
    }
  }

  private static func result(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?)
    -> Result<HTTPResponse, any Error>
  {
    if let error { return .failure(map(error)) }
    guard let http = response as? HTTPURLResponse else {
      return .failure(TransportError.connectionLost("no HTTP response"))
    }
    let headers = http.allHeaderFields.compactMap { name, value -> HTTPHeader? in
      guard let name = name as? String else { return nil }
      return HTTPHeader(name, "\(value)")
    }
    return .success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
  }

  private static func map(_ error: any Error) -> any Error {
    guard let error = error as? URLError else { return TransportError.connectionLost("\(error)") }
    switch error.code {
    case .cancelled: return CancellationError()
    case .timedOut: return TransportError.timedOut
    case .cannotFindHost, .cannotConnectToHost, .dnsLookupFailed, .notConnectedToInternet,
      .unsupportedURL,
      .badURL:
      return TransportError.unreachable(error.localizedDescription)
    default: return TransportError.connectionLost(error.localizedDescription)
    }
  }
}

/// Holds a data task so that cancellation, which may come first, reaches it.
private final class TaskBox: @unchecked Sendable {
  // @unchecked: every access to the two fields happens under `lock`.
  private let lock = NSLock()
  private var task: URLSessionDataTask?
  private var isCancelled = false

  func start(_ task: URLSessionDataTask) {
    lock.lock()
    self.task = task
    let cancelled = isCancelled
    lock.unlock()
    if cancelled { task.cancel() }
    task.resume()
  }

  func cancel() {
    lock.lock()
    isCancelled = true
    let task = self.task
    lock.unlock()
    task?.cancel()
  }
}
