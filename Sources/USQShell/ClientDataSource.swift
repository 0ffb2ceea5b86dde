import Foundation
import USQEngine
import USQFrame
import USQOpenAI

/// The engine's `DataSource` over the API client: the real API (`source=api`) or the demo
/// organization answering the same requests in-process (`source=demo`).
///
/// Both go through `UsageClient`, so demo data takes the decode path real data takes.
struct ClientDataSource: DataSource {
  let client: UsageClient

  func load(_ request: LoadRequest, progress: @escaping @Sendable (Int, Int?) -> Void) async throws
    -> Frame
  {
    guard let endpoint = EndpointCatalog.endpoint(named: request.endpoint) else {
      throw UsageAPIError.invalidQuery(endpoint: request.endpoint, message: "unknown endpoint")
    }
    if !endpoint.isBucketed {
      return try await client.list(endpoint)
    }
    return try await client.load(Self.query(request, endpoint: endpoint)) { state in
      progress(state.completedWindows, state.totalWindows)
    }
  }

  func plannedRequests(_ request: LoadRequest) -> [USQEngine.PlannedRequest] {
    guard let endpoint = EndpointCatalog.endpoint(named: request.endpoint) else { return [] }
    guard endpoint.isBucketed else {
      let http = client.listRequest(endpoint)
      return [
        USQEngine.PlannedRequest(
          method: http.method, url: client.baseURL + endpoint.path,
          parameters: http.query.map { ($0.name, $0.value) },
          note: endpoint.name == "api_keys" ? "per project, after listing projects" : nil)
      ]
    }
    return client.plan(Self.query(request, endpoint: endpoint)).map { planned in
      USQEngine.PlannedRequest(
        method: planned.request.method, url: client.baseURL + endpoint.path,
        parameters: planned.request.query.map { ($0.name, $0.value) },
        expectedPages: planned.expectedPages,
        note: planned.isCached ? "cached" : nil)
    }
  }

  /// The requests of `request` as `curl` commands, the key written as `$OPENAI_ADMIN_KEY`.
  func curlCommands(_ request: LoadRequest) -> [String] {
    guard let endpoint = EndpointCatalog.endpoint(named: request.endpoint) else { return [] }
    guard endpoint.isBucketed else { return [client.listRequest(endpoint).curlCommand] }
    return client.plan(Self.query(request, endpoint: endpoint)).map(\.request.curlCommand)
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

  static func query(_ request: LoadRequest, endpoint: Endpoint) -> UsageQuery {
    UsageQuery(
      endpoint: endpoint, startTime: request.startTime, endTime: request.endTime,
      bucketWidth: request.bucketWidth.flatMap { BucketWidth(rawValue: $0.rawValue) } ?? .day,
      groupBy: request.groupBy,
      filters: request.filters.map { QueryFilter($0.parameter, $0.values) },
      limit: request.limit)
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
