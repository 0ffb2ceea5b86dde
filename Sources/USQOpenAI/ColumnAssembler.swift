import USQFrame
import USQVocabulary

/// The frame of many `ColumnSink`s, appended one after another as they are decoded: every
/// value is copied once, column by column, into the final typed arrays; string codes go
/// through a per-sink remap table into one merged dictionary (first-seen order).
///
/// The arrays are reserved for `estimatedRows` up front. Untouched capacity is address space,
/// not memory (large allocations are fresh mappings), so a generous estimate costs nothing and
/// no array is copied while growing unless the estimate was too low.
struct ColumnAssembler {
  private let kinds: [ScanPlan.Kind]
  private let fields: [ResultField]
  private(set) var rows = 0
  private var starts = ContiguousArray<Int64>()
  private var ends = ContiguousArray<Int64>()
  /// Per field, the array of its kind (the others stay empty).
  private var integers: [ContiguousArray<Int64>]
  private var doubles: [ContiguousArray<Double>]
  private var codes: [ContiguousArray<UInt32>]
  private var bits: [ContiguousArray<UInt64>]
  /// Per field, validity words (bit set = value), nil until the first null.
  private var validity: [ContiguousArray<UInt64>?]
  private var dictionaries: [[String]]
  /// Per sink and field, the frame's code of each of the sink's interned strings. Sinks are
  /// reused for many documents and keep their intern tables, so this only grows.
  private var remaps: [ObjectIdentifier: [[UInt32]]] = [:]
  /// Per field, whether a row so far held a value. Until one does, the field's arrays stay
  /// empty: a field the pages never send costs nothing (it ends as shared null columns).
  private var everValued: [Bool]
  private var lookups: [[String: UInt32]]

  init(plan: ScanPlan, estimatedRows: Int) {
    kinds = plan.kinds
    fields = plan.endpoint.fields
    let count = kinds.count
    integers = Array(repeating: [], count: count)
    doubles = Array(repeating: [], count: count)
    codes = Array(repeating: [], count: count)
    bits = Array(repeating: [], count: count)
    validity = Array(repeating: nil, count: count)
    dictionaries = Array(repeating: [], count: count)
    lookups = Array(repeating: [:], count: count)
    everValued = Array(repeating: false, count: count)
    starts.reserveCapacity(estimatedRows)
    ends.reserveCapacity(estimatedRows)
    for field in 0..<count {
      switch kinds[field] {
      case .integer: integers[field].reserveCapacity(estimatedRows)
      case .double: doubles[field].reserveCapacity(estimatedRows)
      case .string: codes[field].reserveCapacity(estimatedRows)
      case .bool: bits[field].reserveCapacity((estimatedRows + 63) >> 6)
      }
    }
  }

  /// Appends the sink's rows.
  mutating func append(_ sink: ColumnSink) {
    let count = sink.rows
    guard count > 0 else { return }
    starts.append(contentsOf: UnsafeBufferPointer(start: sink.starts, count: count))
    ends.append(contentsOf: UnsafeBufferPointer(start: sink.ends, count: count))
    for field in kinds.indices {
      let (values, nulls) = sink.column(field)
      let valued = sink.isValued(field)
      if !everValued[field] {
        guard valued else { continue }
        materializeNulls(field: field)
      }
      switch kinds[field] {
      case .integer:
        if valued {
          values.withMemoryRebound(to: Int64.self, capacity: count) {
            integers[field].append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
          }
        } else {
          integers[field].append(contentsOf: repeatElement(0, count: count))
        }
      case .double:
        if valued {
          values.withMemoryRebound(to: Double.self, capacity: count) {
            doubles[field].append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
          }
        } else {
          doubles[field].append(contentsOf: repeatElement(0, count: count))
        }
      case .bool:
        appendBools(field: field, values: values, valued: valued, count: count)
      case .string:
        appendCodes(field: field, sink: sink, valued: valued, count: count)
      }
      appendValidity(field: field, nulls: sink.hasNull[field] ? nulls : nil, count: count)
    }
    rows += count
  }

  /// The frame: `start_time`, `end_time`, then the endpoint's fields.
  func finish() -> Frame {
    var pairs: [(String, Column)] = [
      ("start_time", .time(TimeColumn(values: starts))),
      ("end_time", .time(TimeColumn(values: ends))),
    ]
    let neverValued = fields.indices.filter { !everValued[$0] }
    var nulls = Column.nulls(neverValued.map { fields[$0].kind }, count: rows)[...]
    for (field, resultField) in fields.enumerated() {
      if !everValued[field], let column = nulls.popFirst() {
        pairs.append((resultField.name, column))
        continue
      }
      let valid = validity[field].map { Bitmap(words: $0, count: rows) }
      let column: Column
      switch kinds[field] {
      case .integer:
        let values = IntColumn(values: integers[field], validity: valid)
        column = resultField.kind == .time ? .time(values) : .int(values)
      case .double: column = .double(DoubleColumn(values: doubles[field], validity: valid))
      case .bool:
        column = .bool(BoolColumn(bits: Bitmap(words: bits[field], count: rows), validity: valid))
      case .string:
        column = .string(
          StringColumn(codes: codes[field], dictionary: dictionaries[field], validity: valid))
      }
      pairs.append((resultField.name, column))
    }
    return Frame(unchecked: pairs)
  }

  /// The first value of `field` arrives: its earlier rows become zeros marked null.
  private mutating func materializeNulls(field: Int) {
    everValued[field] = true
    guard rows > 0 else { return }
    switch kinds[field] {
    case .integer: integers[field].append(contentsOf: repeatElement(0, count: rows))
    case .double: doubles[field].append(contentsOf: repeatElement(0, count: rows))
    case .string: codes[field].append(contentsOf: repeatElement(0, count: rows))
    case .bool: bits[field].append(contentsOf: repeatElement(0, count: (rows + 63) >> 6))
    }
    validity[field] = ContiguousArray(repeating: 0, count: (rows + 63) >> 6)
  }

  private mutating func appendBools(
    field: Int, values: UnsafeMutablePointer<UInt64>, valued: Bool, count: Int
  ) {
    let start = rows
    let wordCount = (start + count + 63) >> 6
    bits[field].append(contentsOf: repeatElement(0, count: wordCount - bits[field].count))
    guard valued else { return }
    bits[field].withUnsafeMutableBufferPointer { words in
      for r in 0..<count where values[r] != 0 {
        let bit = start &+ r
        words[bit &>> 6] |= 1 &<< UInt64(bit & 63)
      }
    }
  }

  private mutating func appendCodes(field: Int, sink: ColumnSink, valued: Bool, count: Int) {
    guard valued else {
      codes[field].append(contentsOf: repeatElement(0, count: count))
      return
    }
    let strings = sink.tables[field].strings
    var remap = remaps[ObjectIdentifier(sink)]?[field] ?? []
    if remap.count < strings.count {
      for string in strings[remap.count...] {
        if let code = lookups[field][string] {
          remap.append(code)
        } else {
          let code = UInt32(dictionaries[field].count)
          dictionaries[field].append(string)
          lookups[field][string] = code
          remap.append(code)
        }
      }
      remaps[ObjectIdentifier(sink), default: Array(repeating: [], count: kinds.count)][field] =
        remap
    }
    let (values, nulls) = sink.column(field)
    let hasNull = sink.hasNull[field]
    let previous = codes[field].count
    codes[field].append(contentsOf: repeatElement(0, count: count))
    codes[field].withUnsafeMutableBufferPointer { out in
      remap.withUnsafeBufferPointer { table in
        let target = out.baseAddress.unsafelyUnwrapped + previous
        for r in 0..<count {
          target[r] = table[Int(truncatingIfNeeded: values[r])]
        }
        // Null rows hold code 0 (StringColumn's rule), whatever code 0 of the sink maps to.
        if hasNull {
          for r in 0..<count where nulls[r &>> 6] &>> UInt64(r & 63) & 1 == 1 { target[r] = 0 }
        }
      }
    }
  }

  /// Validity of the appended rows: from the sink's null bits, or all valid (`nulls` nil).
  /// A field gets validity words at its first null.
  private mutating func appendValidity(
    field: Int, nulls: UnsafeMutablePointer<UInt64>?, count: Int
  ) {
    guard nulls != nil || validity[field] != nil else { return }
    let start = rows
    var words = validity[field] ?? []
    validity[field] = nil  // `words` is the only reference while it grows
    if words.isEmpty { Self.setBits(&words, from: 0, to: start) }
    if let nulls {
      words.append(contentsOf: repeatElement(0, count: (start + count + 63) >> 6 - words.count))
      words.withUnsafeMutableBufferPointer { out in
        for r in 0..<count where nulls[r &>> 6] &>> UInt64(r & 63) & 1 == 0 {
          let bit = start &+ r
          out[bit &>> 6] |= 1 &<< UInt64(bit & 63)
        }
      }
    } else {
      Self.setBits(&words, from: start, to: start + count)
    }
    validity[field] = words
  }

  /// Sets bits `from..<to` of `words`, growing it to cover them.
  private static func setBits(_ words: inout ContiguousArray<UInt64>, from: Int, to: Int) {
    words.append(contentsOf: repeatElement(0, count: max(0, (to + 63) >> 6 - words.count)))
    words.withUnsafeMutableBufferPointer { out in
      var bit = from
      while bit < to {
        if bit & 63 == 0 && to - bit >= 64 {
          out[bit &>> 6] = ~0
          bit &+= 64
        } else {
          out[bit &>> 6] |= 1 &<< UInt64(bit & 63)
          bit &+= 1
        }
      }
    }
  }
}
