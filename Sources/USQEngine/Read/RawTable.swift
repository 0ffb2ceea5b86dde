import USQBasics
import USQFrame

/// Rows of untyped cells read from a file, before column kinds are inferred.
struct RawTable {
  /// One cell as read.
  enum Cell: Equatable {
    case null
    /// Text from CSV (inferred later) or a JSON string.
    case text(String, isQuoted: Bool)
    /// A JSON number, as written.
    case number(String)
    case bool(Bool)
  }

  var names: [String] = []
  var rows: [[Cell]] = []
  private var positions: [String: Int] = [:]

  init(names: [String] = []) {
    for name in names { _ = position(of: name) }
  }

  /// The column index of `name`, adding the column (null in earlier rows) when new.
  mutating func position(of name: String) -> Int {
    if let index = positions[name] { return index }
    let index = names.count
    names.append(name)
    positions[name] = index
    return index
  }

  mutating func append(_ cells: [(String, Cell)]) {
    var row = [Cell](repeating: .null, count: names.count)
    for (name, cell) in cells {
      let index = position(of: name)
      if index >= row.count {
        row.append(contentsOf: repeatElement(.null, count: index - row.count + 1))
      }
      row[index] = cell
    }
    rows.append(row)
  }

  mutating func append(contentsOf other: RawTable) {
    for row in other.rows { append(Array(zip(other.names, row))) }
  }

  /// The frame, with each column's kind inferred: int, float, bool, timestamp (ISO 8601),
  /// else string.
  func frame() -> Frame {
    let pairs: [(String, Column)] = names.indices.map { index in
      let cells = rows.map { index < $0.count ? $0[index] : .null }
      return (names[index], Self.column(cells))
    }
    return Frame(unchecked: pairs)
  }

  static func column(_ cells: [Cell]) -> Column {
    let kind = inferKind(cells)
    var builder = ColumnBuilder(kind: kind)
    builder.reserveCapacity(cells.count)
    for cell in cells { builder.append(value(cell, as: kind)) }
    return builder.finish()
  }

  static func inferKind(_ cells: [Cell]) -> ColumnKind {
    var candidates: Set<ColumnKind> = [.int, .double, .bool, .time]
    var sawValue = false
    for cell in cells {
      switch cell {
      case .null: continue
      case .number(let raw):
        candidates.subtract([.bool, .time])
        if Int64(raw) == nil { candidates.remove(.int) }
      case .bool: candidates.subtract([.int, .double, .time])
      case .text(let text, let isQuoted):
        if isQuoted || !Self.isPlainNumber(text) { candidates.subtract([.int, .double]) }
        if isQuoted { candidates.remove(.bool) }
        if Int64(text) == nil { candidates.remove(.int) }
        if Double(text) == nil { candidates.remove(.double) }
        if !["true", "false"].contains(text.lowercased()) { candidates.remove(.bool) }
        if ISODate.parse(text) == nil { candidates.remove(.time) }
      }
      sawValue = true
      if candidates.isEmpty { return .string }
    }
    guard sawValue else { return .string }
    for kind in [ColumnKind.int, .double, .bool, .time] where candidates.contains(kind) {
      return kind
    }
    return .string
  }

  /// Whether `text` is a number as people write one in a data file: `-12`, `3.5`, `1e6`, `0.25`.
  /// Leading zeros (`08123`, a ZIP code or an ID), hex, `nan`, `inf` and blanks are not: such a
  /// column stays text, so its values survive a round trip unchanged.
  static func isPlainNumber(_ text: String) -> Bool {
    var bytes = Substring(text).utf8[...]
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      bytes = bytes.dropFirst()
    }
    let integerDigits = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }
    if integerDigits.count > 1 && integerDigits.first == UInt8(ascii: "0") { return false }
    var rest = bytes.dropFirst(integerDigits.count)
    if rest.first == UInt8(ascii: ".") {
      rest = rest.dropFirst()
      let fraction = rest.prefix { $0 >= 0x30 && $0 <= 0x39 }
      guard !fraction.isEmpty else { return false }
      rest = rest.dropFirst(fraction.count)
    } else if integerDigits.isEmpty {
      return false
    }
    if let marker = rest.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
      rest = rest.dropFirst()
      if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
        rest = rest.dropFirst()
      }
      let exponent = rest.prefix { $0 >= 0x30 && $0 <= 0x39 }
      guard !exponent.isEmpty else { return false }
      rest = rest.dropFirst(exponent.count)
    }
    return rest.isEmpty
  }

  static func value(_ cell: Cell, as kind: ColumnKind) -> Value {
    switch (cell, kind) {
    case (.null, _): return .null
    case (.number(let raw), .int), (.text(let raw, _), .int):
      return Int64(raw).map(Value.int) ?? .null
    case (.number(let raw), .double), (.text(let raw, _), .double):
      return Double(raw).map(Value.double) ?? .null
    case (.bool(let flag), .bool): return .bool(flag)
    case (.text(let text, _), .bool): return .bool(text.lowercased() == "true")
    case (.text(let text, _), .time): return ISODate.parse(text).map(Value.time) ?? .null
    case (.text(let text, _), _): return .string(text)
    case (.number(let raw), _): return .string(raw)
    case (.bool(let flag), _): return .string(flag ? "true" : "false")
    }
  }
}
