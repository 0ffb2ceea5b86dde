/// A filter parameter of an endpoint and the `load` option that sets it.
public struct EndpointFilter: Sendable, Hashable {
  /// usq's `load` option name (`project`, `batch`, `vector_store`); the API name works too.
  public var optionName: String
  /// The API's parameter name (`project_ids`, `batch`, `vector_store_ids`).
  public var apiName: String
  /// The result field it keeps values of (`model` for `models`), for pushing a leading `where`
  /// down into the request; nil when the rows carry no such field.
  public var field: String?
  /// Whether the value is a boolean (`batch`); otherwise a list of strings.
  public var isBoolean: Bool
  /// Values the spec allows (empty = any string).
  public var allowedValues: [String]
  /// What the filter keeps, in plain English.
  public var meaning: String

  /// Creates a filter.
  public init(
    optionName: String, apiName: String, field: String? = nil, isBoolean: Bool = false,
    allowedValues: [String] = [], meaning: String = ""
  ) {
    self.optionName = optionName
    self.apiName = apiName
    self.field = field
    self.isBoolean = isBoolean
    self.allowedValues = allowedValues
    self.meaning = meaning
  }
}
