/// A dictionary-encoded string column: one `UInt32` code per row into `dictionary`.
///
/// The dictionary holds each distinct string once. It may hold strings no row uses
/// (after a filter); kernels that need exact distinct counts look at the codes.
/// Null rows hold code 0 and a cleared validity bit.
public struct StringColumn: Sendable {
  /// One code per row.
  public var codes: ContiguousArray<UInt32>
  /// Distinct strings; `codes` index into it.
  public var dictionary: [String]
  /// Bit set = the row holds a value; nil = no nulls.
  public var validity: Bitmap?

  public init(codes: ContiguousArray<UInt32>, dictionary: [String], validity: Bitmap? = nil) {
    precondition(validity == nil || validity?.count == codes.count, "validity length mismatch")
    self.codes = codes
    self.dictionary = dictionary
    self.validity = validity.flatMap { $0.isAllSet ? nil : $0 }
  }

  /// A column from optional strings, interning each distinct string once.
  public init<S: Sequence>(_ strings: S) where S.Element == String? {
    var builder = StringColumnBuilder()
    for string in strings { builder.append(string) }
    self = builder.finish()
  }

  @inlinable public var count: Int { codes.count }
  @inlinable public func isValid(_ index: Int) -> Bool { validity?[index] ?? true }
  @inlinable public subscript(index: Int) -> String? {
    isValid(index) ? dictionary[Int(codes[index])] : nil
  }

  public func gather<C: Collection>(_ indices: C) -> Self where C.Element == Int {
    if let indices = indices as? ContiguousArray<Int> {
      let codes = PrimitiveColumn(values: codes).gatheredValues(indices)
      return Self(codes: codes, dictionary: dictionary, validity: validity?.gather(indices))
    }
    var out = ContiguousArray<UInt32>()
    out.reserveCapacity(indices.count)
    for index in indices { out.append(codes[index]) }
    return Self(codes: out, dictionary: dictionary, validity: validity?.gather(indices))
  }

  public func slice(_ range: Range<Int>) -> Self {
    Self(
      codes: ContiguousArray(codes[range]), dictionary: dictionary, validity: validity?.slice(range)
    )
  }
}

extension StringColumn: Equatable {
  /// Two string columns are equal when every row holds the same string (or both null),
  /// whatever their dictionaries' order.
  public static func == (lhs: Self, rhs: Self) -> Bool {
    guard lhs.count == rhs.count, lhs.validity == rhs.validity else { return false }
    if lhs.dictionary == rhs.dictionary {
      for index in 0..<lhs.count where lhs.isValid(index) {
        if lhs.codes[index] != rhs.codes[index] { return false }
      }
      return true
    }
    for index in 0..<lhs.count where lhs.isValid(index) {
      if lhs.dictionary[Int(lhs.codes[index])] != rhs.dictionary[Int(rhs.codes[index])] {
        return false
      }
    }
    return true
  }
}
