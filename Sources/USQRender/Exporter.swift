import USQBasics
import USQFrame

/// Writes a frame in an exact, machine-readable format (LANGUAGE.md "Formats").
///
/// - `csv`: RFC 4180 — a header row, records ended by CRLF, fields quoted when they hold `,`, `"`,
///   CR or LF (quotes doubled); timestamps ISO 8601 UTC (`2026-03-18T00:00:00Z`); integers plain;
///   doubles in shortest round-trip form (Swift's `description`: `1.0`, `0.1`, `1e-05`, `nan`,
///   `inf`); booleans `true`/`false`; null as an empty field.
/// - `json`: one array of objects, keys in column order, one object per line; `ndjson`: one object
///   per line. Timestamps as ISO strings, null (and non-finite doubles) as `null`.
/// - `md`: a GitHub-flavoured Markdown table, numbers right-aligned, `|` escaped, null empty.
public enum Exporter {
  /// The export formats.
  public enum Format: String, Sendable, Equatable, CaseIterable {
    case csv, json, ndjson, md

    /// The format a file name's extension asks for (`.csv`, `.json`, `.ndjson`/`.jsonl`,
    /// `.md`/`.markdown`), or nil.
    public init?(fileExtension: String) {
      switch fileExtension.lowercased() {
      case "csv": self = .csv
      case "json": self = .json
      case "ndjson", "jsonl": self = .ndjson
      case "md", "markdown": self = .md
      default: return nil
      }
    }
  }

  /// `frame` in `format`; the text ends with a line break.
  public static func render(_ frame: Frame, format: Format) -> String {
    switch format {
    case .csv: csv(frame)
    case .json: json(frame)
    case .ndjson: ndjson(frame)
    case .md: markdown(frame)
    }
  }

  // MARK: - CSV

  static func csv(_ frame: Frame) -> String {
    var out = frame.names.map(csvField).joined(separator: ",") + "\r\n"
    out.reserveCapacity(frame.rowCount * frame.columnCount * 8)
    for row in 0..<frame.rowCount {
      for (index, column) in frame.columns.enumerated() {
        if index > 0 { out += "," }
        if let text = plain(column, row) { out += csvField(text) }
      }
      out += "\r\n"
    }
    return out
  }

  static func csvField(_ text: String) -> String {
    let needsQuotes = text.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
    }
    guard needsQuotes else { return text }
    var quoted = "\""
    for character in text {
      if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
    }
    return quoted + "\""
  }

  /// A cell as plain text: ISO times, Swift's shortest round-trip doubles; nil for null.
  static func plain(_ column: Column, _ row: Int) -> String? {
    switch column {
    case .int(let values): values[row].map { String($0) }
    case .double(let values): values[row].map { $0.description }
    case .bool(let values): values[row].map { $0 ? "true" : "false" }
    case .time(let values): values[row].map(ISODate.format)
    case .string(let values): values[row]
    }
  }

  // MARK: - JSON

  static func json(_ frame: Frame) -> String {
    guard frame.rowCount > 0 else { return "[]\n" }
    let keys = frame.names.map(jsonString)
    let objects = (0..<frame.rowCount).map { jsonObject(frame, row: $0, keys: keys) }
    return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
  }

  static func ndjson(_ frame: Frame) -> String {
    let keys = frame.names.map(jsonString)
    return (0..<frame.rowCount).map { jsonObject(frame, row: $0, keys: keys) + "\n" }.joined()
  }

  private static func jsonObject(_ frame: Frame, row: Int, keys: [String]) -> String {
    let fields = zip(keys, frame.columns).map { key, column in key + ":" + jsonValue(column, row) }
    return "{" + fields.joined(separator: ",") + "}"
  }

  static func jsonValue(_ column: Column, _ row: Int) -> String {
    switch column {
    case .int(let values): values[row].map { String($0) } ?? "null"
    case .double(let values): values[row].flatMap { $0.isFinite ? $0.description : nil } ?? "null"
    case .bool(let values): values[row].map { $0 ? "true" : "false" } ?? "null"
    case .time(let values): values[row].map { jsonString(ISODate.format($0)) } ?? "null"
    case .string(let values): values[row].map(jsonString) ?? "null"
    }
  }

  /// A JSON string literal (see `JSONText`).
  public static func jsonString(_ text: String) -> String { JSONText.quoted(text) }

  // MARK: - Markdown

  static func markdown(_ frame: Frame) -> String {
    func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
    var out = row(frame.names.map(markdownCell))
    out += row(frame.columns.map { $0.kind.isNumeric ? "---:" : "---" })
    for index in 0..<frame.rowCount {
      out += row(frame.columns.map { markdownCell(plain($0, index) ?? "") })
    }
    return out
  }

  private static func markdownCell(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "|": out += "\\|"
      case "\n", "\r\n": out += "<br>"
      case "\r": continue
      default: out.append(character)
      }
    }
    return out
  }
}
