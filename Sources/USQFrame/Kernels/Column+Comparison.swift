/// `= != < <= > >=`.
public enum ComparisonOperator: String, Sendable, CaseIterable {
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="

  /// The operator with its operands swapped: `a < b` ⇔ `b > a`.
  public var flipped: ComparisonOperator {
    switch self {
    case .equal, .notEqual: self
    case .less: .greater
    case .lessOrEqual: .greaterOrEqual
    case .greater: .less
    case .greaterOrEqual: .lessOrEqual
    }
  }

  /// `lhs op rhs` for any comparable pair (used per dictionary entry and by references).
  @inline(__always)
  public func test<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
    switch self {
    case .equal: lhs == rhs
    case .notEqual: lhs != rhs
    case .less: lhs < rhs
    case .lessOrEqual: lhs <= rhs
    case .greater: lhs > rhs
    case .greaterOrEqual: lhs >= rhs
    }
  }
}

extension Column {
  /// `lhs op rhs` row by row, as a Boolean column that is null where either side is null.
  ///
  /// Ints, doubles and times compare numerically (an int against a double as doubles; a time
  /// against an int as seconds); strings by UTF-8 bytes; bools with false < true. Doubles follow
  /// IEEE rules: NaN is unequal to everything, itself included.
  ///
  /// ```swift
  /// let big = try Column.compare(.greater, frame["input_tokens"]!, .int(1_000))
  /// ```
  /// - Throws: `FrameError.typeMismatch` when the kinds cannot be compared (string vs int).
  public static func compare(_ op: ComparisonOperator, _ lhs: Column, _ rhs: Column)
    throws(FrameError) -> BoolColumn
  {
    precondition(lhs.count == rhs.count, "operand lengths differ")
    let validity = intersectValidity(lhs.validity, rhs.validity)
    let bits: Bitmap
    switch (lhs, rhs) {
    case (.string(let left), .string(let right)):
      let (leftRanks, rightRanks) = StringColumn.jointRanks(left, right)
      bits = ComparisonKernel.run(
        op, RankReader(codes: left.codes, ranks: leftRanks),
        RankReader(codes: right.codes, ranks: rightRanks), count: lhs.count)
    case (.bool(let left), .bool(let right)):
      bits = ComparisonKernel.bools(op, left.bits.words, right.bits.words, count: lhs.count)
    default:
      bits = try ComparisonKernel.numeric(
        op, ArithmeticOperand(lhs), ArithmeticOperand(rhs), count: lhs.count)
    }
    return BoolColumn(bits: bits.masked(by: validity), validity: validity)
  }

  /// `lhs op rhs` against one scalar. A string column compares the scalar with each dictionary
  /// entry once, then maps codes; a null scalar gives an all-null result.
  /// - Throws: `FrameError.typeMismatch` when the kinds cannot be compared.
  public static func compare(_ op: ComparisonOperator, _ lhs: Column, _ rhs: Value)
    throws(FrameError) -> BoolColumn
  {
    let count = lhs.count
    if rhs.isNull {
      return BoolColumn(
        bits: Bitmap(repeating: false, count: count),
        validity: Bitmap(repeating: false, count: count))
    }
    let bits: Bitmap
    switch (lhs, rhs) {
    case (.string(let column), .string(let text)):
      let table = column.dictionary.map { op.test(OrderedUTF8($0), OrderedUTF8(text)) }
      bits = ComparisonKernel.lookup(column.codes, table: table)
    case (.bool(let column), .bool(let flag)):
      let words = ContiguousArray(repeating: flag ? UInt64.max : 0, count: column.bits.words.count)
      bits = ComparisonKernel.bools(op, column.bits.words, words, count: count)
    default:
      bits = try ComparisonKernel.numeric(
        op, ArithmeticOperand(lhs), ArithmeticOperand(rhs), count: count)
    }
    return BoolColumn(bits: bits.masked(by: lhs.validity), validity: lhs.validity)
  }

  /// `lhs op rhs` with the scalar on the left.
  public static func compare(_ op: ComparisonOperator, _ lhs: Value, _ rhs: Column)
    throws(FrameError) -> BoolColumn
  {
    try compare(op.flipped, rhs, lhs)
  }
}

// MARK: - Readers

/// A string compared by its UTF-8 bytes.
public struct OrderedUTF8: Comparable {
  public let string: String
  public init(_ string: String) { self.string = string }
  public static func < (lhs: Self, rhs: Self) -> Bool { utf8Precedes(lhs.string, rhs.string) }
  public static func == (lhs: Self, rhs: Self) -> Bool { utf8Equal(lhs.string, rhs.string) }
}

extension StringColumn {
  /// Ranks of both dictionaries in one UTF-8 order, so codes of different columns compare.
  static func jointRanks(_ lhs: StringColumn, _ rhs: StringColumn)
    -> (ContiguousArray<UInt32>, ContiguousArray<UInt32>)
  {
    let joint = StringColumn(codes: [], dictionary: lhs.dictionary + rhs.dictionary)
      .dictionaryRanks()
    return (
      ContiguousArray(joint[..<lhs.dictionary.count]),
      ContiguousArray(joint[lhs.dictionary.count...])
    )
  }
}

/// Reads row values for a comparison loop; specialised per reader, so no per-row dispatch.
protocol RowReader {
  associatedtype Element: Comparable
  func callAsFunction(_ index: Int) -> Element
}

struct ArrayReader<Element: Comparable>: RowReader {
  let values: ContiguousArray<Element>
  @inline(__always) func callAsFunction(_ index: Int) -> Element { values[index] }
}

struct ScalarReader<Element: Comparable>: RowReader {
  let value: Element
  @inline(__always) func callAsFunction(_ index: Int) -> Element { value }
}

/// Doubles as their order keys (NaN above every number, -0.0 = 0.0).
struct DoubleKeyReader: RowReader {
  let values: ContiguousArray<Double>
  @inline(__always) func callAsFunction(_ index: Int) -> UInt64 { OrderKey.of(values[index]) }
}

struct RankReader: RowReader {
  let codes: ContiguousArray<UInt32>
  let ranks: ContiguousArray<UInt32>
  @inline(__always) func callAsFunction(_ index: Int) -> UInt32 {
    ranks.isEmpty ? 0 : ranks[Int(codes[index])]
  }
}

// MARK: - Loops

enum ComparisonKernel {
  static func numeric(
    _ op: ComparisonOperator, _ lhs: ArithmeticOperand, _ rhs: ArithmeticOperand, count: Int
  ) throws(FrameError) -> Bitmap {
    let kinds = (lhs.kind ?? .int, rhs.kind ?? .int)
    switch kinds {
    case (.int, .int), (.time, .time), (.time, .int), (.int, .time):
      guard let left = lhs.integers, let right = rhs.integers else { break }
      return run(op, left, right, count: count)
    case (.double, .double), (.int, .double), (.double, .int):
      return run(op, lhs.asDoubles, rhs.asDoubles, count: count)
    default: break
    }
    throw .typeMismatch("cannot compare \(kinds.0) with \(kinds.1)")
  }

  static func run<Element: Comparable>(
    _ op: ComparisonOperator, _ lhs: Side<Element>, _ rhs: Side<Element>, count: Int
  ) -> Bitmap {
    switch (lhs, rhs) {
    case (.values(let left), .values(let right)):
      run(op, ArrayReader(values: left), ArrayReader(values: right), count: count)
    case (.values(let left), .scalar(let right)):
      run(op, ArrayReader(values: left), ScalarReader(value: right), count: count)
    case (.scalar(let left), .values(let right)):
      run(op, ScalarReader(value: left), ArrayReader(values: right), count: count)
    case (.scalar(let left), .scalar(let right)):
      Bitmap(repeating: op.test(left, right), count: count)
    }
  }

  static func run<L: RowReader, R: RowReader>(
    _ op: ComparisonOperator, _ lhs: L, _ rhs: R, count: Int
  ) -> Bitmap where L.Element == R.Element {
    switch op {
    case .equal: loop(lhs, rhs, count: count) { $0 == $1 }
    case .notEqual: loop(lhs, rhs, count: count) { $0 != $1 }
    case .less: loop(lhs, rhs, count: count) { $0 < $1 }
    case .lessOrEqual: loop(lhs, rhs, count: count) { $0 <= $1 }
    case .greater: loop(lhs, rhs, count: count) { $0 > $1 }
    case .greaterOrEqual: loop(lhs, rhs, count: count) { $0 >= $1 }
    }
  }

  // The predicate is a literal at every call site and the function is inlined, so the
  // optimiser specialises the loop per operator (no closure call per row).
  @inline(__always)
  static func loop<L: RowReader, R: RowReader>(
    _ lhs: L, _ rhs: R, count: Int, _ predicate: (L.Element, L.Element) -> Bool
  ) -> Bitmap where L.Element == R.Element {
    let wordCount = (count + 63) >> 6
    var words = ContiguousArray<UInt64>(repeating: 0, count: wordCount)
    for wordIndex in 0..<wordCount {
      let base = wordIndex << 6
      let end = Swift.min(base + 64, count)
      var word: UInt64 = 0
      for index in base..<end where predicate(lhs(index), rhs(index)) {
        word |= 1 &<< UInt64(index &- base)
      }
      words[wordIndex] = word
    }
    return Bitmap(words: words, count: count)
  }

  /// Row bit = `table[code]`. One true entry (`model = "gpt-4o"`) compares codes with it;
  /// none or all give a constant.
  static func lookup(_ codes: ContiguousArray<UInt32>, table: [Bool]) -> Bitmap {
    let count = codes.count
    let trueCodes = table.indices.filter { table[$0] }
    if trueCodes.isEmpty { return Bitmap(repeating: false, count: count) }
    if trueCodes.count == table.count { return Bitmap(repeating: true, count: count) }
    if trueCodes.count == 1 { return equalLoop(codes, UInt32(trueCodes[0]), count: count) }
    return tableLoop(codes, ContiguousArray(table.lazy.map { UInt64($0 ? 1 : 0) }), count: count)
  }

  /// Word-level comparison of bit-packed Booleans (false < true).
  static func bools(
    _ op: ComparisonOperator, _ lhs: ContiguousArray<UInt64>, _ rhs: ContiguousArray<UInt64>,
    count: Int
  ) -> Bitmap {
    var words = ContiguousArray<UInt64>(repeating: 0, count: lhs.count)
    for index in 0..<lhs.count {
      let a = lhs[index]
      let b = rhs[index]
      words[index] =
        switch op {
        case .equal: ~(a ^ b)
        case .notEqual: a ^ b
        case .less: ~a & b
        case .lessOrEqual: ~a | b
        case .greater: a & ~b
        case .greaterOrEqual: a | ~b
        }
    }
    return Bitmap(words: words, count: count)
  }
}
