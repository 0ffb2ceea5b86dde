import USQFrame

/// One endpoint of the Usage, Costs or admin list API: what usq's `load ENDPOINT` reads.
///
/// The values come from `reference/usage-endpoints.json` through `Scripts/gen-catalog.py` (see
/// `EndpointCatalog`); the engine binds `load` against them, the client builds requests from
/// them, the demo answers them and `fields`/`help` print them. Tests may build their own.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
  /// How an endpoint pages and what its pages hold.
  public enum Kind: String, Sendable, Hashable {
    /// A `/organization/usage/…` endpoint: pages of time buckets, cursor `next_page`.
    case usage
    /// `/organization/costs`: like `usage`, daily buckets only, money amounts.
    case costs
    /// An admin list (`projects`, `users`, `api_keys`): `{object: "list"}`, paged with `after`;
    /// no time window.
    case list
  }

  /// usq's name: `completions`, …, `costs`, `projects`, `users`, `api_keys`.
  public var name: String
  /// What kind of endpoint this is.
  public var kind: Kind
  /// One line saying what it holds, for `fields` and `help`.
  public var summary: String
  /// The path below the base URL; `{project_id}` for the per-project key list.
  public var path: String
  /// The `object` value of each row (`organization.usage.completions.result`, `organization.project`).
  public var resultObject: String
  /// Allowed `group_by` keys (usq's `group=`), in the reference's order (empty for lists).
  public var groupKeys: [String]
  /// Filter parameters with their `load` option names, in the reference's order.
  public var filters: [EndpointFilter]
  /// `limit` default and maximum per bucket width, in the reference's order (lists: one entry
  /// with `width` nil). The accepted bucket widths are the widths listed here.
  public var limits: [PageLimit]
  /// Columns of the rows, in the reference's order (`object` excluded; usage and costs frames
  /// get `start_time` and `end_time` in front of these).
  public var fields: [ResultField]

  /// Creates an endpoint (the generated catalog; tests build smaller ones).
  public init(
    name: String, kind: Kind, summary: String, path: String = "", resultObject: String = "",
    fields: [ResultField], groupKeys: [String] = [], filters: [EndpointFilter] = [],
    limits: [PageLimit] = []
  ) {
    self.name = name
    self.kind = kind
    self.summary = summary
    self.path = path
    self.resultObject = resultObject
    self.groupKeys = groupKeys
    self.filters = filters
    self.limits = limits
    self.fields = fields
  }

  public var description: String { name }

  /// Whether this endpoint returns time buckets (usage and costs).
  public var isBucketed: Bool { kind != .list }

  /// The accepted bucket widths, in the order of `limits` (empty for lists).
  public var bucketWidths: [BucketWidth] { limits.compactMap(\.width) }

  /// The `limit` rule for `width` (lists: pass nil; an unlisted width gets the first rule).
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
