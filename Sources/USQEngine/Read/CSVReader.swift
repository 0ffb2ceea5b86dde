/// Reads RFC 4180 CSV: a header row of column names, quoted fields with `""` escapes, CRLF or
/// LF line ends; an empty field is null.
enum CSVReader {
  /// A malformed file: why, and the 1-based line where the trouble starts.
  struct Failure: Error {
    var line: Int
    var reason: String
  }

  static func read(_ bytes: [UInt8]) throws(Failure) -> RawTable {
    let records = try split(bytes)
    // pandas, polars and DuckDB refuse an empty CSV too: there are no columns to give.
    guard let header = records.first else {
      throw Failure(line: 1, reason: "the file is empty (a CSV file starts with a header row)")
    }
    var names: [String] = []
    for (index, field) in header.enumerated() {
      var name = field.text.isEmpty ? "column_\(index + 1)" : field.text
      while names.contains(name) { name += "_2" }
      names.append(name)
    }
    var table = RawTable(names: names)
    for record in records.dropFirst() {
      if record.count == 1 && record[0].text.isEmpty && !record[0].isQuoted { continue }
      var cells: [(String, RawTable.Cell)] = []
      for (index, field) in record.enumerated() {
        let name = index < names.count ? names[index] : "column_\(index + 1)"
        let cell: RawTable.Cell =
          field.text.isEmpty && !field.isQuoted
          ? .null : .text(field.text, isQuoted: field.isQuoted)
        cells.append((name, cell))
      }
      table.append(cells)
    }
    return table
  }

  struct Field {
    var text: String
    var isQuoted: Bool
  }

  private static func split(_ bytes: [UInt8]) throws(Failure) -> [[Field]] {
    var records: [[Field]] = []
    var record: [Field] = []
    var field: [UInt8] = []
    var isQuoted = false
    var inQuotes = false
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    var quoteLine = 1
    func finishField() {
      record.append(Field(text: String(decoding: field, as: UTF8.self), isQuoted: isQuoted))
      field.removeAll(keepingCapacity: true)
      isQuoted = false
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\n") { line += 1 }
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          field.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        inQuotes = true
        isQuoted = true
        quoteLine = line
      case UInt8(ascii: ","): finishField()
      case UInt8(ascii: "\r"): continue
      case UInt8(ascii: "\n"):
        finishField()
        records.append(record)
        record = []
      default: field.append(byte)
      }
    }
    if inQuotes {
      throw Failure(line: quoteLine, reason: "a quoted field opened here is never closed")
    }
    if !field.isEmpty || !record.isEmpty || isQuoted {
      finishField()
      records.append(record)
    }
    return records
  }
}
