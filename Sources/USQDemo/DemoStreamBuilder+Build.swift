extension DemoStreamBuilder {
  /// Fills `streams` and `mixes` for every project, endpoint, key and model.
  mutating func build() {
    for (project, plans) in Self.plans.enumerated() {
      let projectKeys = keys.indices.filter { keys[$0].project == project }
      for plan in plans {
        switch plan.product {
        case .codeInterpreterSessions:
          addProjectStream(project: project, plan: plan)
        case .fileSearchCalls:
          for key in projectKeys { addFileSearch(key: key, plan: plan) }
        default:
          for key in projectKeys { addModelStreams(key: key, plan: plan) }
        }
      }
    }
    for store in stores.indices { addVectorStore(store) }
  }

  private func window(of key: DemoAPIKey) -> (Int64, Int64) {
    let end = key.deletedAt ?? projects[key.project].archivedAt ?? DemoModel.never
    return (key.createdAt, end)
  }

  private func dimensions(key: DemoAPIKey) -> [String?] {
    var values = [String?](repeating: nil, count: DemoDimension.allCases.count)
    values[DemoDimension.project.rawValue] = projects[key.project].id
    values[DemoDimension.apiKey.rawValue] = key.id
    if case .user(let user) = key.owner { values[DemoDimension.user.rawValue] = users[user].id }
    return values
  }

  private mutating func append(
    _ product: DemoProduct, key: DemoAPIKey?, project: Int, dimensions: [String?],
    model: Int?, vectorStore: Int? = nil, rate: Double, window: (Int64, Int64),
    mix: Int?, mixWeight: Double
  ) {
    let salt = DemoHash.hash(seed, 0x900, UInt64(streams.count))
    let isService = key?.isServiceAccount ?? true
    let rhythm: DemoRhythm =
      !isService
      ? .people : Self.batchProjects.contains(project) || key == nil ? .batch : .customers
    streams.append(
      DemoStream(
        product: product, salt: salt, dimensions: dimensions, project: project, model: model,
        vectorStore: vectorStore, isServiceAccount: isService, rhythm: rhythm, rate: rate,
        since: window.0,
        until: window.1, mix: mix, mixWeight: mixWeight,
        timeZoneOffset: rhythm == .batch ? 0 : Self.timeZoneOffsets[project],
        sizeFactor: 0.6 + 0.8 * DemoHash.unit(salt, 1),
        cacheShare: 0.15 + 0.5 * DemoHash.unit(salt, 2)))
  }

  /// One stream per model × variant of a key, sharing the key's traffic through a model mix.
  private mutating func addModelStreams(key keyIndex: Int, plan: ProductPlan) {
    let key = keys[keyIndex]
    var members: [DemoMixMember] = []
    let mix = mixes.count
    for (position, alias) in plan.models.enumerated() {
      guard let model = DemoModel.lineUp.firstIndex(where: { $0.alias == alias }) else { continue }
      let chance = DemoHash.unit(seed, 0xA00, UInt64(keyIndex), UInt64(position))
      if position > 0, chance < 0.2 { continue }
      let weight = (0.3 + chance) * Self.mixScale(alias)
      let info = DemoModel.lineUp[model]
      let keyWindow = window(of: key)
      let since = max(keyWindow.0, info.since)
      let until = min(keyWindow.1, info.until)
      guard since < until else { continue }
      members.append(DemoMixMember(since: info.since, until: info.until, weight: weight))
      var base = dimensions(key: key)
      base[DemoDimension.model.rawValue] = info.name
      let rate = plan.rate * key.weight
      for variant in variants(plan.product, key: key, model: info.name) {
        var values = base
        for (dimension, value) in variant.values { values[dimension.rawValue] = value }
        append(
          plan.product, key: key, project: key.project, dimensions: values, model: model,
          rate: rate * variant.share, window: (since, until), mix: mix, mixWeight: weight)
      }
    }
    mixes.append(members)
  }

  private func variants(_ product: DemoProduct, key: DemoAPIKey, model: String)
    -> [(values: [(DemoDimension, String)], share: Double)]
  {
    switch product {
    case .completions:
      return tierVariants(for: key).map {
        ([(.batch, $0.batch ? "true" : "false"), (.serviceTier, $0.tier)], $0.share)
      }
    case .images:
      return Self.imageVariants(model).map { ([(.size, $0.size), (.source, $0.source)], $0.share) }
    case .webSearchCalls:
      return [("low", 0.25), ("medium", 0.6), ("high", 0.15)].map {
        ([(.contextLevel, $0.0)], $0.1)
      }
    default:
      return [([], 1)]
    }
  }

  private mutating func addFileSearch(key keyIndex: Int, plan: ProductPlan) {
    let key = keys[keyIndex]
    let projectStores = stores.indices.filter { stores[$0].project == key.project }
    for (position, store) in projectStores.enumerated() {
      var values = dimensions(key: key)
      values[DemoDimension.vectorStore.rawValue] = stores[store].id
      let share = 1 / Double(position + 1) / 1.8
      let keyWindow = window(of: key)
      append(
        .fileSearchCalls, key: key, project: key.project, dimensions: values, model: nil,
        vectorStore: store, rate: plan.rate * key.weight * share,
        window: (max(keyWindow.0, stores[store].createdAt), keyWindow.1), mix: nil, mixWeight: 1)
    }
  }

  private mutating func addProjectStream(project: Int, plan: ProductPlan) {
    var values = [String?](repeating: nil, count: DemoDimension.allCases.count)
    values[DemoDimension.project.rawValue] = projects[project].id
    let end = projects[project].archivedAt ?? DemoModel.never
    append(
      plan.product, key: nil, project: project, dimensions: values, model: nil, rate: plan.rate,
      window: (projects[project].createdAt, end), mix: nil, mixWeight: 1)
  }

  private mutating func addVectorStore(_ store: Int) {
    let project = stores[store].project
    var values = [String?](repeating: nil, count: DemoDimension.allCases.count)
    values[DemoDimension.project.rawValue] = projects[project].id
    let end = projects[project].archivedAt ?? DemoModel.never
    append(
      .vectorStores, key: nil, project: project, dimensions: values, model: nil,
      vectorStore: store, rate: Double(stores[store].initialBytes),
      window: (stores[store].createdAt, end), mix: nil, mixWeight: 1)
  }
}
