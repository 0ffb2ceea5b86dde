import USQFrame

/// What the binder needs to know about one endpoint of the API (supplied by the shell, which
/// builds these from the OpenAI endpoint catalog; the engine never imports it).
public struct EndpointDescription: Sendable, Hashable {
  /// The three shapes of endpoint.
  public enum Kind: String, Sendable, Hashable {
    /// A usage endpoint: time buckets of results (`completions`, `images`, …).
    case usage
    /// The costs endpoint: time buckets of cost results, `1d` buckets only.
    case costs
    /// An organization list (`projects`, `users`, `api_keys`): objects, no window.
    case list
  }

  /// The endpoint's name in usq (`completions`, `audio_speeches`, `api_keys`).
  public var name: String
  /// Usage, costs or list.
  public var kind: Kind
  /// One line saying what it holds, for `fields` and `help`.
  public var summary: String
  /// The result fields, in frame order (`start_time` and `end_time` first for usage and costs).
  public var fields: [FieldDescription]
  /// The valid `group=` keys, in the API's order.
  public var groupKeys: [String]
  /// Filter options: usq option → API parameter.
  public var filters: [FilterOption]
  /// The accepted bucket widths with their page limits (empty for lists).
  public var bucketWidths: [BucketWidthLimit]

  /// Creates a description.
  public init(
    name: String, kind: Kind, summary: String, fields: [FieldDescription], groupKeys: [String] = [],
    filters: [FilterOption] = [], bucketWidths: [BucketWidthLimit] = []
  ) {
    self.name = name
    self.kind = kind
    self.summary = summary
    self.fields = fields
    self.groupKeys = groupKeys
    self.filters = filters
    self.bucketWidths = bucketWidths
  }

  /// The frame's schema when every field is loaded.
  public var schema: Schema { Schema(fields.map { Field($0.name, $0.kind) }) }

  /// The field named `name`.
  public func field(_ name: String) -> FieldDescription? { fields.first { $0.name == name } }

  /// The limits for `width`, if the endpoint accepts it.
  public func limits(for width: APIBucketWidth) -> BucketWidthLimit? {
    bucketWidths.first { $0.width == width }
  }

  /// Whether this endpoint has time buckets (usage and costs).
  public var isTimeSeries: Bool { kind != .list }
}

// MARK: - Parts

/// One result field of an endpoint.
public struct FieldDescription: Sendable, Hashable {
  /// The column name (the API's name; `amount` for `amount.value`).
  public var name: String
  /// The column's kind.
  public var kind: ColumnKind
  /// Whether the field can be null.
  public var isNullable: Bool
  /// The `group=` key that fills this field (`nil` when it is always filled).
  public var groupKey: String?
  /// What it means, in one or two sentences.
  public var meaning: String

  /// Creates a field.
  public init(
    name: String, kind: ColumnKind, isNullable: Bool = false, groupKey: String? = nil,
    meaning: String = ""
  ) {
    self.name = name
    self.kind = kind
    self.isNullable = isNullable
    self.groupKey = groupKey
    self.meaning = meaning
  }
}

/// A filter option of `load` and the API parameter it becomes.
public struct FilterOption: Sendable, Hashable {
  /// The option key in usq (`project`, `model`, `source`, `vector_store_ids`).
  public var option: String
  /// The API query parameter (`project_ids`, `models`, `sources`).
  public var parameter: String
  /// The result field it filters on, for pushing `where` down (`model` for `models`).
  public var field: String?
  /// Whether the parameter is a Boolean (`batch`) rather than a list of strings.
  public var isBoolean: Bool

  /// Creates a filter option.
  public init(option: String, parameter: String, field: String? = nil, isBoolean: Bool = false) {
    self.option = option
    self.parameter = parameter
    self.field = field
    self.isBoolean = isBoolean
  }
}

/// An API bucket width (`bucket_width`).
public enum APIBucketWidth: String, Sendable, Hashable, CaseIterable, Comparable {
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

  /// The matching time bucket for flooring.
  public var timeBucket: TimeBucket {
    switch self {
    case .minute: .seconds(60)
    case .hour: .hour
    case .day: .day
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.seconds < rhs.seconds }
}

/// A bucket width an endpoint accepts, and its `limit` (buckets per page).
public struct BucketWidthLimit: Sendable, Hashable {
  /// The width.
  public var width: APIBucketWidth
  /// The API's default `limit` for this width.
  public var defaultLimit: Int
  /// The API's maximum `limit` for this width (usq's default).
  public var maximumLimit: Int

  /// Creates a width with its limits.
  public init(width: APIBucketWidth, defaultLimit: Int, maximumLimit: Int) {
    self.width = width
    self.defaultLimit = defaultLimit
    self.maximumLimit = maximumLimit
  }
}

extension FilterOption {
  /// The usq option for an API filter parameter, as LANGUAGE.md names them: `project_ids` →
  /// `project=`, `user_ids` → `user=`, `api_key_ids` → `key=`, `models` → `model=`,
  /// `sources` → `source=`, `sizes` → `size=`, `batch` → `batch=` (Boolean); any other list
  /// parameter drops its plural `s` (`vector_store_ids` → `vector_store=`, field
  /// `vector_store_id`). The API name is accepted as an option too.
  ///
  /// ```swift
  /// endpoint.filter_params.map(FilterOption.forParameter)
  /// ```
  public static func forParameter(_ parameter: String) -> FilterOption {
    switch parameter {
    case "project_ids":
      return FilterOption(option: "project", parameter: parameter, field: "project_id")
    case "user_ids": return FilterOption(option: "user", parameter: parameter, field: "user_id")
    case "api_key_ids":
      return FilterOption(option: "key", parameter: parameter, field: "api_key_id")
    case "batch":
      return FilterOption(option: "batch", parameter: parameter, field: "batch", isBoolean: true)
    default:
      let singular = parameter.hasSuffix("s") ? String(parameter.dropLast()) : parameter
      let option = singular.hasSuffix("_id") ? String(singular.dropLast(3)) : singular
      return FilterOption(option: option, parameter: parameter, field: singular)
    }
  }
}
