/// One column of a frame: an enum over concrete typed storages.
///
/// Kernels switch on the case once, then run a tight loop over the storage.
public enum Column: Sendable, Equatable {
  case int(IntColumn)
  case double(DoubleColumn)
  case bool(BoolColumn)
  /// Seconds since the Unix epoch, UTC.
  case time(TimeColumn)
  case string(StringColumn)

  /// The kind of the values.
  public var kind: ColumnKind {
    switch self {
    case .int: .int
    case .double: .double
    case .bool: .bool
    case .time: .time
    case .string: .string
    }
  }

  /// The number of rows.
  public var count: Int {
    switch self {
    case .int(let column), .time(let column): column.count
    case .double(let column): column.count
    case .bool(let column): column.count
    case .string(let column): column.count
    }
  }

  /// Bit set = the row holds a value; nil = no nulls.
  public var validity: Bitmap? {
    switch self {
    case .int(let column), .time(let column): column.validity
    case .double(let column): column.validity
    case .bool(let column): column.validity
    case .string(let column): column.validity
    }
  }

  /// The number of null rows.
  public var nullCount: Int { validity.map { $0.count - $0.setCount } ?? 0 }

  /// Whether row `index` holds a value.
  public func isValid(_ index: Int) -> Bool { validity?[index] ?? true }

  /// Row `index` as a `Value` (for edges: rendering, tests, literals).
  public subscript(index: Int) -> Value {
    switch self {
    case .int(let column): column[index].map(Value.int) ?? .null
    case .double(let column): column[index].map(Value.double) ?? .null
    case .bool(let column): column[index].map(Value.bool) ?? .null
    case .time(let column): column[index].map(Value.time) ?? .null
    case .string(let column): column[index].map(Value.string) ?? .null
    }
  }

  /// The rows selected by `indices`, in that order.
  public func gather<C: Collection>(_ indices: C) -> Column where C.Element == Int {
    switch self {
    case .int(let column): .int(column.gather(indices))
    case .double(let column): .double(column.gather(indices))
    case .bool(let column): .bool(column.gather(indices))
    case .time(let column): .time(column.gather(indices))
    case .string(let column): .string(column.gather(indices))
    }
  }

  /// Rows `range`.
  public func slice(_ range: Range<Int>) -> Column {
    switch self {
    case .int(let column): .int(column.slice(range))
    case .double(let column): .double(column.slice(range))
    case .bool(let column): .bool(column.slice(range))
    case .time(let column): .time(column.slice(range))
    case .string(let column): .string(column.slice(range))
    }
  }

  /// A column of `count` nulls of `kind`.
  public static func nulls(_ kind: ColumnKind, count: Int) -> Column {
    let validity = count == 0 ? nil : Bitmap(repeating: false, count: count)
    switch kind {
    case .int:
      return .int(
        IntColumn(values: ContiguousArray(repeating: 0, count: count), validity: validity))
    case .double:
      return .double(
        DoubleColumn(values: ContiguousArray(repeating: 0, count: count), validity: validity))
    case .bool:
      return .bool(BoolColumn(bits: Bitmap(repeating: false, count: count), validity: validity))
    case .time:
      return .time(
        TimeColumn(values: ContiguousArray(repeating: 0, count: count), validity: validity))
    case .string:
      return .string(
        StringColumn(
          codes: ContiguousArray(repeating: 0, count: count), dictionary: [], validity: validity))
    }
  }

  /// Null columns of `kinds`, `count` rows each, sharing one zero buffer per element type and
  /// one validity bitmap: ten all-null columns (fields the API did not send) cost one.
  /// Copy-on-write keeps them independent if one is ever written.
  public static func nulls(_ kinds: [ColumnKind], count: Int) -> [Column] {
    let validity = count == 0 ? nil : Bitmap(repeating: false, count: count)
    var integers: ContiguousArray<Int64>?
    var doubles: ContiguousArray<Double>?
    var codes: ContiguousArray<UInt32>?
    var bits: Bitmap?
    func zeros<T: BitwiseCopyable & Numeric>(_ shared: inout ContiguousArray<T>?)
      -> ContiguousArray<T>
    {
      let values = shared ?? ContiguousArray(repeating: 0, count: count)
      shared = values
      return values
    }
    return kinds.map { kind in
      switch kind {
      case .int: .int(IntColumn(values: zeros(&integers), validity: validity))
      case .time: .time(TimeColumn(values: zeros(&integers), validity: validity))
      case .double: .double(DoubleColumn(values: zeros(&doubles), validity: validity))
      case .string:
        .string(StringColumn(codes: zeros(&codes), dictionary: [], validity: validity))
      case .bool:
        .bool(
          BoolColumn(
            bits: {
              let shared = bits ?? Bitmap(repeating: false, count: count)
              bits = shared
              return shared
            }(), validity: validity))
      }
    }
  }

  /// A column of `kind` from row values; every value must be null or of `kind`
  /// (an `.int` value is accepted in a `.double` column).
  public static func from(_ values: [Value], kind: ColumnKind) -> Column {
    var builder = ColumnBuilder(kind: kind)
    builder.reserveCapacity(values.count)
    for value in values { builder.append(value) }
    return builder.finish()
  }
}
