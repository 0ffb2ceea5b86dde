import USQFrame
import USQLanguage
import USQVocabulary

/// Binds `load spend [days= since= until= project= group=K,…]` (LANGUAGE.md contract v2): the
/// window as `load costs` computes it (daily only), the group keys in the order written, and
/// the costs and usage requests.
struct SpendBinder {
  let now: Int64

  /// The options `load spend` takes.
  static let options = ["days", "since", "until", "project", "group"]

  func bind(_ name: Name, options: [OptionSyntax], _ state: inout BindState) -> SpendRequest? {
    let environment = state.environment
    guard let costs = environment.endpoint(named: "costs") else {
      state.report(LoadMessages.unknownEndpoint(name, valid: [], prefixes: false))
      return nil
    }
    let usage = LineItemKind.endpoints.compactMap(environment.endpoint(named:))
    for option in options where !Self.options.contains(option.key.text) {
      state.report(
        LoadMessages.unknownOption(
          option.key, endpoint: Self.description(costs), valid: Self.options))
      return nil
    }
    for option in options where option.key.text == "group" {
      for value in option.values where ["project_id", "line_item"].contains(value.text) {
        state.report(Self.alwaysThere(value))
        return nil
      }
    }
    guard
      let load = LoadBinder(now: now).bind(Self.description(costs), options: options, &state),
      let window = load.window
    else { return nil }
    let written = options.first { $0.key.text == "group" }?.values.map(\.text) ?? ["model"]
    var groupKeys: [String] = []
    for key in written where !groupKeys.contains(key) { groupKeys.append(key) }
    let costsRequest = UsageQuery(
      endpoint: costs, startTime: window.start, endTime: window.end, bucketWidth: .day,
      groupBy: ["project_id", "line_item"], filters: load.filters, limit: load.limit)
    let usageRequests = usage.map { endpoint in
      let wanted = Set(["project_id", "model", "batch", "service_tier"] + groupKeys)
      return UsageQuery(
        endpoint: endpoint, startTime: window.start, endTime: window.end, bucketWidth: .day,
        groupBy: endpoint.groupKeys.filter(wanted.contains), filters: load.filters,
        limit: endpoint.limit(for: .day)?.maximum)
    }
    return SpendRequest(
      costs: costsRequest, usage: usageRequests, groupKeys: groupKeys, span: name.span)
  }

  /// The schema of the result.
  static func schema(_ request: SpendRequest, now: Int64) -> StageSchema {
    let columns = SpendAttribution.schema(groupKeys: request.groupKeys).map {
      ColumnInfo(name: $0.0, kind: $0.1)
    }
    let start = request.costs.startTime
    return StageSchema(
      columns: columns, window: start..<max(start + 1, request.costs.endTime ?? now),
      bucketWidth: .day)
  }

  /// `spend` as the load binder sees it: the costs window and project filter, spend's keys.
  static func description(_ costs: Endpoint) -> Endpoint {
    Endpoint(
      name: "spend", kind: .costs, summary: "billed dollars split by usage", fields: [],
      groupKeys: SpendAttribution.groupKeys.map(\.name),
      filters: costs.filters.filter { $0.optionName == "project" }, limits: costs.limits)
  }

  // MARK: - Messages

  fileprivate static func alwaysThere(_ value: OptionValue) -> Diagnostic {
    .error(
      "bind.spend-fixed-key",
      "'load spend' is always split by '\(value.text)': it is not a group= key",
      at: value.span, label: "always a column",
      notes: [
        "valid group keys: " + SpendAttribution.groupKeys.map(\.name).joined(separator: ", ")
      ],
      help: value.text == "project_id"
        ? "keep only some projects with project=ID,…" : "leave it out of group=")
  }
}
