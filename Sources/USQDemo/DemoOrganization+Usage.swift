import USQOpenAI
import USQVocabulary

extension DemoOrganization {
  func bucketPage(_ endpoint: Endpoint, query: DemoQuery, now: Int64)
    throws(DemoRequestError) -> DemoJSON
  {
    let request = try parseBucketRequest(endpoint, query: query, now: now)
    let (spans, next) = pageBuckets(request)
    let clipped = spans.map { ($0.0, min($0.1, max($0.0, now))) }
    let rows: [[DemoJSON]]
    if endpoint.kind == .costs {
      rows = costRows(request, spans: clipped)
    } else if let product = DemoProduct(endpointName: endpoint.name) {
      rows = usageRows(request, product: product, spans: clipped)
    } else {
      rows = spans.map { _ in [] }
    }
    let buckets = zip(spans, rows).map { bucket($0.0.0, $0.0.1, results: $0.1) }
    return page(buckets, next: next)
  }

  /// Group index of each stream that passes the filters, and each group's dimension values.
  func groups(_ request: DemoBucketRequest, product: DemoProduct)
    -> (members: [(stream: Int, group: Int)], keys: [[String?]])
  {
    var index: [[String?]: Int] = [:]
    var keys: [[String?]] = []
    var members: [(Int, Int)] = []
    for (position, stream) in streams.enumerated()
    where stream.product == product && passes(stream, request.filters) {
      let key = request.groupBy.map { stream.value($0) }
      let group: Int
      if let found = index[key] {
        group = found
      } else {
        group = keys.count
        index[key] = group
        keys.append(key)
      }
      members.append((position, group))
    }
    return (members, keys)
  }

  /// Result rows of each bucket (`spans` already end at "now").
  func usageRows(_ request: DemoBucketRequest, product: DemoProduct, spans: [(Int64, Int64)])
    -> [[DemoJSON]]
  {
    let (members, keys) = groups(request, product: product)
    let order = keys.indices.sorted { Self.precedes(keys[$0], keys[$1]) }
    let plan = rowPlan(request, product: product)
    let object = request.endpoint.resultObject
    var caches = [DemoMinuteCache](repeating: DemoMinuteCache(), count: members.count)
    var result: [[DemoJSON]] = []
    for (start, end) in spans {
      var totals = [DemoMetrics](repeating: DemoMetrics(), count: keys.count)
      if end > start {
        for (slot, member) in members.enumerated() {
          totals[member.group] += metrics(
            streams[member.stream], from: start, to: end, cache: &caches[slot])
        }
      }
      result.append(
        order.filter { !totals[$0].isZero }.map {
          usageRow(plan, object: object, key: keys[$0], metrics: totals[$0])
        })
    }
    return result
  }

  static func precedes(_ lhs: [String?], _ rhs: [String?]) -> Bool {
    for (left, right) in zip(lhs, rhs) where left != right {
      guard let left else { return true }
      guard let right else { return false }
      return left < right
    }
    return false
  }

  /// Where each result field of a row comes from.
  enum FieldSource {
    case null
    /// The group key at this position; `batch` is written as a boolean.
    case group(Int, isBoolean: Bool)
    /// The sum of these metric slots.
    case slots([Int])
  }

  func rowPlan(_ request: DemoBucketRequest, product: DemoProduct) -> [(String, FieldSource)] {
    request.endpoint.fields.compactMap { field in
      if let groupKey = field.groupKey {
        guard let dimension = DemoDimension(key: groupKey),
          let position = request.groupBy.firstIndex(of: dimension)
        else { return (field.name, .null) }
        return (field.name, .group(position, isBoolean: dimension == .batch))
      }
      return DemoMetrics.slots(field.name, product: product).map { (field.name, .slots($0)) }
    }
  }

  func usageRow(
    _ plan: [(String, FieldSource)], object: String, key: [String?], metrics: DemoMetrics
  ) -> DemoJSON {
    var members: [(String, DemoJSON)] = [("object", .string(object))]
    members.reserveCapacity(plan.count + 1)
    for (name, source) in plan {
      switch source {
      case .null:
        members.append((name, .null))
      case .group(let position, let isBoolean):
        let value = key[position]
        members.append((name, value.map { isBoolean ? .bool($0 == "true") : .string($0) } ?? .null))
      case .slots(let slots):
        members.append((name, .int(metrics.sum(slots))))
      }
    }
    return .object(members)
  }
}
