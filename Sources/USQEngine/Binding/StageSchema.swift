import USQFrame

/// One column as the binder sees it: name, kind, and whether it is an endpoint dimension.
public struct ColumnInfo: Sendable, Hashable {
  /// The column name.
  public var name: String
  /// The column kind.
  public var kind: ColumnKind
  /// For a column that still holds a `load` dimension field unchanged (renamed or grouped by
  /// included): the `group=` key that fills it. Used to infer the request's `group_by`.
  public var dimension: String?

  /// Creates a column description.
  public init(name: String, kind: ColumnKind, dimension: String? = nil) {
    self.name = name
    self.kind = kind
    self.dimension = dimension
  }
}

/// The frame flowing between two stages, as known at bind time.
public struct StageSchema: Sendable, Hashable {
  /// The columns, in order.
  public var columns: [ColumnInfo]
  /// Whether the columns are only known when the statement runs (`read`, after `pivot`).
  public var isOpen: Bool
  /// The loaded window (seconds since the epoch, UTC), when known (for `fill`).
  public var window: Range<Int64>?
  /// The width of the time buckets, when known (`bucket=`, `bucket WIDTH`; for `fill`, `heat`).
  public var bucketWidth: TimeBucket?

  /// Creates a schema.
  public init(
    columns: [ColumnInfo], isOpen: Bool = false, window: Range<Int64>? = nil,
    bucketWidth: TimeBucket? = nil
  ) {
    self.columns = columns
    self.isOpen = isOpen
    self.window = window
    self.bucketWidth = bucketWidth
  }

  /// The columns of a frame (known exactly, not open).
  public init(_ frame: Frame) {
    self.init(columns: zip(frame.names, frame.columns).map { ColumnInfo(name: $0, kind: $1.kind) })
  }

  /// A schema whose columns are unknown until run time.
  public static let open = StageSchema(columns: [], isOpen: true)

  /// The column names, in order.
  public var names: [String] { columns.map(\.name) }

  /// The column named `name`.
  public subscript(name: String) -> ColumnInfo? { columns.first { $0.name == name } }

  /// The last numeric column (the default `y`, `top … by`, `other … of`).
  public var lastNumeric: ColumnInfo? { columns.last { $0.kind.isNumeric } }

  /// The first non-numeric column (the default chart `x`).
  public var firstNonNumeric: ColumnInfo? { columns.first { !$0.kind.isNumeric } }

  /// `name: kind, …` as `explain` prints it.
  public var description: String {
    if isOpen && columns.isEmpty { return "(columns known when it runs)" }
    let text = columns.map { "\($0.name): \($0.kind)" }.joined(separator: ", ")
    return isOpen ? text + ", …" : text
  }

  /// The same schema with `columns` replaced, keeping window and width.
  func with(columns: [ColumnInfo]) -> StageSchema {
    var copy = self
    copy.columns = columns
    return copy
  }
}
