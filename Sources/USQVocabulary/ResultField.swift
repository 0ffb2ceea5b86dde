import USQFrame

/// One column of an endpoint's rows.
public struct ResultField: Sendable, Hashable {
  /// The column name (the API's field name; costs: `amount`, `currency` for `amount.value/currency`).
  public var name: String
  /// Where the value sits in a row object (`["amount", "value"]`, `["owner", "type"]`).
  public var jsonPath: [String]
  /// The column kind.
  public var kind: ColumnKind
  /// Whether the API may send `null`.
  public var isNullable: Bool
  /// Whether the spec requires the field in every row.
  public var isRequired: Bool
  /// The `group_by` key that fills this field (it is null otherwise), if any.
  public var groupKey: String?
  /// What the value means, in plain English (for `fields`).
  public var meaning: String

  /// Creates a field; `jsonPath` defaults to the name.
  public init(
    name: String, jsonPath: [String]? = nil, kind: ColumnKind, isNullable: Bool = false,
    isRequired: Bool = false, groupKey: String? = nil, meaning: String = ""
  ) {
    self.name = name
    self.jsonPath = jsonPath ?? [name]
    self.kind = kind
    self.isNullable = isNullable
    self.isRequired = isRequired
    self.groupKey = groupKey
    self.meaning = meaning
  }
}
