import USQFrame

@testable import USQEngine

/// The split of `load spend` row by row with dictionaries: the reference the kernel-based
/// `SpendAttribution` is checked against.
enum NaiveSpend {
  struct Share: Hashable {
    var costsRow: Int
    var keys: [Value]
  }

  /// (costs row, key values) → (quantity, amount, attributed).
  static func attribute(
    costs: Frame, usage: [(endpoint: String, frame: Frame)], groupKeys: [String]
  )
    -> [Share: (quantity: Double?, amount: Double?, attributed: Bool)]
  {
    var result: [Share: (quantity: Double?, amount: Double?, attributed: Bool)] = [:]
    for row in 0..<costs.rowCount {
      let amount = costs["amount"]?[row].doubleValue
      var quantities: [[Value]: Double] = [:]
      if case .string(let text) = costs["line_item"]?[row] ?? .null,
        let item = LineItem(parsing: text),
        case .time(let start) = costs["start_time"]?[row] ?? .null,
        amount != nil
      {
        for (endpoint, frame) in usage {
          let fields = item.kind.quantityFields(endpoint: endpoint)
          for usageRow in 0..<frame.rowCount {
            guard case .time(let usageStart) = frame["start_time"]?[usageRow] ?? .null,
              usageStart / 86_400 == start / 86_400,
              frame["project_id"]?[usageRow] ?? .null == costs["project_id"]?[row] ?? .null,
              case .string(let model) = frame["model"]?[usageRow] ?? .null,
              UsageMatch.models(model).contains(item.model)
            else { continue }
            var batch: Bool?
            if case .bool(let flag) = frame["batch"]?[usageRow] ?? .null { batch = flag }
            var service: String?
            if case .string(let tier) = frame["service_tier"]?[usageRow] ?? .null { service = tier }
            guard UsageMatch.tier(batch: batch, serviceTier: service) == item.tier else { continue }
            let quantity = fields.reduce(0.0) {
              $0 + max(0, frame[$1]?[usageRow].doubleValue ?? 0)
            }
            guard quantity > 0 else { continue }
            quantities[groupKeys.map { frame[$0]?[usageRow] ?? .null }, default: 0] += quantity
          }
        }
      }
      let total = quantities.values.reduce(0, +)
      guard total > 0, let amount else {
        result[Share(costsRow: row, keys: groupKeys.map { _ in .null })] = (
          costs["quantity"]?[row].doubleValue, amount, false
        )
        continue
      }
      for (keys, quantity) in quantities {
        result[Share(costsRow: row, keys: keys)] = (quantity, amount * quantity / total, true)
      }
    }
    return result
  }

  /// Whether `spend` holds exactly the shares of `expected` (amounts to 1e-9 relative).
  static func same(
    _ spend: Frame, _ expected: [Share: (quantity: Double?, amount: Double?, attributed: Bool)]
  ) -> Bool {
    guard spend.rowCount == expected.count else { return false }
    let keyColumns = spend.names.dropFirst(4).dropLast(4)
    var costsRow = -1
    var previous: (Value, Value) = (.null, .null)
    for row in 0..<spend.rowCount {
      // Rows come in costs order; a new (start_time, line_item) pair or repeated keys move on.
      let current = (spend["start_time"]?[row] ?? .null, spend["line_item"]?[row] ?? .null)
      let keys = keyColumns.map { spend[$0]?[row] ?? .null }
      if costsRow < 0 || current != previous
        || expected[Share(costsRow: costsRow, keys: keys)] == nil
      {
        costsRow += 1
      }
      previous = current
      guard let share = expected[Share(costsRow: costsRow, keys: keys)] else { return false }
      let amount = spend["amount"]?[row].doubleValue
      let quantity = spend["quantity"]?[row].doubleValue
      guard spend["attributed"]?[row] == .bool(share.attributed), quantity == share.quantity,
        close(amount, share.amount)
      else { return false }
    }
    return true
  }

  static func close(_ lhs: Double?, _ rhs: Double?) -> Bool {
    guard let lhs, let rhs else { return lhs == nil && rhs == nil }
    return abs(lhs - rhs) <= 1e-9 * max(1, abs(rhs))
  }
}

/// A random organization: a few days, projects, users, keys, models (fine-tunes included) and
/// tiers; costs line items in every form plus tools, unknown models, null and zero quantities.
struct GeneratedOrganization {
  var costs: Frame
  var usage: [(endpoint: String, frame: Frame)]

  init(_ random: inout SeededRandom) {
    let days = Int64.random(in: 1...4, using: &random)
    let projects: [String?] = ["p1", "p2", nil]
    let models = ["gpt-4o", "O3", "ft:gpt-4o-mini:acme::x1", "ft:gpt-4o-mini:acme::y2"]
    let items = [
      "gpt-4o, input", "gpt-4o, cached input (batch)", "batch | gpt-4o, output", "o3, output",
      "priority | o3, input", "o3, audio input (flex)", "ft-gpt-4o-mini, input",
      "FT:GPT-4O-MINI:ACME::X1 , output", "text-embedding-3-small, input", "Web search tool calls",
      "absent, input", "gpt-4o, audio output",
    ]
    var costRows: [[Value]] = []
    for day in 0..<days {
      for project in projects {
        for item in items where random.chance(0.6) {
          let amount: Double? =
            random.chance(0.05) ? nil : Double.random(in: 0...50, using: &random)
          let quantity: Double? =
            random.chance(0.2)
            ? random.pick([nil, 0]) : Double(Int.random(in: 1...9_999, using: &random))
          costRows.append(
            SpendFixtures.costsRow(
              day: day, item, amount: amount, quantity: quantity, project: project))
        }
      }
    }
    var usageRows: [[Value]] = []
    for _ in 0..<Int.random(in: 0...60, using: &random) {
      usageRows.append(
        SpendFixtures.usageRow(
          day: Int64.random(in: 0..<days, using: &random),
          hour: random.chance(0.3) ? Int64.random(in: 0..<24, using: &random) : nil,
          project: random.pick(projects), user: random.pick(["u1", "u2", "u3", nil]),
          key: random.pick(["k1", "k2", nil]), model: random.pick(models + [nil]),
          batch: random.pick([true, false, nil]),
          tier: random.pick(["default", "flex", "priority", nil]),
          input: Int64.random(in: 0...1_000, using: &random) * (random.chance(0.2) ? 0 : 1),
          cached: Int64.random(in: 0...500, using: &random),
          output: Int64.random(in: 0...300, using: &random),
          audioIn: random.chance(0.5) ? 0 : Int64.random(in: 0...100, using: &random)))
    }
    var embeddingRows: [[Value]] = []
    for _ in 0..<Int.random(in: 0...10, using: &random) {
      let start = SpendFixtures.day0 + Int64.random(in: 0..<days, using: &random) * 86_400
      embeddingRows.append([
        .time(start), .time(start + 86_400), .int(Int64.random(in: 0...5_000, using: &random)),
        random.pick(projects).map(Value.string) ?? .null, .string(random.pick(["u1", "u4"])),
        .string("k1"), .string("text-embedding-3-small"),
      ])
    }
    costs = SpendFixtures.costs(costRows)
    usage = [
      ("completions", SpendFixtures.usage(usageRows)),
      ("embeddings", Frames.make(SpendFixtures.embeddingsColumns, embeddingRows)),
    ]
  }
}
