import USQFrame

/// One endpoint of the Usage, Costs or admin list API, as the reference describes it.
///
/// The values come from `reference/usage-endpoints.json` through `Scripts/gen-catalog.py`;
/// see `EndpointCatalog`.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
  /// How an endpoint pages and what its pages hold.
  public enum Kind: String, Sendable, Hashable {
    /// A `/organization/usage/…` endpoint: pages of time buckets, cursor `next_page`.
    case usage
    /// `/organization/costs`: like `usage`, daily buckets only, money amounts.
    case costs
    /// An admin list (`projects`, `users`, `api_keys`): `{object: "list"}`, paged with `after`.
    case list
  }

  /// usq's name: `completions`, …, `costs`, `projects`, `users`, `api_keys`.
  public let name: String
  /// What kind of endpoint this is.
  public let kind: Kind
  /// The path below the base URL; `{project_id}` for the per-project key list.
  public let path: String
  /// The `object` value of each row (`organization.usage.completions.result`, `organization.project`).
  public let resultObject: String
  /// Allowed bucket widths (empty for lists).
  public let bucketWidths: [BucketWidth]
  /// Allowed `group_by` keys, in the reference's order (empty for lists).
  public let groupByKeys: [String]
  /// Filter parameters, in the reference's order.
  public let filters: [EndpointFilter]
  /// `limit` default and maximum per bucket width (lists: one entry with `width` nil).
  public let limits: [PageLimit]
  /// Columns of the rows, in the reference's order (`object` excluded; usage and costs frames
  /// get `start_time` and `end_time` in front of these).
  public let fields: [ResultField]

  public init(
    name: String, kind: Kind, path: String, resultObject: String, bucketWidths: [BucketWidth],
    groupByKeys: [String], filters: [EndpointFilter], limits: [PageLimit], fields: [ResultField]
  ) {
    self.name = name
    self.kind = kind
    self.path = path
    self.resultObject = resultObject
    self.bucketWidths = bucketWidths
    self.groupByKeys = groupByKeys
    self.filters = filters
    self.limits = limits
    self.fields = fields
  }

  public var description: String { name }

  /// Whether this endpoint returns time buckets (usage and costs).
  public var isBucketed: Bool { kind != .list }

  /// The `limit` rule for `width` (lists: pass nil).
  public func limit(for width: BucketWidth?) -> PageLimit? {
    limits.first { $0.width == width } ?? limits.first
  }

  /// The filter whose usq option name (`project`) or API name (`project_ids`) is `name`.
  public func filter(named name: String) -> EndpointFilter? {
    filters.first { $0.optionName == name } ?? filters.first { $0.apiName == name }
  }

  /// The field named `name`.
  public func field(named name: String) -> ResultField? { fields.first { $0.name == name } }

  /// The frame schema `load` builds: `start_time`, `end_time` (bucketed endpoints), then `fields`.
  public var schema: Schema {
    let times = isBucketed ? [Field("start_time", .time), Field("end_time", .time)] : []
    return Schema(times + fields.map { Field($0.name, $0.kind) })
  }
}

/// A time bucket width.
public enum BucketWidth: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case minute = "1m"
  case hour = "1h"
  case day = "1d"

  /// The width in seconds.
  public var seconds: Int64 {
    switch self {
    case .minute: 60
    case .hour: 3_600
    case .day: 86_400
    }
  }

  public var description: String { rawValue }
}

/// A filter parameter of an endpoint.
public struct EndpointFilter: Sendable, Hashable {
  /// The API's parameter name (`project_ids`, `batch`, `vector_store_ids`).
  public let apiName: String
  /// usq's `load` option name (`project`, `batch`, `vector_store_ids`).
  public let optionName: String
  /// Whether the value is a boolean (`batch`); otherwise an array of strings.
  public let isBoolean: Bool
  /// Values the spec allows (empty = any string).
  public let allowedValues: [String]
  /// What the filter keeps, in plain English.
  public let meaning: String

  public init(
    apiName: String, optionName: String, isBoolean: Bool, allowedValues: [String], meaning: String
  ) {
    self.apiName = apiName
    self.optionName = optionName
    self.isBoolean = isBoolean
    self.allowedValues = allowedValues
    self.meaning = meaning
  }
}

/// The `limit` parameter's default and maximum, in buckets per page (lists: objects per page).
public struct PageLimit: Sendable, Hashable {
  /// The bucket width this applies to; nil for list endpoints.
  public let width: BucketWidth?
  public let defaultValue: Int
  public let maximum: Int

  public init(width: BucketWidth?, defaultValue: Int, maximum: Int) {
    self.width = width
    self.defaultValue = defaultValue
    self.maximum = maximum
  }
}

/// One column of an endpoint's rows.
public struct ResultField: Sendable, Hashable {
  /// The column name (the API's field name; costs: `amount`, `currency` for `amount.value/currency`).
  public let name: String
  /// Where the value sits in a row object (`["amount", "value"]`, `["owner", "type"]`).
  public let jsonPath: [String]
  /// The column kind.
  public let kind: ColumnKind
  /// Whether the API may send `null`.
  public let isNullable: Bool
  /// Whether the spec requires the field in every row.
  public let isRequired: Bool
  /// The `group_by` key that fills this field (it is null otherwise), if any.
  public let groupKey: String?
  /// What the value means, in plain English (for `fields`).
  public let meaning: String

  public init(
    name: String, jsonPath: [String], kind: ColumnKind, isNullable: Bool, isRequired: Bool,
    groupKey: String?, meaning: String
  ) {
    self.name = name
    self.jsonPath = jsonPath
    self.kind = kind
    self.isNullable = isNullable
    self.isRequired = isRequired
    self.groupKey = groupKey
    self.meaning = meaning
  }
}
