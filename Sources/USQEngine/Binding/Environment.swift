import USQFrame
import USQVocabulary

/// Everything outside the statement that binding and running it depend on.
public struct Environment: Sendable {
  /// The endpoints `load` accepts, with their fields, group keys, filters and widths.
  public var endpoints: [Endpoint]
  /// The stored frames (`let NAME = …`), by name, for `from` and `join`.
  public var frames: [String: Frame]
  /// The last result (`_`, a pipeline starting with `|`).
  public var lastResult: Frame?
  /// "Now", in seconds since the epoch, UTC (`USQ_NOW` fixes it).
  public var now: Int64
  /// Whether unique prefixes of endpoints are accepted (at the prompt, never in scripts).
  public var acceptsPrefixes: Bool
  /// The folder relative paths of `read` are resolved against (`nil`: the file source's).
  public var workingDirectory: String?
  /// Where `read` gets files (`nil`: `read` is an error, e.g. in a sandboxed host).
  public var files: (any FileSource)?
  /// The session's time zone for `bucket day|week|month|hour` (`nil`: UTC).
  public var calendarZone: CalendarZone?

  /// Creates an environment.
  public init(
    endpoints: [Endpoint], frames: [String: Frame] = [:], lastResult: Frame? = nil,
    now: Int64, acceptsPrefixes: Bool = false, workingDirectory: String? = nil,
    files: (any FileSource)? = nil
  ) {
    self.endpoints = endpoints
    self.frames = frames
    self.lastResult = lastResult
    self.now = now
    self.acceptsPrefixes = acceptsPrefixes
    self.workingDirectory = workingDirectory
    self.files = files
  }

  /// The endpoint named `name`.
  public func endpoint(named name: String) -> Endpoint? {
    endpoints.first { $0.name == name }
  }
}
