/// A named, typed column slot.
public struct Field: Sendable, Hashable, CustomStringConvertible {
  public var name: String
  public var kind: ColumnKind

  public init(_ name: String, _ kind: ColumnKind) {
    self.name = name
    self.kind = kind
  }

  public var description: String { "\(name): \(kind)" }
}

/// The ordered fields of a frame.
public struct Schema: Sendable, Hashable, CustomStringConvertible {
  public var fields: [Field]

  public init(_ fields: [Field]) { self.fields = fields }

  /// Column names in order.
  public var names: [String] { fields.map(\.name) }

  /// The position of the column named `name`.
  public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }

  /// The field named `name`.
  public subscript(name: String) -> Field? { index(of: name).map { fields[$0] } }

  public var description: String { fields.map(\.description).joined(separator: ", ") }
}
