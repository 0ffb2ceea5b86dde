import USQLanguage
import USQVocabulary

/// The texts of `fields [ENDPOINT [FIELD]]`: the endpoints one line each, every field of an
/// endpoint (type, nullability, which `group=` fills it, meaning), or one field in full.
public struct FieldsCatalog: Sendable {
  /// The endpoints described.
  public let endpoints: [Endpoint]

  /// A catalog for these endpoints.
  public init(endpoints: [Endpoint]) {
    self.endpoints = endpoints
  }

  /// The text for `fields`, `fields ENDPOINT` or `fields ENDPOINT FIELD`, or an error with
  /// "did you mean".
  public func answer(endpoint: Name?, field: Name?) -> CatalogAnswer {
    guard let endpoint else { return .text(overview) }
    guard let description = endpoints.first(where: { $0.name == endpoint.text }) else {
      let names = endpoints.map(\.name)
      return .error(
        .error(
          "fields.unknown-endpoint", "unknown endpoint '\(endpoint.text)'", at: endpoint.span,
          label: "not an endpoint", notes: ["endpoints: \(names.joined(separator: ", "))"],
          help: DidYouMean.help(for: endpoint.text, among: names)))
    }
    let fields = Self.fields(of: description)
    guard let field else { return .text(table(description, fields)) }
    guard let found = fields.first(where: { $0.name == field.text }) else {
      let names = fields.map(\.name)
      return .error(
        .error(
          "fields.unknown-field", "'\(description.name)' has no field '\(field.text)'",
          at: field.span,
          label: "not a field of '\(description.name)'",
          notes: ["fields: \(names.joined(separator: ", "))"],
          help: DidYouMean.help(for: field.text, among: names)))
    }
    return .text(detail(description, found))
  }

  /// The endpoints, one line each.
  public var overview: String {
    let width = (endpoints.map(\.name.count).max() ?? 0) + 2
    var lines = ["endpoints (fields ENDPOINT for their fields):"]
    for endpoint in endpoints {
      lines.append(
        "  " + Self.padded(endpoint.name, width) + Self.padded(endpoint.kind.rawValue, 7)
          + endpoint.summary)
    }
    return lines.joined(separator: "\n")
  }

  /// The frame's fields in order: `start_time`, `end_time` for time series, then the endpoint's.
  static func fields(of endpoint: Endpoint) -> [ResultField] {
    guard endpoint.isBucketed, endpoint.field(named: "start_time") == nil else {
      return endpoint.fields
    }
    return [
      ResultField(
        name: "start_time", kind: .time, meaning: "Start of the bucket, UTC, inclusive."),
      ResultField(
        name: "end_time", kind: .time,
        meaning: "End of the bucket, UTC, exclusive; the bucket still in progress ends at now."),
    ] + endpoint.fields
  }

  private func table(_ endpoint: Endpoint, _ fields: [ResultField]) -> String {
    let nameWidth = max(5, fields.map(\.name.count).max() ?? 0) + 2
    let groupWidth = max(8, fields.compactMap(\.groupKey).map(\.count).max() ?? 0) + 2
    var lines = ["\(endpoint.name) — \(endpoint.summary)"]
    lines.append(
      Self.padded("field", nameWidth) + Self.padded("type", 8) + Self.padded("null", 6)
        + Self.padded("group=", groupWidth) + "meaning")
    for field in fields {
      lines.append(
        Self.padded(field.name, nameWidth) + Self.padded(field.kind.rawValue, 8)
          + Self.padded(field.isNullable ? "yes" : "no", 6)
          + Self.padded(field.groupKey ?? "—", groupWidth)
          + field.meaning)
    }
    if !endpoint.groupKeys.isEmpty {
      lines.append("")
      lines.append("group keys: " + endpoint.groupKeys.joined(separator: ", "))
      lines.append("ungrouped dimension fields are null; fill them with group=KEY,…")
    }
    return lines.joined(separator: "\n")
  }

  private func detail(_ endpoint: Endpoint, _ field: ResultField) -> String {
    var lines = ["\(endpoint.name).\(field.name)"]
    lines.append("  type:     \(field.kind.rawValue)")
    lines.append("  null:     \(field.isNullable ? "yes" : "no")")
    if let key = field.groupKey {
      lines.append("  filled by: group=\(key)   (load \(endpoint.name) group=\(key))")
    }
    lines.append("  meaning:  \(field.meaning)")
    return lines.joined(separator: "\n")
  }

  private static func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }
}
