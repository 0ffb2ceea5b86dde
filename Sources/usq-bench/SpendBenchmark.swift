import Foundation
import USQEngine
import USQFrame

/// `usq-bench spend`: the attribution of `load spend` (`SpendAttribution`) on generated usage
/// rows and costs line items, timed outside any fetch; `--write DIR` also writes both as CSV so
/// `Scripts/bench-spend.py` can time DuckDB doing the same split in the same run.
enum SpendBenchmark {
  static func main(_ arguments: [String]) -> Int32 {
    var rows = 1_000_000
    var items = 10_000
    var runs = 7
    var directory: String?
    var group = ["user_id"]
    var index = 0
    while index + 1 < arguments.count {
      let value = arguments[index + 1]
      switch arguments[index] {
      case "--rows": rows = Int(value.filter { $0 != "_" }) ?? rows
      case "--items": items = Int(value.filter { $0 != "_" }) ?? items
      case "--runs": runs = max(1, Int(value) ?? runs)
      case "--write": directory = value
      case "--group": group = value.split(separator: ",").map(String.init)
      default:
        print(
          "usage: usq-bench spend [--rows N] [--items N] [--runs N] [--group K,…] [--write DIR]")
        return 2
      }
      index += 2
    }
    keepFreedMemory()
    let organization = SpendData(rows: rows, items: items)
    if let directory {
      do {
        try organization.write(to: directory)
      } catch {
        print("error: \(error)")
        return 1
      }
    }
    var result = Frame.empty
    let (wall, cpu) = medianMilliseconds(runs: runs) {
      result = SpendAttribution.attribute(
        costs: organization.costs, usage: [("completions", organization.usage)], groupKeys: group)
      blackHole(result)
    }
    let attributed =
      result["attributed"].map { column in
        (0..<column.count).filter { column[$0] == .bool(true) }.count
      } ?? 0
    let total = (0..<result.rowCount).reduce(0.0) { $0 + (result["amount"]?[$1].doubleValue ?? 0) }
    print(
      "spend: \(rows) usage rows, \(organization.costs.rowCount) line-item rows, group=\(group.joined(separator: ",")): \(formatted(wall)) ms median of \(runs) (cpu \(formatted(cpu)) ms), \(result.rowCount) result rows (\(attributed) attributed), sum amount \(formatted(total, digits: 6))"
    )
    return 0
  }
}
