/// A packed sequence of bits, 64 per word, bit `i` at `words[i >> 6] >> (i & 63)`.
///
/// Used for validity (bit set = the value is present) and for Boolean values.
/// Bits past `count` in the last word are always zero, so word-level kernels
/// (`and`, `or`, population count) never see stray bits.
public struct Bitmap: Sendable, Equatable {
  /// The packed words; `words.count == (count + 63) / 64`. Writers keep bits past
  /// `count` zero.
  public var words: ContiguousArray<UInt64>
  /// The number of bits.
  public let count: Int

  /// A bitmap of `count` bits, all set to `value`.
  public init(repeating value: Bool, count: Int) {
    precondition(count >= 0, "negative bitmap size")
    let wordCount = (count + 63) >> 6
    self.words = ContiguousArray(repeating: value ? ~0 : 0, count: wordCount)
    self.count = count
    if value { clearTail() }
  }

  /// A bitmap from packed words; bits past `count` are cleared.
  public init(words: ContiguousArray<UInt64>, count: Int) {
    precondition(words.count == (count + 63) >> 6, "word count does not match bit count")
    self.words = words
    self.count = count
    clearTail()
  }

  /// A bitmap from a sequence of Booleans.
  public init<S: Sequence>(_ bits: S) where S.Element == Bool {
    var words = ContiguousArray<UInt64>()
    var count = 0
    var word: UInt64 = 0
    for bit in bits {
      if bit { word |= 1 &<< UInt64(count & 63) }
      count += 1
      if count & 63 == 0 {
        words.append(word)
        word = 0
      }
    }
    if count & 63 != 0 { words.append(word) }
    self.words = words
    self.count = count
  }

  /// The bit at `index` (0-based).
  @inlinable
  public subscript(index: Int) -> Bool {
    get {
      assert(index >= 0 && index < count, "bitmap index out of range")
      return words[index &>> 6] &>> UInt64(index & 63) & 1 == 1
    }
    set {
      assert(index >= 0 && index < count, "bitmap index out of range")
      let mask: UInt64 = 1 &<< UInt64(index & 63)
      if newValue { words[index &>> 6] |= mask } else { words[index &>> 6] &= ~mask }
    }
  }

  /// The number of set bits.
  public var setCount: Int {
    var total = 0
    for word in words { total &+= word.nonzeroBitCount }
    return total
  }

  /// Whether every bit is set.
  public var isAllSet: Bool { setCount == count }

  /// The position of the first set bit in `range`, or nil when none is set there.
  func firstSet(in range: Range<Int>) -> Int? {
    guard !range.isEmpty else { return nil }
    var wordIndex = range.lowerBound >> 6
    var word = words[wordIndex] & (~0 << UInt64(range.lowerBound & 63))
    while word == 0 {
      wordIndex += 1
      guard wordIndex << 6 < range.upperBound else { return nil }
      word = words[wordIndex]
    }
    let position = wordIndex << 6 + word.trailingZeroBitCount
    return position < range.upperBound ? position : nil
  }

  /// Bits `range` as a new bitmap.
  public func slice(_ range: Range<Int>) -> Bitmap {
    if range.lowerBound & 63 == 0 {
      let first = range.lowerBound >> 6
      let wordCount = (range.count + 63) >> 6
      return Bitmap(words: ContiguousArray(words[first..<(first + wordCount)]), count: range.count)
    }
    return Bitmap(range.lazy.map { self[$0] })
  }

  /// The bits selected by `indices`, in that order.
  public func gather<C: Collection>(_ indices: C) -> Bitmap where C.Element == Int {
    var words = ContiguousArray<UInt64>(repeating: 0, count: (indices.count + 63) >> 6)
    var out = 0
    for index in indices {
      precondition(index >= 0 && index < count, "gather index out of range")
      let bit = self.words[index &>> 6] &>> UInt64(index & 63) & 1
      words[out &>> 6] |= bit &<< UInt64(out & 63)
      out += 1
    }
    return Bitmap(words: words, count: indices.count)
  }

  /// This bitmap followed by `other`.
  public func appending(_ other: Bitmap) -> Bitmap {
    var result = self
    result.append(contentsOf: other)
    return result
  }

  /// Appends the bits of `other`.
  public mutating func append(contentsOf other: Bitmap) {
    if count & 63 == 0 {
      let total = count + other.count
      words.append(contentsOf: other.words)
      self = Bitmap(words: words, count: total)
      return
    }
    var result = Bitmap(repeating: false, count: count + other.count)
    for index in 0..<(count >> 6 + 1) where index < words.count {
      result.words[index] = words[index]
    }
    for index in 0..<other.count where other[index] { result[count + index] = true }
    self = result
  }

  /// Bitwise AND of two bitmaps of equal length.
  public static func & (lhs: Bitmap, rhs: Bitmap) -> Bitmap {
    precondition(lhs.count == rhs.count, "bitmap lengths differ")
    var words = lhs.words
    for index in words.indices { words[index] &= rhs.words[index] }
    return Bitmap(words: words, count: lhs.count)
  }

  /// Bitwise OR of two bitmaps of equal length.
  public static func | (lhs: Bitmap, rhs: Bitmap) -> Bitmap {
    precondition(lhs.count == rhs.count, "bitmap lengths differ")
    var words = lhs.words
    for index in words.indices { words[index] |= rhs.words[index] }
    return Bitmap(words: words, count: lhs.count)
  }

  /// Bitwise NOT.
  public static prefix func ~ (bitmap: Bitmap) -> Bitmap {
    var words = bitmap.words
    for index in words.indices { words[index] = ~words[index] }
    return Bitmap(words: words, count: bitmap.count)
  }

  private mutating func clearTail() {
    let used = count & 63
    if used != 0, let last = words.indices.last {
      words[last] &= (1 &<< UInt64(used)) &- 1
    }
  }
}

/// Combines two optional validity bitmaps: a row is valid when it is valid in both.
@inlinable
public func intersectValidity(_ lhs: Bitmap?, _ rhs: Bitmap?) -> Bitmap? {
  switch (lhs, rhs) {
  case (nil, nil): return nil
  case (let only?, nil), (nil, let only?): return only
  case (let left?, let right?): return left & right
  }
}
