/// A token line item of the Costs API, read as `[TIER | ]MODEL, KIND[ (TIER)]`
/// (LANGUAGE.md contract v2, "Line items usq understands").
///
/// Matching is case-insensitive and ignores surrounding blanks, so the parts are kept lowercased
/// and trimmed. Anything else (tools, storage, images) does not parse: `init(parsing:)` gives
/// `nil`, and `load spend` keeps such a line item whole.
///
/// ```swift
/// LineItem(parsing: "gpt-4o-2024-08-06, cached input (batch)")
/// // model "gpt-4o-2024-08-06", kind .cachedInput, tier "batch"
/// LineItem(parsing: "flex | o3, output")   // model "o3", kind .output, tier "flex"
/// LineItem(parsing: "Web search tool calls") // nil
/// ```
public struct LineItem: Sendable, Hashable {
  /// The billed model, lowercased (`gpt-4o-2024-08-06`, `ft-gpt-4o-mini-2024-07-18`).
  public var model: String
  /// Which usage quantity it bills.
  public var kind: LineItemKind
  /// The service tier: `default`, `batch`, `flex`, `priority` or `scale`.
  public var tier: String

  /// The tiers a line item may name (absent: `default`).
  public static let tiers = ["batch", "flex", "priority", "scale"]

  /// Creates a line item from its parts.
  public init(model: String, kind: LineItemKind, tier: String = "default") {
    self.model = model
    self.kind = kind
    self.tier = tier
  }

  /// Reads `text`; `nil` when it is not a token line item of the grammar.
  public init?(parsing text: String) {
    var rest = Substring(text.lowercased())
    var tiers: [String] = []
    if let bar = rest.firstIndex(of: "|") {
      guard let tier = Self.tier(rest[..<bar]) else { return nil }
      tiers.append(tier)
      rest = rest[rest.index(after: bar)...]
    }
    rest = Self.trimmed(rest)
    if rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") {
      guard let tier = Self.tier(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
      else { return nil }
      tiers.append(tier)
      rest = rest[..<open]
    }
    // Both forms at once must agree (`batch | m, input (batch)`); two different tiers mean nothing.
    guard Set(tiers).count <= 1 else { return nil }
    let parts = rest.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return nil }
    let model = Self.trimmed(parts[0])
    let kindWords = parts[1].split(whereSeparator: Self.isBlank).joined(separator: " ")
    guard !model.isEmpty, !model.contains(where: Self.isBlank),
      let kind = LineItemKind(rawValue: kindWords)
    else { return nil }
    self.init(model: String(model), kind: kind, tier: tiers.first ?? "default")
  }

  /// The line item as the grammar writes it, tier as a suffix (`o3, output (flex)`).
  public var text: String {
    tier == "default" ? "\(model), \(kind.rawValue)" : "\(model), \(kind.rawValue) (\(tier))"
  }

  private static func tier(_ text: Substring) -> String? {
    let word = String(trimmed(text))
    return tiers.contains(word) ? word : nil
  }

  static func trimmed(_ text: Substring) -> Substring {
    let start = text.firstIndex { !isBlank($0) } ?? text.endIndex
    let end = text.lastIndex { !isBlank($0) }.map(text.index(after:)) ?? start
    return text[start..<max(start, end)]
  }

  static func isBlank(_ character: Character) -> Bool { character.isWhitespace }
}
