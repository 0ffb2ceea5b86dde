import USQFrame
import USQLanguage
import USQVocabulary

extension Binder {
  /// Settles a `load` once its stages are bound: the request with its explicit `group=` (the
  /// optimizer adds the implicit `group_by` and pushed-down filters from the facts), and
  /// warnings for dimensions outside an explicit `group=`.
  func finish(_ source: PendingSource, _ state: inout BindState) -> (PlannedSource, LoadFacts?) {
    let load: LoadOptions
    switch source {
    case .ready(let ready): return (ready, nil)
    case .load(let options): load = options
    }
    if let explicit = load.explicitGroup {
      for used in state.usedDimensions
      where !explicit.contains(used.key) && !state.optionalDimensions.contains(used.key) {
        state.report(LoadMessages.ungroupedDimension(used.key, at: used.span, group: explicit))
      }
    }
    let endpoint = load.endpoint
    let request = UsageQuery(
      endpoint: endpoint, startTime: load.window?.start ?? 0,
      endTime: load.window?.end, bucketWidth: load.window?.width,
      groupBy: endpoint.isBucketed ? (load.explicitGroup ?? []) : [], filters: load.filters,
      limit: load.limit)
    let facts = LoadFacts(
      endpoint: endpoint, hasExplicitGroup: load.explicitGroup != nil,
      usedDimensions: state.usedDimensions.map(\.key))
    return (.load(request, pushedDown: []), facts)
  }
}
