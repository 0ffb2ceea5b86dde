/// How a usage row names the model and tier a line item is matched against (LANGUAGE.md
/// contract v2: fine-tunes share `ft-BASE`, tiers from `batch` and `service_tier`).
enum UsageMatch {
  /// The line item models a usage `model` matches: itself (lowercased, trimmed) and, for a
  /// fine-tune `ft:BASE:org::id`, also `ft-BASE` (all fine-tunes of BASE share that line item).
  static func models(_ usageModel: String) -> [String] {
    let model = String(LineItem.trimmed(Substring(usageModel.lowercased())))
    guard model.hasPrefix("ft:") else { return [model] }
    let base = model.dropFirst(3).prefix { $0 != ":" }
    guard !base.isEmpty else { return [model] }
    return [model, "ft-" + base]
  }

  /// The tier of a usage row: `batch` when `batch` is true, else its `service_tier`
  /// (lowercased; null or `default` → `default`).
  static func tier(batch: Bool?, serviceTier: String?) -> String {
    if batch == true { return "batch" }
    guard let serviceTier else { return "default" }
    let tier = String(LineItem.trimmed(Substring(serviceTier.lowercased())))
    return tier.isEmpty ? "default" : tier
  }
}
