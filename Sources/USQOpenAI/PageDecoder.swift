import Foundation
import USQFrame
import USQVocabulary

/// One page of an endpoint, decoded.
public struct DecodedPage: Sendable {
  /// The rows: `start_time`, `end_time` (bucketed endpoints), then the endpoint's fields.
  public var frame: Frame
  /// Whether the API says more pages follow.
  public var hasMore: Bool
  /// The cursor for the next page: `next_page` (usage, costs) or `last_id` (lists).
  public var nextCursor: String?
  /// Rows skipped because their `object` belongs to another endpoint.
  public var skippedRows: Int
  /// The buckets of the page as `(start_time, end_time)` (empty for lists).
  public var buckets: [BucketSpan]
}

/// A bucket's time span, seconds since the epoch, UTC; `end` exclusive.
public struct BucketSpan: Sendable, Hashable {
  public var start: Int64
  public var end: Int64

  public init(start: Int64, end: Int64) {
    self.start = start
    self.end = end
  }
}

/// Turns API pages (JSON bytes) into frames, with the catalog's columns.
///
/// The same decoder serves `load` and `read` of saved pages, so both give the same frame.
public enum PageDecoder {
  /// The frame of `data`: one page, or a JSON array of pages, of `endpoint`.
  ///
  /// Usage and costs pages go through `PageScanner` first; this Codable decoder decides
  /// the shapes the scanner does not know.
  ///
  /// - Throws: `PageScanError` for invalid JSON; `DecodingError` when valid JSON is not a page
  ///   (no `data`, a bucket without times).
  public static func decode(_ data: Data, endpoint: Endpoint) throws -> Frame {
    if let frame = try PageScanner.frame(data, endpoint: endpoint) { return frame }
    return try decodeWithCodable(data, endpoint: endpoint)
  }

  /// `decode` without the scanner (the reference the scanner is tested against).
  public static func decodeWithCodable(_ data: Data, endpoint: Endpoint) throws -> Frame {
    if data.first(where: { !isWhitespace($0) }) == UInt8(ascii: "[") {
      let pages = try decoder(endpoint, projectID: nil).decode([PageBody].self, from: data)
      return try Frame.concatenate(pages.map { try $0.frame(endpoint) })
    }
    return try decodePage(data, endpoint: endpoint).frame
  }

  /// One page of `endpoint` with its paging facts. For `api_keys`, `projectID` fills `project_id`.
  public static func decodePage(_ data: Data, endpoint: Endpoint, projectID: String? = nil) throws
    -> DecodedPage
  {
    if endpoint.isBucketed, let page = try PageScanner.page(data, endpoint: endpoint) {
      return page
    }
    return try decodePageWithCodable(data, endpoint: endpoint, projectID: projectID)
  }

  /// `decodePage` without the scanner (the reference the scanner is tested against).
  public static func decodePageWithCodable(
    _ data: Data, endpoint: Endpoint, projectID: String? = nil
  ) throws -> DecodedPage {
    let page = try decoder(endpoint, projectID: projectID).decode(PageBody.self, from: data)
    return DecodedPage(
      frame: try page.frame(endpoint), hasMore: page.hasMore,
      nextCursor: endpoint.isBucketed ? page.nextPage : page.lastID,
      skippedRows: page.skippedRows,
      buckets: page.buckets.map { BucketSpan(start: $0.start, end: $0.end) })
  }

  private static func decoder(_ endpoint: Endpoint, projectID: String?) -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.userInfo[.rowPlan] = RowPlan(endpoint, projectID: projectID)
    return decoder
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }
}

extension CodingUserInfoKey {
  /// Where the decoders find the `RowPlan` of the page being decoded.
  fileprivate static let rowPlan: CodingUserInfoKey = {
    guard let key = CodingUserInfoKey(rawValue: "usq.rowPlan") else {
      preconditionFailure("a non-empty literal is always a valid key")
    }
    return key
  }()
}

// MARK: - Codable bodies

/// A coding key for any field name.
private struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

/// A usage/costs page (`object: page`) or a list page (`object: list`).
private struct PageBody: Decodable {
  var buckets: [BucketBody] = []
  var rows: [RowBody] = []
  var hasMore: Bool
  var nextPage: String?
  var lastID: String?

  enum CodingKeys: String, CodingKey {
    case data
    case hasMore = "has_more"
    case nextPage = "next_page"
    case lastID = "last_id"
  }

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let isBucketed = (decoder.userInfo[.rowPlan] as? RowPlan)?.endpoint.isBucketed ?? true
    if isBucketed {
      buckets = try container.decode([BucketBody].self, forKey: .data)
    } else {
      rows = try container.decode([RowBody].self, forKey: .data)
    }
    hasMore = try container.decodeIfPresent(Bool.self, forKey: .hasMore) ?? false
    nextPage = try container.decodeIfPresent(String.self, forKey: .nextPage)
    lastID = try container.decodeIfPresent(String.self, forKey: .lastID)
  }

  var skippedRows: Int {
    buckets.reduce(0) { $0 + $1.results.filter(\.isSkipped).count } + rows.filter(\.isSkipped).count
  }

  func frame(_ endpoint: Endpoint) throws -> Frame {
    var builders = endpoint.fields.map { field in ColumnBuilder(kind: field.kind) }
    var starts = ColumnBuilder(kind: .time)
    var ends = ColumnBuilder(kind: .time)
    func append(_ row: RowBody) {
      for index in builders.indices { builders[index].append(row.values[index]) }
    }
    for bucket in buckets {
      for row in bucket.results where !row.isSkipped {
        starts.append(.time(bucket.start))
        ends.append(.time(bucket.end))
        append(row)
      }
    }
    for row in rows where !row.isSkipped { append(row) }
    let times =
      endpoint.isBucketed ? [("start_time", starts.finish()), ("end_time", ends.finish())] : []
    return try Frame(
      validating: times + zip(endpoint.fields, builders).map { ($0.name, $1.finish()) })
  }
}

private struct BucketBody: Decodable {
  var start: Int64
  var end: Int64
  var results: [RowBody]

  enum CodingKeys: String, CodingKey {
    case start = "start_time"
    case end = "end_time"
    case results
    case result  // the misnamed array of spec versions from 2024-12 to 2025-04
  }

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    start = try container.decode(Int64.self, forKey: .start)
    end = try container.decode(Int64.self, forKey: .end)
    results =
      try container.decodeIfPresent([RowBody].self, forKey: .results)
      ?? container.decodeIfPresent([RowBody].self, forKey: .result) ?? []
  }
}

/// How to read one endpoint's rows: coding keys built once per page, not per row.
private final class RowPlan: Sendable {
  struct Step: Sendable {
    /// Keys per level of the path; several at one level are alternatives (`user|service_account`).
    let levels: [[AnyKey]]
    let kind: ColumnKind
  }

  let endpoint: Endpoint
  let steps: [Step]
  let projectIDColumn: Int?
  let projectID: String?

  init(_ endpoint: Endpoint, projectID: String?) {
    self.endpoint = endpoint
    steps = endpoint.fields.map { field in
      Step(
        levels: field.jsonPath.map { $0.split(separator: "|").map { AnyKey(String($0)) } },
        kind: field.kind)
    }
    projectIDColumn =
      endpoint.kind == .list ? endpoint.fields.firstIndex { $0.name == "project_id" } : nil
    self.projectID = projectID
  }
}

/// One result row or list object: the catalog's fields as values, in catalog order.
private struct RowBody: Decodable {
  var isSkipped = false
  var values: [Value] = []

  private static let objectKey = AnyKey("object")

  init(from decoder: Decoder) throws {
    guard let plan = decoder.userInfo[.rowPlan] as? RowPlan else { return }
    let container = try decoder.container(keyedBy: AnyKey.self)
    if let object = try? container.decodeIfPresent(String.self, forKey: Self.objectKey),
      object != plan.endpoint.resultObject
    {
      isSkipped = true
      return
    }
    values = plan.steps.map { step in
      RowBody.value(container, levels: step.levels[...], kind: step.kind)
    }
    if let index = plan.projectIDColumn, values[index].isNull, let projectID = plan.projectID {
      values[index] = .string(projectID)
    }
  }

  /// The value at the path `levels`, tolerant of numbers sent as strings.
  private static func value(
    _ container: KeyedDecodingContainer<AnyKey>, levels: ArraySlice<[AnyKey]>, kind: ColumnKind
  ) -> Value {
    guard let keys = levels.first else { return .null }
    for key in keys {
      if levels.count > 1 {
        guard let nested = try? container.nestedContainer(keyedBy: AnyKey.self, forKey: key) else {
          continue
        }
        return value(nested, levels: levels.dropFirst(), kind: kind)
      }
      if let value = scalar(container, key: key, kind: kind) { return value }
    }
    return .null
  }

  /// The value at `key`, `.null` for JSON null, nil when the key is absent.
  private static func scalar(
    _ container: KeyedDecodingContainer<AnyKey>, key: AnyKey, kind: ColumnKind
  ) -> Value? {
    switch kind {
    case .int, .time:
      if let number = try? container.decodeIfPresent(Int64.self, forKey: key) {
        return kind == .int ? .int(number) : .time(number)
      }
      guard container.contains(key) else { return nil }
      if (try? container.decodeNil(forKey: key)) == true { return .null }
      let number =
        (try? container.decode(Double.self, forKey: key)).flatMap { Int64(exactly: $0) }
        ?? (try? container.decode(String.self, forKey: key)).flatMap { Int64($0) }
      return number.map { kind == .int ? .int($0) : .time($0) } ?? .null
    case .double:
      if let number = try? container.decodeIfPresent(Double.self, forKey: key) {
        return .double(number)
      }
      guard container.contains(key) else { return nil }
      let text = try? container.decode(String.self, forKey: key)
      return text.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map(Value.double)
        ?? .null
    case .bool:
      if let flag = try? container.decodeIfPresent(Bool.self, forKey: key) { return .bool(flag) }
      return container.contains(key) ? .null : nil
    case .string:
      if let text = try? container.decodeIfPresent(String.self, forKey: key) {
        return .string(text)
      }
      return container.contains(key) ? .null : nil
    }
  }
}
