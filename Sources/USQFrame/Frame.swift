/// A typed, columnar table: named columns of equal length.
///
/// Frames are values: copying one is cheap (columns are copy-on-write buffers),
/// and kernels return new frames.
public struct Frame: Sendable, Equatable {
  /// The column names, unique, in order.
  public private(set) var names: [String]
  /// The columns, in the order of `names`.
  public private(set) var columns: [Column]
  /// The number of rows.
  public let rowCount: Int

  /// A frame from named columns, checking that names are unique and lengths agree.
  public init(validating pairs: [(String, Column)]) throws(FrameError) {
    var seen = Set<String>()
    for (name, column) in pairs {
      guard seen.insert(name).inserted else { throw .duplicateColumn(name) }
      guard column.count == pairs[0].1.count else {
        throw .lengthMismatch(name, expected: pairs[0].1.count, found: column.count)
      }
    }
    self.init(unchecked: pairs)
  }

  /// A frame from named columns.
  ///
  /// - Precondition: names are unique and every column has the same length.
  public init(unchecked pairs: [(String, Column)]) {
    self.names = pairs.map(\.0)
    self.columns = pairs.map(\.1)
    self.rowCount = pairs.first?.1.count ?? 0
    assert(Set(names).count == names.count, "duplicate column names")
    assert(columns.allSatisfy { $0.count == rowCount }, "column lengths differ")
  }

  /// An empty frame with the columns of `schema`.
  public init(empty schema: Schema) {
    self.init(unchecked: schema.fields.map { ($0.name, Column.nulls($0.kind, count: 0)) })
  }

  /// A frame with no columns and no rows.
  public static let empty = Frame(unchecked: [])

  /// The names and kinds of the columns.
  public var schema: Schema {
    Schema(zip(names, columns).map { Field($0.0, $0.1.kind) })
  }

  /// The number of columns.
  public var columnCount: Int { columns.count }

  /// The position of the column named `name`.
  public func index(of name: String) -> Int? { names.firstIndex(of: name) }

  /// The column named `name`.
  public subscript(name: String) -> Column? { index(of: name).map { columns[$0] } }

  /// Row `row` of every column, as values.
  public func row(_ row: Int) -> [Value] { columns.map { $0[row] } }

  /// Every row as values (for tests and small outputs).
  public var rows: [[Value]] { (0..<rowCount).map(row) }

  /// Named columns, in order.
  public var pairs: [(String, Column)] { Array(zip(names, columns)) }

  /// The rows selected by `indices`, in that order.
  public func gather<C: Collection>(_ indices: C) -> Frame where C.Element == Int {
    Frame(unchecked: pairs.map { ($0.0, $0.1.gather(indices)) })
  }

  /// Rows `range`.
  public func slice(_ range: Range<Int>) -> Frame {
    Frame(unchecked: pairs.map { ($0.0, $0.1.slice(range)) })
  }

  /// Equality of names and cell values (null slots and dictionary order aside).
  public static func == (lhs: Frame, rhs: Frame) -> Bool {
    lhs.names == rhs.names && lhs.rowCount == rhs.rowCount && lhs.columns == rhs.columns
  }
}

/// An error building or combining frames.
public enum FrameError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Two columns share a name. Rename one of them.
  case duplicateColumn(String)
  /// A column's length differs from the first column's.
  case lengthMismatch(String, expected: Int, found: Int)
  /// Frames to concatenate have different schemas.
  case schemaMismatch(expected: Schema, found: Schema)
  /// An Int64 sum overflowed. Sum fewer rows, or derive a double column first.
  case overflow(column: String)
  /// A column named in a kernel call does not exist. Use one of the frame's columns.
  case unknownColumn(String)
  /// An operation does not apply to the kinds of its operands (the message says which).
  /// Convert an operand first, or use another operation.
  case typeMismatch(String)

  public var description: String {
    switch self {
    case .duplicateColumn(let name): "duplicate column '\(name)'"
    case .lengthMismatch(let name, let expected, let found):
      "column '\(name)' has \(found) rows, expected \(expected)"
    case .schemaMismatch(let expected, let found):
      "schemas differ: expected (\(expected)), found (\(found))"
    case .overflow(let column): "integer overflow summing '\(column)'"
    case .unknownColumn(let name): "unknown column '\(name)'"
    case .typeMismatch(let message): message
    }
  }
}
