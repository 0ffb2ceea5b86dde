import Foundation
import USQFrame

/// `read PATH`: CSV (header row), JSON (an API page, an array of pages, an array of flat
/// records, or a list page `{"data": [...]}`) or NDJSON, with inferred column kinds. PATH is a
/// file, a directory (every `.json`, `.ndjson`, `.csv` in it, in name order) or a glob.
/// API pages go through `DataSource.decodePages`, so they give exactly the frame `load` builds.
struct FileReader {
  let dataSource: any DataSource
  let workingDirectory: String?
  /// Where the bytes come from; nil = reading files is not available.
  let files: (any FileSource)?

  static let extensions = ["json", "ndjson", "jsonl", "csv"]

  func read(_ path: String) throws -> Frame {
    guard let source = self.files else {
      throw ExecutionError.read(path: path, reason: "reading files is not available here")
    }
    let files = FilePaths(workingDirectory: workingDirectory, files: source).expand(path)
    let map = { (file: String) throws -> Data in try Self.map(file, from: source) }
    guard !files.isEmpty else {
      throw ExecutionError.read(path: path, reason: "no such file, folder or match")
    }
    if files.count > 1, try files.allSatisfy({ try Self.format(of: $0, map($0)) == "json" }) {
      do {
        // A fresh array handed over: each file is unmapped once decoded (flat memory).
        if let frame = try dataSource.decodePages(batch: try files.map(map)) { return frame }
      } catch let error as ExecutionError {
        throw error
      } catch {
        throw ExecutionError.read(path: path, reason: "bad API page: \(error)")
      }
    }
    let contents = try files.map(map)
    var pages: [Frame] = []
    var table = RawTable()
    for (file, data) in zip(files, contents) {
      let format = try Self.format(of: file, data)
      if format == "json", let frame = try decodePages(data, file: file) {
        pages.append(frame)
        continue
      }
      table.append(contentsOf: try Self.records(Array(data), format: format, file: file))
    }
    if !pages.isEmpty {
      guard table.rows.isEmpty && table.names.isEmpty else {
        throw ExecutionError.read(path: path, reason: "it mixes API pages with other data")
      }
      do {
        return try Frame.concatenate(pages)
      } catch {
        throw ExecutionError.read(
          path: path, reason: "its pages come from different endpoints or groupings")
      }
    }
    return table.frame()
  }

  private func decodePages(_ data: Data, file: String) throws -> Frame? {
    do {
      return try dataSource.decodePages(data)
    } catch {
      throw ExecutionError.read(path: file, reason: "bad API page: \(error)")
    }
  }

  /// The file's bytes from `source` (mapped by the shell's source: read lazily by the kernel,
  /// dropped with the `Data`).
  static func map(_ file: String, from source: any FileSource) throws -> Data {
    do {
      return try source.contents(of: file)
    } catch {
      throw ExecutionError.read(path: file, reason: "cannot open it")
    }
  }

  /// `csv`, `ndjson` or `json`, from the extension, else (no extension) from the first
  /// character. Another extension (`x.svg`, `x.parquet`) is refused: sniffing would read an SVG
  /// as a one-column CSV. `data` is read only when the extension does not tell (so a `.json`
  /// file is not mapped).
  static func format(of path: String, _ data: @autoclosure () throws -> Data) throws -> String {
    let lowered = path.lowercased()
    if lowered.hasSuffix(".csv") { return "csv" }
    if lowered.hasSuffix(".ndjson") || lowered.hasSuffix(".jsonl") { return "ndjson" }
    if lowered.hasSuffix(".json") { return "json" }
    let name = lowered.split(separator: "/").last ?? ""
    if let dot = name.lastIndex(of: "."), dot != name.startIndex {
      throw ExecutionError.read(
        path: path,
        reason:
          "'\(name[dot...])' is not a format usq reads (it reads .csv, .json, and .ndjson or .jsonl)"
      )
    }
    let first = try data().first { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? "json" : "csv"
  }

  static func records(_ bytes: [UInt8], format: String, file: String) throws -> RawTable {
    switch format {
    case "csv":
      do {
        return try CSVReader.read(bytes)
      } catch {
        throw ExecutionError.read(path: "\(file):\(error.line)", reason: error.reason)
      }
    case "ndjson":
      var table = RawTable()
      var lineNumber = 0
      for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        lineNumber += 1
        let trimmed = Array(line).filter { $0 != UInt8(ascii: "\r") }
        if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
        let value = try parse(trimmed, file: "\(file):\(lineNumber)")
        try addRecords(value, to: &table, file: file)
      }
      return table
    default:
      var table = RawTable()
      try addRecords(try parse(bytes, file: file), to: &table, file: file)
      return table
    }
  }

  private static func parse(_ bytes: [UInt8], file: String) throws -> JSONValue {
    do {
      return try JSONParser.parse(bytes)
    } catch {
      throw ExecutionError.read(
        path: file, reason: "bad JSON at byte \(error.offset): \(error.reason)")
    }
  }

  private static func addRecords(_ value: JSONValue, to table: inout RawTable, file: String) throws
  {
    switch value {
    case .array(let items):
      for item in items { try addRecords(item, to: &table, file: file) }
    case .object(let members):
      if let data = members.first(where: { $0.0 == "data" })?.1, case .array = data,
        members.contains(where: { $0.0 == "object" })
      {
        try addRecords(data, to: &table, file: file)
        return
      }
      table.append(members.map { ($0.0, cell($0.1)) })
    default:
      throw ExecutionError.read(
        path: file, reason: "expected JSON objects (records), found \(value.text.prefix(20))")
    }
  }

  private static func cell(_ value: JSONValue) -> RawTable.Cell {
    switch value {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .number(let raw): .number(raw)
    case .string(let text): .text(text, isQuoted: true)
    case .array, .object: .text(value.text, isQuoted: true)
    }
  }
}
