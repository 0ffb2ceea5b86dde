import USQFrame

extension SpendOutput {
  /// The rows `rows` of `column`, in that order: one tight loop per storage (a result of 100k+
  /// rows is gathered from a few thousand costs rows and tuples).
  static func gather(_ column: Column, _ rows: [Int]) -> Column {
    switch column {
    case .int(let numbers):
      .int(IntColumn(values: values(numbers.values, rows), validity: bits(numbers.validity, rows)))
    case .time(let times):
      .time(TimeColumn(values: values(times.values, rows), validity: bits(times.validity, rows)))
    case .double(let numbers):
      .double(
        DoubleColumn(values: values(numbers.values, rows), validity: bits(numbers.validity, rows)))
    case .string(let strings):
      .string(
        StringColumn(
          codes: values(strings.codes, rows), dictionary: strings.dictionary,
          validity: bits(strings.validity, rows)))
    case .bool(let flags):
      .bool(
        BoolColumn(
          bits: bits(flags.bits, rows) ?? Bitmap(repeating: false, count: rows.count),
          validity: bits(flags.validity, rows)))
    }
  }

  private static func values<Element>(_ source: ContiguousArray<Element>, _ rows: [Int])
    -> ContiguousArray<Element>
  {
    ContiguousArray(unsafeUninitializedCapacity: rows.count) { buffer, count in
      source.withUnsafeBufferPointer { source in
        for (index, row) in rows.enumerated() {
          buffer.initializeElement(at: index, to: source[row])
        }
      }
      count = rows.count
    }
  }

  private static func bits(_ source: Bitmap?, _ rows: [Int]) -> Bitmap? {
    guard let source else { return nil }
    return bitmap(rows.count) { source[rows[$0]] }
  }

  /// A bitmap of `count` bits, bit `i` = `bit(i)`, built word by word.
  static func bitmap(_ count: Int, _ bit: (Int) -> Bool) -> Bitmap {
    var words = ContiguousArray<UInt64>(repeating: 0, count: (count + 63) >> 6)
    for index in 0..<count where bit(index) { words[index >> 6] |= 1 << UInt64(index & 63) }
    return Bitmap(words: words, count: count)
  }
}
