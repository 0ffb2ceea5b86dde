/// The dimensions a usage row can be grouped by, in a fixed order.
enum DemoDimension: Int, CaseIterable, Sendable {
  case project, user, apiKey, model, batch, serviceTier, size, source, vectorStore, contextLevel
  case lineItem

  /// The `group_by` key and result field name.
  var key: String {
    switch self {
    case .project: "project_id"
    case .user: "user_id"
    case .apiKey: "api_key_id"
    case .model: "model"
    case .batch: "batch"
    case .serviceTier: "service_tier"
    case .size: "size"
    case .source: "source"
    case .vectorStore: "vector_store_id"
    case .contextLevel: "context_level"
    case .lineItem: "line_item"
    }
  }

  init?(key: String) {
    guard let found = Self.allCases.first(where: { $0.key == key }) else { return nil }
    self = found
  }
}

/// The daily and weekly pattern of a stream's traffic.
enum DemoRhythm: Sendable {
  /// People at work: working hours in their time zone, quiet weekends.
  case people
  /// A customer-facing bot: follows its customers' day, but weekends stay busy.
  case customers
  /// Pipelines and batch jobs: round the clock, peaking at night (UTC).
  case batch
}

/// One model of a key's traffic mix; the key's traffic is shared among the members that are
/// live at a given hour, so new models take over from retired ones.
struct DemoMixMember: Sendable {
  let since: Int64
  let until: Int64
  let weight: Double
}

/// The smallest unit of demo traffic: one combination of every dimension of one endpoint.
///
/// Usage of a stream is defined per hour (`DemoStream.hourMetrics`) and split into minutes.
struct DemoStream: Sendable {
  let product: DemoProduct
  /// Distinguishes the stream in every hash.
  let salt: UInt64
  /// Values by `DemoDimension.rawValue`; nil where the endpoint has no such dimension or the
  /// value is null (service-account traffic has no user).
  let dimensions: [String?]
  let project: Int
  /// Index into `DemoModel.lineUp`, if the endpoint has models.
  let model: Int?
  /// Index into `DemoOrganization.vectorStores` (vector store level streams and file search).
  let vectorStore: Int?
  let isServiceAccount: Bool
  let rhythm: DemoRhythm
  /// Expected requests in a peak hour of a weekday at growth 1, before the model mix share.
  let rate: Double
  /// Traffic exists in [since, until).
  let since: Int64
  let until: Int64
  /// The key's model mix this stream belongs to, and its weight in it.
  let mix: Int?
  let mixWeight: Double
  /// Local time offset of the people behind this traffic, in hours.
  let timeZoneOffset: Int64
  /// Scales tokens per request (some keys send long prompts).
  let sizeFactor: Double
  /// Share of input read from the prompt cache (completions).
  let cacheShare: Double

  func value(_ dimension: DemoDimension) -> String? { dimensions[dimension.rawValue] }
}
