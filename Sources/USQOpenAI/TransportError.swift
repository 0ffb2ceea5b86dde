/// A failure below HTTP, as transports report it; the client decides whether to retry.
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The host could not be reached (DNS failure, connection refused, no route). Not retried.
  case unreachable(String)
  /// The connection broke before the whole response arrived. Retried.
  case connectionLost(String)
  /// No response within the timeout. Retried.
  case timedOut

  public var description: String {
    switch self {
    case .unreachable(let detail): "unreachable: \(detail)"
    case .connectionLost(let detail): "connection lost: \(detail)"
    case .timedOut: "timed out"
    }
  }
}
