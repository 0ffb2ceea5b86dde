import Testing
import USQBasics
import USQFrame
import USQTestSupport

@testable import USQRender

/// Generated tables at generated widths: whatever the columns, a fitted table never exceeds the
/// width, never cuts a number or a header, keeps the most wanted column, and names every column
/// it leaves out.
@Suite struct TableFittingPropertyTests {
  static let names = [
    "model", "project_id", "user_id", "line_item", "input_tokens", "input_cached_tokens",
    "input_cache_write_tokens", "output_tokens", "num_model_requests", "amount", "share",
    "distinct_project_id", "median_num_model_requests", "p90_output_tokens", "start_time",
  ]
  static let texts = [
    "gpt-4o-mini-2024-07-18", "proj_H1JhszYZ01doQ4ZpwsG6gUls", "o1", "Web search tool calls",
    "データ分析チーム", "user-7bGQQAtZ2hU", "café",
  ]

  /// A frame of 2–10 distinct columns (text, int, double or time), 1–5 rows, no all-null column.
  static func frame(_ generator: inout SeededGenerator) -> Frame {
    let count = Int.random(in: 2...10, using: &generator)
    let chosen = names.shuffled(using: &generator).prefix(count)
    let rows = Int.random(in: 1...5, using: &generator)
    let columns: [(String, Column)] = chosen.map { name in
      switch Int.random(in: 0..<4, using: &generator) {
      case 0:
        let values = (0..<rows).map { _ in texts.randomElement(using: &generator) }
        return (name, .string(StringColumn(values)))
      case 1:
        let values = (0..<rows).map { _ in
          Int64.random(in: -9_999_999...999_999_999, using: &generator)
        }
        return (name, .int(IntColumn(values: ContiguousArray(values))))
      case 2:
        let values = (0..<rows).map { _ in Double.random(in: -1e6...1e9, using: &generator) }
        return (name, .double(DoubleColumn(values: ContiguousArray(values))))
      default:
        let values = (0..<rows).map { _ in
          Int64.random(in: 1_700_000_000...1_800_000_000, using: &generator)
        }
        return (name, .time(TimeColumn(values: ContiguousArray(values))))
      }
    }
    return Frame(unchecked: columns)
  }

  @Test("fitted tables keep their promises", arguments: [1, 2, 3, 4, 5] as [UInt64])
  func promises(seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<200 {
      let frame = Self.frame(&generator)
      let width = Int.random(in: 30...140, using: &generator)
      let wanted = frame.names.randomElement(using: &generator) ?? ""
      let text = TableRenderer.render(
        frame, options: RenderOptions(width: width), hints: TableHints(preferred: [wanted]))
      let context = "seed \(seed), width \(width), wanted \(wanted):\n\(text)"
      for line in text.split(separator: "\n") {
        #expect(DisplayWidth.of(String(line)) <= width, "\(context)")
      }
      let lines = text.split(separator: "\n").map(String.init)
      let top = try #require(lines.firstIndex { $0.hasPrefix("╭") })
      let rule = try #require(lines.firstIndex { $0.hasPrefix("├") })
      var headers: [String] = []
      for line in lines[(top + 1)..<rule] {
        let cells = line.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
        if headers.isEmpty { headers = Array(repeating: "", count: cells.count) }
        for (index, cell) in cells.enumerated() where index < headers.count {
          headers[index] += cell
        }
      }
      // Every shown header is a whole column name; the most wanted column is among them.
      for header in headers { #expect(frame.names.contains(header), "\(header) — \(context)") }
      #expect(headers.contains(wanted), "\(context)")
      // Numbers are never cut.
      let body = lines[(rule + 1)...].prefix { $0.hasPrefix("│") }
      for line in body {
        let cells = line.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
        for (index, cell) in cells.enumerated() where index < headers.count {
          if frame[headers[index]]?.kind.isNumeric == true {
            #expect(!cell.contains("…"), "\(context)")
          }
        }
      }
      // Every column is shown or named in the footnote.
      let footnote = lines.drop { !$0.contains("not shown") }.joined(separator: " ")
      for name in frame.names where !headers.contains(name) {
        #expect(footnote.contains(name), "\(name) vanished — \(context)")
      }
    }
  }
}
