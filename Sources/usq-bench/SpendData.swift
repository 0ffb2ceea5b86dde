import Foundation
import USQBasics
import USQFrame

/// A generated month of an organization for `usq-bench spend`: completions usage rows grouped by
/// day, project, user, key, model, batch and service tier, and the costs line items they bill
/// (every model × kind × tier per day and project, some fine-tunes, tools and unknown models).
struct SpendData {
  var usage: Frame
  var costs: Frame

  static let day0: Int64 = 1_793_491_200  // 2026-11-01
  static let kinds = ["input", "cached input", "audio input", "output", "audio output"]
  static let tiers: [(batch: Bool, tier: String, prefix: String, suffix: String)] = [
    (false, "default", "", ""), (true, "default", "", " (batch)"), (false, "flex", "", " (flex)"),
    (false, "priority", "priority | ", ""),
  ]

  init(rows: Int, items: Int) {
    var random = SeededGenerator(seed: 17)
    let days = 30
    let projects = (0..<10).map { "proj_\($0)" }
    let models =
      (0..<14).map { "model-\($0)-2025" } + (0..<2).map { "ft:base-\($0):acme::job\($0)" }
    let users = (0..<300).map { "user-\($0)" }
    let keys = (0..<60).map { "key_\($0)" }
    let userSampler = ZipfSampler(count: users.count)
    let modelSampler = ZipfSampler(count: models.count, exponent: 0.8)
    var columns = UsageColumns(capacity: rows)
    for _ in 0..<rows {
      let tier = Self.tiers[Int(random.next() % UInt64(Self.tiers.count))]
      columns.append(
        day: Self.day0 + Int64(random.next() % UInt64(days)) * 86_400,
        project: projects[Int(random.next() % UInt64(projects.count))],
        user: users[userSampler.sample(&random)], key: keys[Int(random.next() % 60)],
        model: models[modelSampler.sample(&random)], batch: tier.batch, tier: tier.tier,
        random: &random)
    }
    usage = columns.frame()
    // Line items: one per (day, project, model, kind, tier) up to `items`, plus tools and a
    // model with no usage, so that some rows stay whole.
    let lineModels = models.map {
      $0.hasPrefix("ft:") ? "ft-" + $0.dropFirst(3).prefix { $0 != ":" } : $0
    }
    var costs = CostColumns()
    var made = 0
    outer: for day in 0..<days {
      for project in projects {
        for model in lineModels + ["retired-model"] {
          for kind in Self.kinds {
            for tier in Self.tiers {
              guard made < items else { break outer }
              made += 1
              let text = "\(tier.prefix)\(model), \(kind)\(tier.suffix)"
              costs.append(
                day: Self.day0 + Int64(day) * 86_400, project: project, item: text,
                amount: Double(random.next() % 100_000) / 1_000,
                quantity: Double(random.next() % 9_999 + 1))
            }
          }
        }
        if made < items {
          made += 1
          costs.append(
            day: Self.day0 + Int64(day) * 86_400, project: project, item: "Web search tool calls",
            amount: 1.5, quantity: 150)
        }
      }
    }
    self.costs = costs.frame()
  }

  /// Writes `usage.csv` and `costs.csv` (timestamps as seconds) into `directory`.
  func write(to directory: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try Self.csv(usage).write(toFile: directory + "/usage.csv", atomically: true, encoding: .utf8)
    try Self.csv(costs).write(toFile: directory + "/costs.csv", atomically: true, encoding: .utf8)
  }

  static func csv(_ frame: Frame) -> String {
    var lines = [frame.names.joined(separator: ",")]
    lines.reserveCapacity(frame.rowCount + 1)
    for row in 0..<frame.rowCount {
      lines.append(
        frame.columns.map { column -> String in
          switch column[row] {
          case .null: ""
          case .time(let seconds): String(seconds)
          case .string(let text): "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
          default: column[row].description
          }
        }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
