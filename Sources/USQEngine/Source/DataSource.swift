import Foundation
import USQFrame
import USQVocabulary

/// Where `load` gets its frames: the real API or the demo organization (the shell adapts
/// `USQOpenAI`/`USQDemo` to this; tests use a fake).
public protocol DataSource: Sendable {
  /// Fetches every page of `request` and returns one frame: for usage and costs `start_time`,
  /// `end_time`, then the endpoint's fields in its description's order; for lists the objects'
  /// fields. Called for `load` and, with a list request, for `names` (cache lists if you can).
  ///
  /// - Parameter progress: called with (pages fetched, pages expected if known).
  /// - Throws: the source's own errors (network, HTTP status, decoding); `CancellationError`.
  func load(_ request: UsageQuery, progress: @escaping @Sendable (Int, Int?) -> Void)
    async throws -> Frame

  /// Every HTTP request `load(request)` would make, for `explain` (key redacted).
  func plannedRequests(_ request: UsageQuery) -> [PlannedRequest]

  /// Decodes JSON that holds API pages (one page object or an array of them) into exactly the
  /// frame `load` would have built; `nil` when `data` is not API pages (then `read` treats it
  /// as flat records).
  ///
  /// - Throws: when it is API pages but malformed.
  func decodePages(_ data: Data) throws -> Frame?

  /// Decodes many files of API pages of one endpoint at once (in parallel where the source
  /// can), giving the frame their pages make one after another; `nil` when they are not all
  /// pages of one endpoint (then `read` takes them file by file). The documents are handed
  /// over: a source that drops each once decoded keeps memory flat over mapped files.
  ///
  /// - Throws: when they are API pages but one is malformed.
  func decodePages(batch documents: consuming [Data]) throws -> Frame?
}

extension DataSource {
  /// No batch decoding: `read` takes the files one by one.
  public func decodePages(batch documents: consuming [Data]) throws -> Frame? { nil }

  /// No planned requests known.
  public func plannedRequests(_ request: UsageQuery) -> [PlannedRequest] { [] }

  /// Never recognises API pages.
  public func decodePages(_ data: Data) throws -> Frame? { nil }
}
