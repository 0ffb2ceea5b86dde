/// A column of fixed-width values in one contiguous buffer, with optional validity.
///
/// Used for `int` and `time` (`Int64`) and `double` (`Double`) columns. A null slot
/// holds an unspecified value (kernels write zero) and a cleared validity bit.
public struct PrimitiveColumn<Element: BitwiseCopyable & Sendable & Equatable>: Sendable, Equatable
{
  /// The values, one per row.
  public var values: ContiguousArray<Element> { didSet { facts = nil } }
  /// Bit set = the row holds a value; nil = no nulls.
  public var validity: Bitmap? { didSet { facts = nil } }
  /// What has been learnt about these values (shared by copies, which share the buffers);
  /// `nil` once the column is changed in place, so nothing stale is remembered.
  var facts: ColumnFacts?

  /// A column from values and validity; `validity`, when present, has one bit per value.
  public init(values: ContiguousArray<Element>, validity: Bitmap? = nil) {
    precondition(validity == nil || validity?.count == values.count, "validity length mismatch")
    self.values = values
    self.validity = validity.flatMap { $0.isAllSet ? nil : $0 }
    self.facts = ColumnFacts()
  }

  /// The number of rows.
  @inlinable public var count: Int { values.count }

  /// Whether row `index` holds a value.
  @inlinable public func isValid(_ index: Int) -> Bool { validity?[index] ?? true }

  /// The value of row `index`, or nil when it is null.
  @inlinable public subscript(index: Int) -> Element? { isValid(index) ? values[index] : nil }

  /// The rows selected by `indices`, in that order.
  public func gather<C: Collection>(_ indices: C) -> Self where C.Element == Int {
    if let indices = indices as? ContiguousArray<Int> {
      return Self(values: gatheredValues(indices), validity: validity?.gather(indices))
    }
    var out = ContiguousArray<Element>()
    out.reserveCapacity(indices.count)
    for index in indices { out.append(values[index]) }
    return Self(values: out, validity: validity?.gather(indices))
  }

  /// Rows `range`.
  public func slice(_ range: Range<Int>) -> Self {
    Self(values: ContiguousArray(values[range]), validity: validity?.slice(range))
  }

  // Equality compares null slots as equal whatever value they hold.
  public static func == (lhs: Self, rhs: Self) -> Bool {
    guard lhs.count == rhs.count, lhs.validity == rhs.validity else { return false }
    for index in 0..<lhs.count where lhs.isValid(index) {
      if lhs.values[index] != rhs.values[index] { return false }
    }
    return true
  }
}

/// `int` columns: 64-bit signed integers.
public typealias IntColumn = PrimitiveColumn<Int64>
/// `time` columns: seconds since the Unix epoch, UTC.
public typealias TimeColumn = PrimitiveColumn<Int64>
/// `double` columns.
public typealias DoubleColumn = PrimitiveColumn<Double>

/// A column of Booleans, bit-packed, with optional validity.
public struct BoolColumn: Sendable, Equatable {
  /// Bit set = true.
  public var bits: Bitmap
  /// Bit set = the row holds a value; nil = no nulls.
  public var validity: Bitmap?

  public init(bits: Bitmap, validity: Bitmap? = nil) {
    precondition(validity == nil || validity?.count == bits.count, "validity length mismatch")
    self.bits = bits
    self.validity = validity.flatMap { $0.isAllSet ? nil : $0 }
  }

  @inlinable public var count: Int { bits.count }
  @inlinable public func isValid(_ index: Int) -> Bool { validity?[index] ?? true }
  @inlinable public subscript(index: Int) -> Bool? { isValid(index) ? bits[index] : nil }

  public func gather<C: Collection>(_ indices: C) -> Self where C.Element == Int {
    Self(bits: bits.gather(indices), validity: validity?.gather(indices))
  }

  public func slice(_ range: Range<Int>) -> Self {
    Self(bits: bits.slice(range), validity: validity?.slice(range))
  }

  public static func == (lhs: Self, rhs: Self) -> Bool {
    guard lhs.count == rhs.count, lhs.validity == rhs.validity else { return false }
    for index in 0..<lhs.count where lhs.isValid(index) {
      if lhs.bits[index] != rhs.bits[index] { return false }
    }
    return true
  }
}
