/// Builds a `StringColumn` row by row, interning each distinct string once.
public struct StringColumnBuilder: Sendable {
  private var codes = ContiguousArray<UInt32>()
  private var dictionary: [String] = []
  private var lookup: [String: UInt32] = [:]
  private var validity = ValidityBuilder()

  public init() {}

  public mutating func reserveCapacity(_ count: Int) {
    codes.reserveCapacity(count)
    validity.reserveCapacity(count)
  }

  /// The number of rows appended so far.
  public var count: Int { codes.count }

  /// The code for `string`, interning it if new.
  public mutating func intern(_ string: String) -> UInt32 {
    if let code = lookup[string] { return code }
    let code = UInt32(dictionary.count)
    dictionary.append(string)
    lookup[string] = code
    return code
  }

  public mutating func append(_ string: String?) {
    guard let string else { return appendNull() }
    append(code: intern(string))
  }

  /// Appends an already interned code (from `intern`).
  public mutating func append(code: UInt32) {
    codes.append(code)
    validity.append(true)
  }

  public mutating func appendNull() {
    codes.append(0)
    validity.append(false)
  }

  public func finish() -> StringColumn {
    StringColumn(codes: codes, dictionary: dictionary, validity: validity.finish())
  }
}

/// Builds a validity bitmap alongside values, allocating it only at the first null.
struct ValidityBuilder: Sendable {
  private(set) var words = ContiguousArray<UInt64>()
  private(set) var count = 0
  private(set) var hasNull = false

  mutating func append(_ isValid: Bool) {
    if count & 63 == 0 { words.append(0) }
    if isValid { words[count >> 6] |= 1 &<< UInt64(count & 63) } else { hasNull = true }
    count += 1
  }

  mutating func reserveCapacity(_ rows: Int) { words.reserveCapacity((rows + 63) >> 6) }

  func finish() -> Bitmap? { hasNull ? Bitmap(words: words, count: count) : nil }
}

/// Builds a column of any kind from `Value`s. For edges (file readers, literals,
/// tests); decoders and kernels build storages directly.
public struct ColumnBuilder: Sendable {
  public let kind: ColumnKind
  private var integers = ContiguousArray<Int64>()
  private var doubles = ContiguousArray<Double>()
  private var bools = ValidityBuilder()
  private var strings = StringColumnBuilder()
  private var validity = ValidityBuilder()

  public init(kind: ColumnKind) { self.kind = kind }

  public mutating func reserveCapacity(_ count: Int) {
    validity.reserveCapacity(count)
    switch kind {
    case .int, .time: integers.reserveCapacity(count)
    case .double: doubles.reserveCapacity(count)
    case .bool: bools.reserveCapacity(count)
    case .string: strings.reserveCapacity(count)
    }
  }

  /// The number of rows appended so far.
  public var count: Int { validity.count }

  /// Appends `value`; a value of another kind is stored as null (an `.int` in a
  /// `.double` column is converted, and a `.time` in an `.int` column keeps its seconds).
  public mutating func append(_ value: Value) {
    switch (kind, value) {
    case (.int, .int(let number)), (.time, .time(let number)), (.int, .time(let number)),
      (.time, .int(let number)):
      integers.append(number)
      validity.append(true)
    case (.double, .double(let number)):
      doubles.append(number)
      validity.append(true)
    case (.double, .int(let number)):
      doubles.append(Double(number))
      validity.append(true)
    case (.bool, .bool(let flag)):
      bools.append(flag)
      validity.append(true)
    case (.string, .string(let text)):
      strings.append(code: strings.intern(text))
      validity.append(true)
    default:
      appendNull()
    }
  }

  public mutating func appendNull() {
    switch kind {
    case .int, .time: integers.append(0)
    case .double: doubles.append(0)
    case .bool: bools.append(false)
    case .string: strings.append(code: 0)
    }
    validity.append(false)
  }

  public func finish() -> Column {
    let validity = validity.finish()
    switch kind {
    case .int: return .int(IntColumn(values: integers, validity: validity))
    case .time: return .time(TimeColumn(values: integers, validity: validity))
    case .double: return .double(DoubleColumn(values: doubles, validity: validity))
    case .bool:
      return .bool(
        BoolColumn(bits: Bitmap(words: bools.words, count: bools.count), validity: validity))
    case .string:
      let built = strings.finish()
      return .string(
        StringColumn(codes: built.codes, dictionary: built.dictionary, validity: validity))
    }
  }
}
