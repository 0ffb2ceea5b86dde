import USQFrame
import USQLanguage
import USQVocabulary

/// Binds `load ENDPOINT [option=value …]`: the endpoint (exact, or a unique prefix at the
/// prompt), every option, and the window.
struct LoadBinder {
  let now: Int64

  func bind(endpoint name: Name, options: [OptionSyntax], _ state: inout BindState) -> LoadOptions?
  {
    guard let endpoint = resolve(name, &state) else { return nil }
    let valid = LoadOptions.keys(for: endpoint)
    var load = LoadOptions(endpoint: endpoint)
    var windowOptions: [String: OptionSyntax] = [:]
    var seen = Set<String>()
    for option in options {
      let key = option.key.text
      guard valid.contains(key) else {
        state.report(LoadMessages.unknownOption(option.key, endpoint: endpoint, valid: valid))
        return nil
      }
      guard seen.insert(key).inserted else {
        state.report(BindMessages.duplicate(option.key, what: "option"))
        return nil
      }
      switch key {
      case "days", "hours", "minutes", "since", "until", "bucket": windowOptions[key] = option
      case "group":
        guard let keys = groupKeys(option, endpoint, &state) else { return nil }
        load.explicitGroup = keys
        load.groupSpan = option.span
      case "limit": windowOptions[key] = option
      default:
        guard let filter = self.filter(option, endpoint, &state) else { return nil }
        load.filters.append(filter)
      }
    }
    guard endpoint.isBucketed else { return load }
    let calculator = WindowCalculator(now: now, endpoint: endpoint)
    guard let (window, limit) = calculator.window(windowOptions, &state) else { return nil }
    load.window = window
    load.limit = limit
    return load
  }

  /// The endpoint named (or, at the prompt, uniquely prefixed) by `name`.
  func resolve(_ name: Name, _ state: inout BindState) -> Endpoint? {
    let environment = state.environment
    if let endpoint = environment.endpoint(named: name.text) { return endpoint }
    let names = environment.endpoints.map(\.name)
    if environment.acceptsPrefixes && !name.text.isEmpty {
      let matches = environment.endpoints.filter { $0.name.hasPrefix(name.text) }
      if matches.count == 1 { return matches[0] }
      if matches.count > 1 {
        state.report(LoadMessages.ambiguousEndpoint(name, matches: matches.map(\.name)))
        return nil
      }
    }
    state.report(
      LoadMessages.unknownEndpoint(name, valid: names, prefixes: environment.acceptsPrefixes))
    return nil
  }

  private func groupKeys(
    _ option: OptionSyntax, _ endpoint: Endpoint, _ state: inout BindState
  )
    -> [String]?
  {
    var keys: [String] = []
    for value in option.values {
      guard endpoint.groupKeys.contains(value.text) else {
        state.report(LoadMessages.unknownGroupKey(value, endpoint: endpoint))
        return nil
      }
      if !keys.contains(value.text) { keys.append(value.text) }
    }
    if keys.isEmpty {
      state.report(LoadMessages.emptyValue(option))
      return nil
    }
    return keys  // in the order written: `explain` and the request show what the user typed
  }

  private func filter(
    _ option: OptionSyntax, _ endpoint: Endpoint, _ state: inout BindState
  )
    -> QueryFilter?
  {
    guard
      let filter = endpoint.filters.first(where: {
        $0.optionName == option.key.text || $0.apiName == option.key.text
      })
    else { return nil }
    let values = option.values.map(\.text).filter { !$0.isEmpty }
    guard !values.isEmpty else {
      state.report(LoadMessages.emptyValue(option))
      return nil
    }
    if filter.isBoolean {
      guard values.count == 1, let flag = Bool(values[0].lowercased()) else {
        state.report(LoadMessages.expectedBoolean(option))
        return nil
      }
      return QueryFilter(filter.apiName, [String(flag)])
    }
    return QueryFilter(filter.apiName, values)
  }
}
