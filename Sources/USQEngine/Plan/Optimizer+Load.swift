import USQFrame
import USQVocabulary

extension Optimizer {
  /// Settles what a `load` sends: without `group=`, the dimensions the stages use become the
  /// `group_by`; then the plain tests of a leading `where` become API filters too.
  func pushDownLoad(_ plan: inout Plan) {
    guard let facts = plan.loadFacts, case .load(var request, var pushed) = plan.source else {
      return
    }
    if !facts.hasExplicitGroup {
      // In the order the stages first name them (`sum … by model, project_id`), as explain shows.
      request.groupBy = facts.usedDimensions.filter(facts.endpoint.groupKeys.contains)
    }
    if !facts.endpoint.isBucketed { request.groupBy = [] }
    if pushed.isEmpty, let first = plan.stages.first, case .where(let filter) = first.operation {
      pushed = Self.pushDown(filter.condition, endpoint: facts.endpoint, into: &request)
    }
    plan.source = .load(request, pushedDown: pushed)
  }

  /// Adds API filters for the conjuncts of `condition` that the API can apply exactly
  /// (`dimension = "v"`, `dimension in ("a", "b")`, `batch = true`) on a grouped dimension
  /// without an explicit filter; the `where` still runs locally, so the result is the same.
  private static func pushDown(
    _ condition: BoundExpression, endpoint: Endpoint, into request: inout UsageQuery
  ) -> [String] {
    var pushed: [String] = []
    for conjunct in conjuncts(condition) {
      guard let (column, values) = equality(conjunct),
        let field = endpoint.field(named: column), let key = field.groupKey,
        request.groupBy.contains(key),
        let filter = endpoint.filters.first(where: { $0.field == column }),
        request.filter(filter.apiName) == nil,
        let texts = filterValues(values, isBoolean: filter.isBoolean)
      else { continue }
      request.filters.append(QueryFilter(filter.apiName, texts, isPushedDown: true))
      pushed.append("\(filter.apiName)=\(texts.joined(separator: ","))")
    }
    return pushed
  }

  /// The values as the filter parameter's texts, or `nil` when the API cannot test them.
  private static func filterValues(_ values: [Value], isBoolean: Bool) -> [String]? {
    if isBoolean {
      guard values.count == 1, case .bool(let flag) = values[0] else { return nil }
      return [String(flag)]
    }
    let strings = values.compactMap { value -> String? in
      if case .string(let text) = value { return text }
      return nil
    }
    return strings.count == values.count && !strings.isEmpty ? strings : nil
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
