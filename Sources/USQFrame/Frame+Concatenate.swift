extension Frame {
  /// The rows of `frames`, one after another, in one frame.
  ///
  /// All frames must have the same schema. String columns get one merged dictionary
  /// (first-seen order); codes are remapped through a table per input, never by hashing
  /// per row. Cost: one copy of every value.
  ///
  /// ```swift
  /// let all = try Frame.concatenate(pages)   // pages decoded one by one
  /// ```
  public static func concatenate(_ frames: [Frame]) throws(FrameError) -> Frame {
    guard let first = frames.first else { return .empty }
    if frames.count == 1 { return first }
    let schema = first.schema
    for frame in frames.dropFirst() where frame.schema != schema {
      throw .schemaMismatch(expected: schema, found: frame.schema)
    }
    let pairs = schema.fields.indices.map { column in
      (schema.fields[column].name, concatenateColumns(frames.map { $0.columns[column] }))
    }
    return Frame(unchecked: pairs)
  }
}

/// Concatenates columns of one kind.
func concatenateColumns(_ parts: [Column]) -> Column {
  let validity = concatenateValidity(parts)
  switch parts[0].kind {
  case .int, .time:
    var values = ContiguousArray<Int64>()
    values.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts {
      if case .int(let column) = part { values.append(contentsOf: column.values) }
      if case .time(let column) = part { values.append(contentsOf: column.values) }
    }
    let column = IntColumn(values: values, validity: validity)
    return parts[0].kind == .int ? .int(column) : .time(column)
  case .double:
    var values = ContiguousArray<Double>()
    values.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for case .double(let column) in parts { values.append(contentsOf: column.values) }
    return .double(DoubleColumn(values: values, validity: validity))
  case .bool:
    var bits = Bitmap(repeating: false, count: 0)
    for case .bool(let column) in parts { bits.append(contentsOf: column.bits) }
    return .bool(BoolColumn(bits: bits, validity: validity))
  case .string:
    return .string(
      concatenateStrings(
        parts.compactMap { if case .string(let c) = $0 { c } else { nil } }, validity: validity))
  }
}

private func concatenateValidity(_ parts: [Column]) -> Bitmap? {
  guard parts.contains(where: { $0.validity != nil }) else { return nil }
  var result = Bitmap(repeating: true, count: 0)
  for part in parts {
    result.append(contentsOf: part.validity ?? Bitmap(repeating: true, count: part.count))
  }
  return result
}

private func concatenateStrings(_ parts: [StringColumn], validity: Bitmap?) -> StringColumn {
  var dictionary: [String] = parts[0].dictionary
  var lookup: [String: UInt32] = [:]
  for (code, string) in dictionary.enumerated() { lookup[string] = UInt32(code) }
  var codes = ContiguousArray<UInt32>()
  codes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
  codes.append(contentsOf: parts[0].codes)
  for part in parts.dropFirst() {
    var remap = [UInt32](repeating: 0, count: part.dictionary.count)
    for (code, string) in part.dictionary.enumerated() {
      if let existing = lookup[string] {
        remap[code] = existing
      } else {
        let new = UInt32(dictionary.count)
        dictionary.append(string)
        lookup[string] = new
        remap[code] = new
      }
    }
    if remap.isEmpty {
      codes.append(contentsOf: repeatElement(0, count: part.count))
      continue
    }
    for code in part.codes { codes.append(Int(code) < remap.count ? remap[Int(code)] : 0) }
  }
  return StringColumn(codes: codes, dictionary: dictionary, validity: validity)
}
