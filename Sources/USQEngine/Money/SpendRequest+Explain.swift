extension SpendRequest {
  /// The source lines of `explain load spend …`: every request, then the join — which usage
  /// quantity each kind of line item counts.
  var explainLines: [String] {
    var lines = [
      "  1. load spend  [at the API: \(requests.count) requests at once, then split locally]"
    ]
    let width = requests.map(\.endpoint.name.count).max() ?? 0
    for request in requests {
      let padding = String(repeating: " ", count: width - request.endpoint.name.count)
      lines.append(
        "     \(request.endpoint.name)\(padding)  "
          + Plan.parameters(request).joined(separator: "  "))
    }
    lines.append(
      "     join: each costs row's amount is split over the usage rows of its day and project"
        + " whose model and tier its line item names, by quantity:")
    let endpoints = usage.map(\.endpoint.name)
    for kind in LineItemKind.allCases {
      let sources = endpoints.compactMap { endpoint -> String? in
        let formula = kind.formula(endpoint: endpoint)
        return formula.isEmpty ? nil : "\(endpoint) \(formula)"
      }
      let label = "MODEL, \(kind.rawValue)"
      let padding = String(repeating: " ", count: max(0, 20 - label.count))
      lines.append("       \(label)\(padding) ← " + sources.joined(separator: "; "))
    }
    let keys = groupKeys.joined(separator: ", ")
    lines.append(
      "     other line items, or none of that usage that day: kept whole, \(keys) null,"
        + " attributed = false")
    return lines
  }
}
