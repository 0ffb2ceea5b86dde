import USQFrame
import USQLanguage
import USQVocabulary

extension Binder {
  /// Settles a `load` once its stages are bound: `group_by` (explicit, or the dimensions the
  /// stages use), warnings for dimensions outside an explicit `group=`, and filters pushed down
  /// from a leading `where`.
  func finish(_ source: PendingSource, stages: inout [PlannedStage], _ state: inout BindState)
    -> PlannedSource
  {
    guard case .load(let load) = source else {
      if case .ready(let ready) = source { return ready }
      return .last
    }
    let endpoint = load.endpoint
    var groupBy: [String]
    if let explicit = load.explicitGroup {
      groupBy = explicit
      for used in state.usedDimensions
      where !explicit.contains(used.key) && !state.optionalDimensions.contains(used.key) {
        state.report(LoadMessages.ungroupedDimension(used.key, at: used.span, group: explicit))
      }
    } else {
      let used = Set(state.usedDimensions.map(\.key))
      groupBy = endpoint.groupKeys.filter(used.contains)
    }
    if !endpoint.isBucketed { groupBy = [] }
    var request = UsageQuery(
      endpoint: endpoint, startTime: load.window?.start ?? 0,
      endTime: load.window?.end, bucketWidth: load.window?.width, groupBy: groupBy,
      filters: load.filters, limit: load.limit)
    var pushed: [String] = []
    if let first = stages.first, let operation = first.operation as? WhereOperation {
      pushed = pushDown(operation.condition, endpoint: endpoint, into: &request)
    }
    return .load(request, pushedDown: pushed)
  }

  /// Adds API filters for the conjuncts of `condition` that the API can apply exactly
  /// (`dimension = "v"`, `dimension in ("a", "b")`, `batch = true`) on a grouped dimension
  /// without an explicit filter; the `where` still runs locally, so the result is the same.
  private func pushDown(
    _ condition: BoundExpression, endpoint: Endpoint, into request: inout UsageQuery
  ) -> [String] {
    var pushed: [String] = []
    for conjunct in Self.conjuncts(condition) {
      guard let (column, values) = Self.equality(conjunct),
        let field = endpoint.field(named: column), let key = field.groupKey,
        request.groupBy.contains(key),
        let filter = endpoint.filters.first(where: { $0.field == column }),
        request.filter(filter.apiName) == nil
      else { continue }
      let texts: [String]
      if filter.isBoolean {
        guard values.count == 1, case .bool(let flag) = values[0] else { continue }
        texts = [String(flag)]
      } else {
        let strings = values.compactMap { value -> String? in
          if case .string(let text) = value { return text }
          return nil
        }
        guard strings.count == values.count, !strings.isEmpty else { continue }
        texts = strings
      }
      request.filters.append(
        QueryFilter(filter.apiName, texts, isPushedDown: true))
      pushed.append("\(filter.apiName)=\(texts.joined(separator: ","))")
    }
    return pushed
  }

  static func conjuncts(_ expression: BoundExpression) -> [BoundExpression] {
    if case .logical(true, let lhs, let rhs) = expression { return conjuncts(lhs) + conjuncts(rhs) }
    return [expression]
  }

  /// `column = literal`, `literal = column` or `column in (literals)`.
  static func equality(_ expression: BoundExpression) -> (String, [Value])? {
    switch expression {
    case .comparison(.equal, .column(let name, _), .literal(let value)),
      .comparison(.equal, .literal(let value), .column(let name, _)):
      return value.isNull ? nil : (name, [value])
    case .inList(.column(let name, _), let values, false):
      return values.contains(.null) ? nil : (name, values)
    default: return nil
    }
  }
}
