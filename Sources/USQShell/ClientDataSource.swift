import Foundation
import USQEngine
import USQFrame
import USQOpenAI
import USQVocabulary

/// The engine's `DataSource` over the API client: the real API (`source=api`) or the demo
/// organization answering the same requests in-process (`source=demo`).
///
/// Both go through `UsageClient`, so demo data takes the decode path real data takes.
struct ClientDataSource: DataSource {
  let client: UsageClient

  func load(_ request: UsageQuery, progress: @escaping @Sendable (Int, Int?) -> Void) async throws
    -> Frame
  {
    if !request.endpoint.isBucketed {
      return try await client.list(request.endpoint)
    }
    return try await client.load(request) { state in
      progress(state.completedWindows, state.totalWindows)
    }
  }

  func plannedRequests(_ request: UsageQuery) -> [PlannedRequest] {
    let endpoint = request.endpoint
    guard endpoint.isBucketed else {
      let http = client.listRequest(endpoint)
      return [
        PlannedRequest(
          method: http.method, url: client.baseURL + endpoint.path,
          parameters: http.query.map { ($0.name, $0.value) },
          note: endpoint.name == "api_keys" ? "per project, after listing projects" : nil)
      ]
    }
    return client.plan(request).map { planned in
      PlannedRequest(
        method: planned.request.method, url: client.baseURL + endpoint.path,
        parameters: planned.request.query.map { ($0.name, $0.value) },
        expectedPages: planned.expectedPages,
        note: planned.isCached ? "cached" : nil)
    }
  }

  /// The requests of `request` as `curl` commands, the key written as `$OPENAI_ADMIN_KEY`.
  func curlCommands(_ request: UsageQuery) -> [String] {
    guard request.endpoint.isBucketed else {
      return [client.listRequest(request.endpoint).curlCommand]
    }
    return client.plan(request).map(\.request.curlCommand)
  }

  func decodePages(_ data: Data) throws -> Frame? {
    guard let endpoint = Self.endpoint(of: data) else { return nil }
    return try PageDecoder.decode(data, endpoint: endpoint)
  }

  /// Many files of one endpoint's pages, decoded on both cores by the page scanner.
  func decodePages(batch documents: consuming [Data]) throws -> Frame? {
    let endpoints = documents.map(Self.endpoint(of:))
    guard let endpoint = endpoints.first ?? nil, endpoints.allSatisfy({ $0 == endpoint }) else {
      return nil
    }
    return try PageScanner.frame(documents: consume documents, endpoint: endpoint, threads: 2)
  }

  /// The endpoint whose rows a page holds, from the first `organization.…` object name in it.
  static func endpoint(of data: Data) -> Endpoint? {
    // A byte loop over at most the first MiB: a page's first result names its endpoint near
    // the top. (Foundation's `Data.range(of:in:)` reads the whole of a mapped file.)
    let marker = Array("\"organization.".utf8)
    return data.withUnsafeBytes { raw -> Endpoint? in
      let bytes = UnsafeRawBufferPointer(rebasing: raw.prefix(1 << 20))
      var at = 0
      while at + marker.count <= bytes.count {
        guard bytes[at] == marker[0], bytes[at..<(at + marker.count)].elementsEqual(marker) else {
          at += 1
          continue
        }
        let nameStart = at + 1
        let nameEnd = bytes[nameStart...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        if let endpoint = EndpointCatalog.endpoint(forResultObject: name) { return endpoint }
        at = nameEnd
      }
      return nil
    }
  }
}
