extension LineItem {
  /// What `fields costs line_item` adds: the grammar, an example of each form, and the KIND →
  /// usage quantity table.
  static var grammarLines: [String] {
    var lines = [
      "",
      "  grammar:  usq reads token line items as [TIER | ]MODEL, KIND[ (TIER)]",
      "            TIER: batch flex priority scale (absent: the default tier)",
      "            KIND: \(LineItemKind.allCases.map(\.rawValue).joined(separator: ", "))",
      "  examples: gpt-4o-2024-08-06, input                 default tier",
      "            gpt-4o-2024-08-06, cached input (batch)  tier as a suffix",
      "            priority | o3-2025-04-16, output         tier as a prefix",
      "            ft-gpt-4o-mini-2024-07-18, input         every fine-tune ft:BASE:org::id of BASE",
      "            Web search tool calls                    not a token line item: kept whole",
      "  counts (load spend, price):",
    ]
    for kind in LineItemKind.allCases {
      let label = kind.rawValue + String(repeating: " ", count: 14 - kind.rawValue.count)
      var counts = "completions " + kind.formula(endpoint: "completions")
      let embeddings = kind.formula(endpoint: "embeddings")
      if !embeddings.isEmpty { counts += "; embeddings " + embeddings }
      lines.append("            \(label)\(counts)")
    }
    lines.append(
      "  matching: same UTC day and project; case-insensitive; TIER batch = usage batch=true,")
    lines.append("            others = service_tier (default: 'default' or null)")
    return lines
  }
}
