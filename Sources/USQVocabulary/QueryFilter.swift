/// One filter parameter of a query: the API name and its values (`models=gpt-4o,o1`).
public struct QueryFilter: Sendable, Hashable {
  /// The API parameter name (`project_ids`, `batch`, `context_levels`).
  public var name: String
  /// The values, sent as repeated keys; a boolean filter holds one `true` or `false`.
  public var values: [String]
  /// Whether the binder added it from a leading `where` rather than an option (`explain` says so).
  public var isPushedDown: Bool

  /// Creates a filter.
  public init(_ name: String, _ values: [String], isPushedDown: Bool = false) {
    self.name = name
    self.values = values
    self.isPushedDown = isPushedDown
  }

  /// A boolean filter (`batch`), written in lowercase.
  public static func boolean(_ name: String, _ value: Bool) -> QueryFilter {
    QueryFilter(name, [value ? "true" : "false"])
  }
}
