import USQOpenAI

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
    var caches = [DemoMinuteCache](repeating: DemoMinuteCache(), count: members.count)
    var result: [[DemoJSON]] = []
    for (start, end) in spans {
      var totals = [DemoMetrics](repeating: DemoMetrics(), count: keys.count)
      if end > start {
        for (slot, member) in members.enumerated() {
          totals[member.group] += metrics(streams[member.stream], from: start, to: end, cache: &caches[slot])
        }
      }
      result.append(
        order.filter { !totals[$0].isZero }.map {
          usageRow(request, product: product, key: keys[$0], metrics: totals[$0])
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

  private func usageRow(
    _ request: DemoBucketRequest, product: DemoProduct, key: [String?], metrics: DemoMetrics
  ) -> DemoJSON {
    var members: [(String, DemoJSON)] = [("object", .string(request.endpoint.resultObject))]
    for field in request.endpoint.fields {
      if let groupKey = field.groupKey {
        guard let dimension = DemoDimension(key: groupKey),
          let position = request.groupBy.firstIndex(of: dimension), let value = key[position]
        else {
          members.append((field.name, .null))
          continue
        }
        members.append((field.name, dimension == .batch ? .bool(value == "true") : .string(value)))
      } else if let value = metrics.field(field.name, product: product) {
        members.append((field.name, .int(value)))
      }
    }
    return .object(members)
  }
}
