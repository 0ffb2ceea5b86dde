/// A conjunction of `column = value` tests on string and bool columns, which kernels test 64
/// rows at a time without building a mask column (`where model = "gpt-4o" and batch = false`).
///
/// A row passes when every tested column holds its value; null passes no test. That is the
/// rows where `Column.compare(.equal, column, value)` is true for every test, combined with
/// `BoolColumn.and`.
public struct RowCondition: Sendable, Hashable {
  /// One `column = value` test.
  public struct Test: Sendable, Hashable {
    public var column: String
    public var value: Value

    public init(column: String, value: Value) {
      self.column = column
      self.value = value
    }
  }

  /// The tests, all of which a row must pass (none: every row passes).
  public var tests: [Test]

  public init(_ tests: [Test]) {
    self.tests = tests
  }
}

extension Frame {
  /// The rows of `self` where `condition` holds, as a mask column.
  ///
  /// - Throws: `FrameError.unknownColumn`, `.typeMismatch` for a value its column cannot equal.
  public func mask(_ condition: RowCondition) throws(FrameError) -> BoolColumn {
    var mask = BoolColumn(bits: Bitmap(repeating: true, count: rowCount))
    for test in condition.tests {
      mask = BoolColumn.and(mask, try Column.compare(.equal, try column(test.column), test.value))
    }
    return mask
  }

  /// `bucket(width, selecting: tested.mask(condition))`: the condition is tested on the rows of
  /// `tested` (a frame with the same rows: the one `where` read) while the selected rows of
  /// `self` are summed, 64 rows at a time, without a mask column or a filtered frame.
  ///
  /// That fast path needs `start` to be a sorted time column without nulls, one or two int
  /// columns without nulls besides it and nothing else, and string or bool tested columns;
  /// anything else, or an overflow, builds the mask and takes `bucket(_:selecting:)`.
  ///
  /// ```swift
  /// let condition = RowCondition([.init(column: "model", value: .string("gpt-4o"))])
  /// let daily = try tokens.bucket(.day, where: condition, in: usage)
  /// ```
  /// - Throws: as `mask(_:)` and `bucket`.
  public func bucket(
    _ width: TimeBucket, where condition: RowCondition, in tested: Frame,
    start: String = "start_time", end: String = "end_time"
  ) throws(FrameError) -> Frame {
    precondition(tested.rowCount == rowCount, "the tested frame's rows differ")
    if let frame = conditionBucketSums(width, condition, tested, start: start) { return frame }
    return try bucket(width, selecting: try tested.mask(condition), start: start, end: end)
  }

  /// The fast path of `bucket(_:where:in:)`, or nil when the frames do not have its shape.
  private func conditionBucketSums(
    _ width: TimeBucket, _ condition: RowCondition, _ tested: Frame, start: String
  ) -> Frame? {
    guard rowCount > 0, columnCount <= 3, case .time(let starts)? = self[start],
      starts.validity == nil
    else { return nil }
    var summed: [ContiguousArray<Int64>] = []
    for (name, column) in pairs where name != start {
      guard case .int(let numbers) = column, numbers.validity == nil else { return nil }
      summed.append(numbers.values)
    }
    var tests: [WordTest] = []
    for test in condition.tests {
      guard let prepared = WordTest(test, in: tested) else { return nil }
      tests.append(prepared)
    }
    guard let first = summed.first, starts.isSortedWithoutNulls,
      let edges = Aggregator.sortedBucketEdges(starts.values, width),
      let sums = Aggregator.edgeSums(first, summed.count > 1 ? summed[1] : first, edges.rows, tests)
    else { return nil }
    let kept = sums.hasRows.indices.filter { sums.hasRows[$0] }
    guard !kept.isEmpty else { return nil }
    let columns: [Column] = pairs.enumerated().map { position, pair in
      if pair.0 == start {
        return .time(TimeColumn(values: ContiguousArray(kept.map { edges.starts[$0] })))
      }
      let values = position == (pairs.firstIndex { $0.0 != start } ?? 0) ? sums.first : sums.second
      return .int(IntColumn(values: ContiguousArray(kept.map { values[$0] })))
    }
    return Frame(unchecked: Array(zip(names, columns)))
  }
}

/// One `column = value` test, ready to give 64 rows' answers at a time.
enum WordTest {
  /// String codes equal to one code, rows with a validity bit only.
  case code(ContiguousArray<UInt32>, UInt32, validity: Bitmap?)
  /// Bool bits equal to a value (`isTrue`), rows with a validity bit only.
  case flag(Bitmap, isTrue: Bool, validity: Bitmap?)
  /// No row can pass (a value missing from the dictionary).
  case nothing

  init?(_ test: RowCondition.Test, in frame: Frame) {
    switch (frame[test.column], test.value) {
    case (.string(let strings)?, .string(let text)):
      let matches = strings.dictionary.indices.filter {
        OrderedUTF8(strings.dictionary[$0]) == OrderedUTF8(text)
      }
      guard matches.count <= 1 else { return nil }
      self =
        matches.first.map { .code(strings.codes, UInt32($0), validity: strings.validity) }
        ?? .nothing
    case (.bool(let flags)?, .bool(let value)):
      self = .flag(flags.bits, isTrue: value, validity: flags.validity)
    default: return nil
    }
  }
}

extension Aggregator {
  /// The sums of `first` and `second` over the rows passing every test, per bucket of `edges`
  /// (bucket `b` spans rows `edges[b]` up to the next edge), and whether each bucket has such a
  /// row; nil when a sum overflows.
  static func edgeSums(
    _ first: ContiguousArray<Int64>, _ second: ContiguousArray<Int64>,
    _ edges: ContiguousArray<Int>, _ tests: [WordTest]
  ) -> (first: ContiguousArray<Int64>, second: ContiguousArray<Int64>, hasRows: [Bool])? {
    var firstSums = ContiguousArray<Int64>(repeating: 0, count: edges.count)
    var secondSums = firstSums
    var hasRows = [Bool](repeating: false, count: edges.count)
    var overflowBits: Int64 = 0
    let count = first.count
    var bucket = 0
    var nextEdge = edges.count > 1 ? edges[1] : Int.max
    var firstSum: Int64 = 0
    var secondSum: Int64 = 0
    var bucketHasRows = false
    first.withUnsafeBufferPointer { first in
      second.withUnsafeBufferPointer { second in
        for wordIndex in 0..<((count + 63) >> 6) {
          var bits = WordTest.all(tests, wordIndex, count: count)
          let base = wordIndex &<< 6
          while bits != 0 {
            let row = base &+ bits.trailingZeroBitCount
            bits &= bits &- 1
            if row >= nextEdge {
              (firstSums[bucket], secondSums[bucket]) = (firstSum, secondSum)
              hasRows[bucket] = bucketHasRows
              (firstSum, secondSum) = (0, 0)
              while row >= nextEdge {
                bucket &+= 1
                nextEdge = bucket &+ 1 < edges.count ? edges[bucket &+ 1] : Int.max
              }
            }
            bucketHasRows = true
            let firstValue = first[row]
            let secondValue = second[row]
            let firstResult = firstSum &+ firstValue
            let secondResult = secondSum &+ secondValue
            overflowBits |=
              ((firstSum ^ firstResult) & (firstValue ^ firstResult))
              | ((secondSum ^ secondResult) & (secondValue ^ secondResult))
            (firstSum, secondSum) = (firstResult, secondResult)
          }
        }
      }
    }
    (firstSums[bucket], secondSums[bucket]) = (firstSum, secondSum)
    hasRows[bucket] = bucketHasRows
    return overflowBits < 0 ? nil : (firstSums, secondSums, hasRows)
  }
}

extension WordTest {
  /// The rows `64 × wordIndex …` (of `count`) that pass every test, as bits.
  @inline(__always)
  static func all(_ tests: [WordTest], _ wordIndex: Int, count: Int) -> UInt64 {
    let remaining = count &- wordIndex &<< 6
    var bits: UInt64 = remaining >= 64 ? .max : (1 &<< UInt64(remaining)) &- 1
    for test in tests {
      if bits == 0 { return 0 }
      bits &= test.word(wordIndex)
    }
    return bits
  }

  @inline(__always)
  func word(_ wordIndex: Int) -> UInt64 {
    switch self {
    case .code(let codes, let code, let validity):
      let equal = codes.withUnsafeBufferPointer {
        ComparisonKernel.equalWord($0, wordIndex, code)
      }
      return equal & (validity?.words[wordIndex] ?? .max)
    case .flag(let flags, let isTrue, let validity):
      let word = flags.words[wordIndex]
      return (isTrue ? word : ~word) & (validity?.words[wordIndex] ?? .max)
    case .nothing:
      return 0
    }
  }
}
