import USQFrame

/// The organization's lists (`projects`, `users`, `api_keys`) fetched for `names`, kept for
/// the session so later statements do not fetch them again. Hold one per session and pass it
/// to every `Executor`; `clear()` on `cache clear` or a source change.
public actor ListCache {
  private var frames: [String: Frame] = [:]

  /// An empty cache.
  public init() {}

  /// The list `endpoint`, from the cache or loaded (and kept) through `load`.
  func frame(_ endpoint: String, load: @Sendable () async throws -> Frame) async throws -> Frame {
    if let frame = frames[endpoint] { return frame }
    let frame = try await load()
    frames[endpoint] = frame
    return frame
  }

  /// Forgets every list.
  public func clear() {
    frames = [:]
  }
}
