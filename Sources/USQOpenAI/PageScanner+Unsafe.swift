import USQFrame

// The pointer-level parts of `PageScanner`: the byte reader, the column sink and the intern
// table. Every read is guarded by `i < n` (bytes) or `n - i >= 8` (words).

/// Why a scan stopped: malformed JSON (offset, reason) or a shape the scanner does not know.
enum ScanFailure: Error {
  case malformed(Int, StaticString)
  case unsupported
}

private let ones: UInt64 = 0x0101_0101_0101_0101
private let highs: UInt64 = 0x8080_8080_8080_8080

/// The high bit of each byte of `w` that is `"`, `\`, < 0x20 or ≥ 0x80; exact up to the first.
@inline(always) private func specialBytes(_ w: UInt64) -> UInt64 {
  let quote = w ^ (ones &* 0x22)
  let slash = w ^ (ones &* 0x5C)
  let q = (quote &- ones) & ~quote
  let s = (slash &- ones) & ~slash
  let c = (w &- ones &* 0x20) & ~w
  return (q | s | c | w) & highs
}

@inline(always) private func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
  (h ^ w) &* 0x9E37_79B9_7F4A_7C15
}

/// A word hash of `len` bytes at `p`.
@inline(always) func hashBytes(_ p: UnsafePointer<UInt8>, _ len: Int) -> UInt64 {
  var h: UInt64 = 0x243F_6A88_85A3_08D3
  var j = 0
  let raw = UnsafeRawPointer(p)
  while len &- j >= 8 {
    h = mix(h, raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))
    j &+= 8
  }
  var tail: UInt64 = 0
  var shift: UInt64 = 0
  while j < len {
    tail |= UInt64(p[j]) &<< shift
    shift &+= 8
    j &+= 1
  }
  h = mix(h, tail ^ UInt64(len))
  return h ^ (h &>> 29)
}

@inline(always) func bytesEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ len: Int)
  -> Bool
{
  var j = 0
  let ra = UnsafeRawPointer(a)
  let rb = UnsafeRawPointer(b)
  while len &- j >= 8 {
    if ra.loadUnaligned(fromByteOffset: j, as: UInt64.self)
      != rb.loadUnaligned(fromByteOffset: j, as: UInt64.self)
    {
      return false
    }
    j &+= 8
  }
  while j < len {
    if a[j] != b[j] { return false }
    j &+= 1
  }
  return true
}

// MARK: - Intern table

/// Distinct strings of one column: open addressing over (hash, code), bytes in an arena.
/// A `String` is made once per distinct value.
struct InternTable {
  /// 0 = empty, else (hash high 32 bits) << 32 | code + 1.
  private var slots: UnsafeMutablePointer<UInt64>
  private var mask: Int
  private var arena: UnsafeMutablePointer<UInt8>
  private var arenaCount = 0
  private var arenaCapacity: Int
  private var offsets: [Int] = []
  private var lengths: [Int] = []
  private(set) var strings: [String] = []

  init() {
    mask = 63
    slots = .allocate(capacity: 64)
    slots.initialize(repeating: 0, count: 64)
    arenaCapacity = 1024
    arena = .allocate(capacity: arenaCapacity)
  }

  func free() {
    slots.deallocate()
    arena.deallocate()
  }

  /// The code of the (validated UTF-8) bytes, interning them if new.
  @inline(always)
  mutating func intern(_ p: UnsafePointer<UInt8>, _ len: Int) -> UInt32 {
    intern(p, len, hash: hashBytes(p, len))
  }

  /// The code of the bytes, given their `hashBytes` hash.
  @inline(always)
  mutating func intern(_ p: UnsafePointer<UInt8>, _ len: Int, hash h: UInt64) -> UInt32 {
    let tag = h & 0xFFFF_FFFF_0000_0000
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      if entry & 0xFFFF_FFFF_0000_0000 == tag {
        let code = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) &- 1
        if lengths[code] == len && bytesEqual(arena + offsets[code], p, len) { return UInt32(code) }
      }
      slot = (slot &+ 1) & mask
    }
    let code = strings.count
    if arenaCount + len > arenaCapacity {
      let newCapacity = max(arenaCapacity * 2, arenaCount + len)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      grown.update(from: arena, count: arenaCount)
      arena.deallocate()
      arena = grown
      arenaCapacity = newCapacity
    }
    (arena + arenaCount).update(from: p, count: len)
    offsets.append(arenaCount)
    lengths.append(len)
    arenaCount += len
    strings.append(String(decoding: UnsafeBufferPointer(start: p, count: len), as: UTF8.self))
    slots[slot] = tag | UInt64(code + 1)
    if strings.count * 2 > mask { grow() }
    return UInt32(code)
  }

  private mutating func grow() {
    let newMask = mask * 2 + 1
    let grown = UnsafeMutablePointer<UInt64>.allocate(capacity: newMask + 1)
    grown.initialize(repeating: 0, count: newMask + 1)
    for code in strings.indices {
      let h = hashBytes(arena + offsets[code], lengths[code])
      var slot = Int(truncatingIfNeeded: h) & newMask
      while grown[slot] != 0 { slot = (slot &+ 1) & newMask }
      grown[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(code + 1)
    }
    slots.deallocate()
    slots = grown
    mask = newMask
  }
}

// MARK: - Column sink

/// Column-major buffers the scanner writes rows into: one 64-bit slot per field and row
/// (int and time values, double bit patterns, bools as 0/1, string codes), null bits per field,
/// and the bucket times.
final class ColumnSink: @unchecked Sendable {
  let fieldCount: Int
  private(set) var capacity: Int
  var rows = 0
  var values: UnsafeMutablePointer<UInt64>
  var nullWords: UnsafeMutablePointer<UInt64>
  let hasNull: UnsafeMutablePointer<Bool>
  var starts: UnsafeMutablePointer<Int64>
  var ends: UnsafeMutablePointer<Int64>
  let tables: UnsafeMutablePointer<InternTable>
  var skippedRows = 0
  /// Fields that hold a value in some row; the values of the others are never written
  /// (their rows are all null, and the frame gets zeros).
  var valuedMask: UInt64 = 0

  /// Whether `field` holds a value in some row (else its value slots are unwritten).
  func isValued(_ field: Int) -> Bool { valuedMask >> UInt64(field) & 1 == 1 }

  init(fieldCount: Int, capacity: Int) {
    self.fieldCount = fieldCount
    self.capacity = max(64, (capacity + 63) & ~63)
    values = .allocate(capacity: max(1, fieldCount) * self.capacity)
    nullWords = .allocate(capacity: max(1, fieldCount) * (self.capacity >> 6))
    nullWords.initialize(repeating: 0, count: max(1, fieldCount) * (self.capacity >> 6))
    hasNull = .allocate(capacity: max(1, fieldCount))
    hasNull.initialize(repeating: false, count: max(1, fieldCount))
    starts = .allocate(capacity: self.capacity)
    ends = .allocate(capacity: self.capacity)
    tables = .allocate(capacity: max(1, fieldCount))
    for field in 0..<fieldCount { (tables + field).initialize(to: InternTable()) }
  }

  /// Empties the sink for the next document, with room for `capacity` rows. The intern
  /// tables (and so the codes of strings seen before) stay.
  func reset(capacity needed: Int) {
    let words = (rows + 63) >> 6
    for field in 0..<fieldCount where hasNull[field] {
      (nullWords + field * (capacity >> 6)).update(repeating: 0, count: words)
    }
    hasNull.update(repeating: false, count: max(1, fieldCount))
    rows = 0
    skippedRows = 0
    valuedMask = 0
    while capacity < needed { grow() }
  }

  deinit {
    values.deallocate()
    nullWords.deallocate()
    hasNull.deallocate()
    starts.deallocate()
    ends.deallocate()
    for field in 0..<fieldCount { tables[field].free() }
    tables.deinitialize(count: fieldCount)
    tables.deallocate()
  }

  /// Doubles the capacity, keeping the rows written so far.
  func grow() {
    let old = capacity
    let new = old * 2
    let newValues = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, fieldCount) * new)
    let newNulls = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, fieldCount) * (new >> 6))
    newNulls.initialize(repeating: 0, count: max(1, fieldCount) * (new >> 6))
    for field in 0..<fieldCount {
      (newValues + field * new).update(from: values + field * old, count: rows)
      (newNulls + field * (new >> 6)).update(from: nullWords + field * (old >> 6), count: old >> 6)
    }
    values.deallocate()
    nullWords.deallocate()
    values = newValues
    nullWords = newNulls
    let newStarts = UnsafeMutablePointer<Int64>.allocate(capacity: new)
    let newEnds = UnsafeMutablePointer<Int64>.allocate(capacity: new)
    newStarts.update(from: starts, count: rows)
    newEnds.update(from: ends, count: rows)
    starts.deallocate()
    ends.deallocate()
    starts = newStarts
    ends = newEnds
    capacity = new
  }

  /// Marks `field` null in `row`.
  @inline(always) func setNull(field: Int, row: Int) {
    nullWords[field &* (capacity &>> 6) &+ (row &>> 6)] |= 1 &<< UInt64(row & 63)
    hasNull[field] = true
  }

  /// Field `field`'s values, null bits and table (for the frame builder).
  func column(_ field: Int) -> (
    values: UnsafeMutablePointer<UInt64>, nulls: UnsafeMutablePointer<UInt64>
  ) {
    (values + field * capacity, nullWords + field * (capacity >> 6))
  }
}

// MARK: - Byte scanner

/// The facts of one page besides its rows.
struct PageFacts {
  var hasMore = false
  var nextPage: String?
  var buckets: [BucketSpan] = []
}

/// A recursive descent over one JSON document, specialised to page → `data[]` bucket →
/// `results[]` row, writing rows into a `ColumnSink`. Anything valid but unexpected throws
/// `.unsupported` (the caller validates the document and falls back to the general decoder).
struct ByteScanner {
  let p: UnsafePointer<UInt8>
  let n: Int
  var i = 0
  let plan: ScanPlan
  let sink: ColumnSink
  var scratch: UnsafeMutablePointer<UInt8>
  var scratchCapacity: Int
  var facts = PageFacts()
  var recordBuckets = false
  /// `sink.valuedMask` while scanning (written back by the caller).
  var valued: UInt64
  /// The row key that followed each row key last time (slot 0: the first key), learned.
  let following: UnsafeMutablePointer<Int>
  /// The plan's field kinds and row-key actions (pointers: no reference counting per value).
  let kinds: UnsafeMutablePointer<ScanPlan.Kind>
  let actions: UnsafeMutablePointer<Int>
  let tables: UnsafeMutablePointer<InternTable>
  let rowKeys: KeyTable
  let pageKeys: KeyTable
  let bucketKeys: KeyTable
  let objectBytes: UnsafeMutablePointer<UInt8>
  let objectCount: Int

  init(_ buffer: UnsafeBufferPointer<UInt8>, plan: ScanPlan, sink: ColumnSink) {
    p = buffer.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped
    n = buffer.count
    self.plan = plan
    self.sink = sink
    scratchCapacity = 256
    scratch = .allocate(capacity: 256)
    kinds = plan.kindPointer
    actions = plan.actionPointer
    tables = sink.tables
    valued = sink.valuedMask
    rowKeys = plan.rowKeys.table
    pageKeys = plan.pageKeys.table
    bucketKeys = plan.bucketKeys.table
    objectBytes = plan.objectName.bytes
    objectCount = plan.objectName.count
    following = .allocate(capacity: plan.rowKeys.count + 1)
    for slot in 0...plan.rowKeys.count { following[slot] = slot }
  }

  func free() {
    scratch.deallocate()
    following.deallocate()
  }

  @inline(always) func fail(_ reason: StaticString) -> ScanFailure { .malformed(i, reason) }

  @inline(always) mutating func skipSpace() {
    while i < n {
      let b = p[i]
      if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { i &+= 1 } else { return }
    }
  }

  /// The byte at `i` after whitespace, or 0 at the end.
  @inline(always) mutating func peek() -> UInt8 {
    skipSpace()
    return i < n ? p[i] : 0
  }

  @inline(always) mutating func expect(_ byte: UInt8, _ reason: StaticString) throws(ScanFailure) {
    if peek() != byte { throw fail(reason) }
    i &+= 1
  }

  // MARK: Strings

  /// Scans the string at `i` (at its opening quote) and returns its unescaped bytes: a
  /// pointer into the input, or into `scratch` (valid until the next string) when escaped.
  @inline(always)
  mutating func string() throws(ScanFailure) -> (UnsafePointer<UInt8>, Int) {
    i &+= 1
    let start = i
    var j = i
    while n &- j >= 8 {
      let sp = specialBytes(UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self))
      if sp != 0 {
        j &+= sp.trailingZeroBitCount &>> 3
        if p[j] == 0x22 {
          i = j &+ 1
          return (p + start, j &- start)
        }
        return try slowString(start: start, at: j)
      }
      j &+= 8
    }
    while j < n {
      let b = p[j]
      if b == 0x22 {
        i = j &+ 1
        return (p + start, j &- start)
      }
      if b == 0x5C || b < 0x20 || b >= 0x80 { return try slowString(start: start, at: j) }
      j &+= 1
    }
    i = j
    throw fail("unterminated string")
  }

  /// `string()` with the `hashBytes` hash of the bytes, computed in the same 8-byte scan.
  @inline(always)
  mutating func hashedString() throws(ScanFailure) -> (UnsafePointer<UInt8>, Int, UInt64) {
    let start = i &+ 1
    var j = start
    var h: UInt64 = 0x243F_6A88_85A3_08D3
    while n &- j >= 8 {
      let w = UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)
      let sp = specialBytes(w)
      if sp != 0 {
        let k = sp.trailingZeroBitCount &>> 3
        guard p[j &+ k] == 0x22 else { break }
        let len = j &+ k &- start
        let tail = w & ((1 &<< UInt64(truncatingIfNeeded: k &<< 3)) &- 1)
        h = mix(h, tail ^ UInt64(truncatingIfNeeded: len))
        i = j &+ k &+ 1
        return (p + start, len, h ^ (h &>> 29))
      }
      h = mix(h, w)
      j &+= 8
    }
    // Escapes, non-ASCII or the last bytes of the input: scan, then hash.
    let (sp, len) = try string()
    return (sp, len, hashBytes(sp, len))
  }

  private mutating func put(_ byte: UInt8, _ count: inout Int) {
    if count == scratchCapacity {
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity * 2)
      grown.update(from: scratch, count: count)
      scratch.deallocate()
      scratch = grown
      scratchCapacity *= 2
    }
    scratch[count] = byte
    count += 1
  }

  private mutating func hex4(_ at: Int) throws(ScanFailure) -> UInt32 {
    guard n - at >= 4 else {
      i = at
      throw fail("truncated \\u escape")
    }
    var value: UInt32 = 0
    for k in 0..<4 {
      let b = p[at + k]
      let digit: UInt32
      switch b {
      case 0x30...0x39: digit = UInt32(b - 0x30)
      case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
      default:
        i = at + k
        throw fail("bad hex digit in \\u escape")
      }
      value = value << 4 | digit
    }
    return value
  }

  /// The byte-wise path from the first escape, control character or non-ASCII byte.
  private mutating func slowString(start: Int, at first: Int) throws(ScanFailure) -> (
    UnsafePointer<UInt8>, Int
  ) {
    var count = 0
    for k in start..<first { put(p[k], &count) }
    var j = first
    while j < n {
      let b = p[j]
      if b == 0x22 {
        i = j + 1
        return (UnsafePointer(scratch), count)
      }
      if b < 0x20 {
        i = j
        throw fail("control character in string")
      }
      if b == 0x5C {
        guard j + 1 < n else {
          i = j
          throw fail("unterminated string")
        }
        let e = p[j + 1]
        switch e {
        case 0x22, 0x5C, 0x2F: put(e, &count)
        case 0x62: put(0x08, &count)
        case 0x66: put(0x0C, &count)
        case 0x6E: put(0x0A, &count)
        case 0x72: put(0x0D, &count)
        case 0x74: put(0x09, &count)
        case 0x75:
          var scalar = try hex4(j + 2)
          j += 6
          if scalar >= 0xD800 && scalar < 0xDC00 {
            guard n - j >= 6, p[j] == 0x5C, p[j + 1] == 0x75 else {
              i = j
              throw fail("lone surrogate in \\u escape")
            }
            let low = try hex4(j + 2)
            guard low >= 0xDC00 && low < 0xE000 else {
              i = j
              throw fail("lone surrogate in \\u escape")
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            j += 6
          } else if scalar >= 0xDC00 && scalar < 0xE000 {
            i = j - 6
            throw fail("lone surrogate in \\u escape")
          }
          for byte in Unicode.UTF8.encode(Unicode.Scalar(scalar).unsafelyUnwrapped)
            .unsafelyUnwrapped
          {
            put(byte, &count)
          }
          continue
        default:
          i = j
          throw fail("bad escape")
        }
        j += 2
        continue
      }
      if b < 0x80 {
        put(b, &count)
        j += 1
        continue
      }
      let length = try utf8Sequence(at: j)
      for k in j..<(j + length) { put(p[k], &count) }
      j += length
    }
    i = j
    throw fail("unterminated string")
  }

  /// The length of the valid UTF-8 sequence at `j` (first byte ≥ 0x80).
  private mutating func utf8Sequence(at j: Int) throws(ScanFailure) -> Int {
    let b0 = p[j]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch b0 {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default:
      i = j
      throw fail("invalid UTF-8")
    }
    guard n - j >= length else {
      i = j
      throw fail("invalid UTF-8")
    }
    let b1 = p[j + 1]
    guard b1 >= low && b1 <= high else {
      i = j
      throw fail("invalid UTF-8")
    }
    for k in 2..<max(2, length) where p[j + k] & 0xC0 != 0x80 {
      i = j
      throw fail("invalid UTF-8")
    }
    return length
  }

  // MARK: Literals and numbers

  @inline(always) mutating func literal(_ word: StaticString) throws(ScanFailure) {
    let len = word.utf8CodeUnitCount
    guard n &- i >= len, bytesEqual(p + i, word.utf8Start, len) else {
      throw fail("invalid literal")
    }
    i &+= len
  }

  /// The integer at `i`. Fractions, exponents and overflow are `.unsupported` (the general
  /// decoder decides those); grammar errors are malformed.
  @inline(always) mutating func integer() throws(ScanFailure) -> Int64 {
    var negative = false
    if p[i] == 0x2D {
      negative = true
      i &+= 1
    }
    guard i < n else { throw fail("number without digits") }
    var d = p[i] &- 0x30
    guard d < 10 else { throw fail("number without digits") }
    var value: UInt64 = UInt64(d)
    i &+= 1
    if d == 0 {
      if i < n && p[i] &- 0x30 < 10 { throw fail("leading zero") }
    } else {
      var digits = 1
      while i < n {
        d = p[i] &- 0x30
        if d >= 10 { break }
        digits &+= 1
        if digits > 18 {
          let (m, o1) = value.multipliedReportingOverflow(by: 10)
          let (s, o2) = m.addingReportingOverflow(UInt64(d))
          if o1 || o2 { throw ScanFailure.unsupported }
          value = s
        } else {
          value = value &* 10 &+ UInt64(d)
        }
        i &+= 1
      }
    }
    if i < n && (p[i] == 0x2E || p[i] | 0x20 == 0x65) { throw ScanFailure.unsupported }
    if negative {
      guard value <= UInt64(Int64.max) + 1 else { throw ScanFailure.unsupported }
      return Int64(truncatingIfNeeded: 0 &- value)
    }
    guard value <= UInt64(Int64.max) else { throw ScanFailure.unsupported }
    return Int64(value)
  }

  /// Skips a number with the full grammar; returns its start.
  mutating func number() throws(ScanFailure) -> Int {
    let start = i
    if i < n && p[i] == 0x2D { i += 1 }
    guard i < n, p[i] &- 0x30 < 10 else { throw fail("number without digits") }
    if p[i] == 0x30 {
      i += 1
      if i < n && p[i] &- 0x30 < 10 { throw fail("leading zero") }
    } else {
      while i < n && p[i] &- 0x30 < 10 { i += 1 }
    }
    if i < n && p[i] == 0x2E {
      i += 1
      guard i < n, p[i] &- 0x30 < 10 else { throw fail("fraction without digits") }
      while i < n && p[i] &- 0x30 < 10 { i += 1 }
    }
    if i < n && p[i] | 0x20 == 0x65 {
      i += 1
      if i < n && (p[i] == 0x2B || p[i] == 0x2D) { i += 1 }
      guard i < n, p[i] &- 0x30 < 10 else { throw fail("exponent without digits") }
      while i < n && p[i] &- 0x30 < 10 { i += 1 }
    }
    return start
  }

  // MARK: Skipping

  /// Skips any JSON value at `i`, validating it.
  mutating func skipValue(depth: Int = 0) throws(ScanFailure) {
    guard depth < 512 else { throw fail("nesting too deep") }
    switch peek() {
    case 0x22: _ = try string()
    case 0x7B:
      i += 1
      if peek() == 0x7D {
        i += 1
        return
      }
      while true {
        guard peek() == 0x22 else { throw fail("expected a key") }
        _ = try string()
        try expect(0x3A, "expected ':'")
        try skipValue(depth: depth + 1)
        let b = peek()
        i += 1
        if b == 0x2C { continue }
        if b == 0x7D { return }
        i -= 1
        throw fail("expected ',' or '}'")
      }
    case 0x5B:
      i += 1
      if peek() == 0x5D {
        i += 1
        return
      }
      while true {
        try skipValue(depth: depth + 1)
        let b = peek()
        i += 1
        if b == 0x2C { continue }
        if b == 0x5D { return }
        i -= 1
        throw fail("expected ',' or ']'")
      }
    case 0x74: try literal("true")
    case 0x66: try literal("false")
    case 0x6E: try literal("null")
    case 0x2D, 0x30...0x39: _ = try number()
    case 0: throw fail("unexpected end of input")
    default: throw fail("unexpected character")
    }
  }

  /// Validates the whole document (one JSON value, nothing after it).
  mutating func validateDocument() throws(ScanFailure) {
    i = 0
    try skipValue()
    if peek() != 0 || i < n { throw fail("trailing characters after the document") }
  }

  // MARK: Keys

  /// The key at `i` (after whitespace) and the colon after it, as an index into `keys`
  /// (`-1` for an unknown key). `predicted` is tried first.
  @inline(always)
  mutating func key(_ keys: KeyTable, predicted: Int) throws(ScanFailure) -> Int {
    guard peek() == 0x22 else { throw fail("expected a key") }
    if predicted < keys.count {
      let patternLength = keys.lengths[predicted] &+ 3
      if n &- i >= patternLength
        && bytesEqual(p + i, keys.patterns + keys.patternOffsets[predicted], patternLength)
      {
        i &+= patternLength
        return predicted
      }
    }
    let (kp, len) = try string()
    try expect(0x3A, "expected ':'")
    if predicted < keys.count, keys.lengths[predicted] == len,
      bytesEqual(kp, keys.bytes + keys.offsets[predicted], len)
    {
      return predicted
    }
    for k in 0..<keys.count
    where keys.lengths[k] == len && bytesEqual(kp, keys.bytes + keys.offsets[k], len) {
      return k
    }
    return -1
  }
}
