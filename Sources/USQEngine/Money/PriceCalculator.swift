import USQFrame

/// The `cost` of each row of a completions or embeddings frame: Σ over line-item kinds of the
/// row's quantity × the unit price of its model, tier and kind on its UTC day.
///
/// Rows are grouped by (model, batch, service_tier) so the names are matched once per group;
/// per row only the day's price is looked up. A row with a positive quantity of a kind that
/// has no price at all (nor a null model) gets a null cost, and its model is reported.
struct PriceCalculator {
  let prices: UnitPrices
  /// `completions` or `embeddings` (which fields count each kind).
  let endpoint: String

  /// The cost column and the models (sorted) that had no price.
  func costs(_ frame: Frame) -> (Column, [String]) {
    let rows = frame.rowCount
    var values = ContiguousArray<Double>(repeating: 0, count: rows)
    var valid = [Bool](repeating: true, count: rows)
    var unpriced = Set<String>()
    guard rows > 0 else { return (.double(DoubleColumn(values: values)), []) }
    let keyColumns = ["model", "batch", "service_tier"].compactMap { frame[$0] }
    let grouping = Grouping(keys: keyColumns)
    let groupKeys = grouping.firstRows.map { row in keys(frame, row: row) }
    let quantities = LineItemKind.allCases.map { quantity(frame, kind: $0) }
    let starts = frame["start_time"]
    for row in 0..<rows {
      guard let (model, keysOfKinds) = groupKeys[Int(grouping.groupIDs[row])],
        case .time(let start)? = starts?[row]
      else {
        valid[row] = false
        continue
      }
      let day = TimeBucket.day.floor(start)
      var cost: Double = 0
      for (kindIndex, amounts) in quantities.enumerated() {
        guard let amounts, amounts[row] > 0 else { continue }
        guard let key = keysOfKinds[kindIndex], let price = prices.price(key, day: day) else {
          valid[row] = false
          unpriced.insert(model)
          break
        }
        cost += Double(amounts[row]) * price
      }
      values[row] = cost
    }
    let validity = valid.allSatisfy { $0 } ? nil : Bitmap(valid)
    return (.double(DoubleColumn(values: values, validity: validity)), unpriced.sorted())
  }

  /// The row's model and, per kind, the first of its names that has a price.
  private func keys(_ frame: Frame, row: Int) -> (String, [UnitPrices.Key?])? {
    guard case .string(let model)? = frame["model"]?[row] else { return nil }
    let batch: Bool? = if case .bool(let flag)? = frame["batch"]?[row] { flag } else { nil }
    let service: String? =
      if case .string(let tier)? = frame["service_tier"]?[row] { tier } else { nil }
    let tier = UsageMatch.tier(batch: batch, serviceTier: service)
    let names = UsageMatch.models(model)
    return (
      model,
      LineItemKind.allCases.map { kind in
        prices.known(names.map { UnitPrices.Key(model: $0, tier: tier, kind: kind) })
      }
    )
  }

  /// Each row's quantity of `kind` (`nil` when the endpoint never bills it).
  private func quantity(_ frame: Frame, kind: LineItemKind) -> ContiguousArray<Int64>? {
    let fields = kind.quantityFields(endpoint: endpoint)
    guard !fields.isEmpty else { return nil }
    var sums = ContiguousArray<Int64>(repeating: 0, count: frame.rowCount)
    for field in fields {
      guard case .int(let numbers)? = frame[field] else { continue }
      for row in 0..<frame.rowCount where numbers.isValid(row) {
        sums[row] &+= max(numbers.values[row], 0)
      }
    }
    return sums
  }
}
