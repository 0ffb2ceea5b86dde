/// Every endpoint usq can load, with its parameters and result fields.
///
/// The table itself is generated (`EndpointCatalog+Generated.swift`, from
/// `reference/usage-endpoints.json` by `Scripts/gen-catalog.py`); this file holds the lookups.
public enum EndpointCatalog {
  /// The endpoint named `name` (`completions`, `costs`, `api_keys`, …), or nil.
  public static func endpoint(named name: String) -> Endpoint? {
    all.first { $0.name == name }
  }

  /// The usage endpoints and costs (bucketed), in the reference's order.
  public static var bucketed: [Endpoint] { all.filter(\.isBucketed) }

  /// The admin lists: `projects`, `users`, `api_keys`.
  public static var lists: [Endpoint] { all.filter { !$0.isBucketed } }

  /// Every endpoint name, in order.
  public static var names: [String] { all.map(\.name) }

  /// The endpoint whose rows carry `object` (the discriminator of `results` items), or nil.
  public static func endpoint(forResultObject object: String) -> Endpoint? {
    all.first { $0.resultObject == object }
  }
}

extension Endpoint {
  /// The catalog endpoint named `name`; a precondition failure for unknown names (tests, literals).
  public static func named(_ name: String) -> Endpoint {
    guard let endpoint = EndpointCatalog.endpoint(named: name) else {
      preconditionFailure("unknown endpoint '\(name)'")
    }
    return endpoint
  }

  /// `completions`.
  public static var completions: Endpoint { named("completions") }
  /// `costs`.
  public static var costs: Endpoint { named("costs") }
}
