extension Column {
  /// `coalesce(a, b, …)`: per row, the first non-null value among `columns`.
  ///
  /// All columns share one kind (ints mixed with doubles give doubles); columns that are
  /// entirely null (untyped `null` literals) fit any kind. String dictionaries are merged
  /// per entry, not per row.
  ///
  /// ```swift
  /// let name = try Column.coalesce([frame["project_name"]!, frame["project_id"]!])
  /// ```
  /// - Throws: `FrameError.typeMismatch` for mixed kinds.
  public static func coalesce(_ columns: [Column]) throws(FrameError) -> Column {
    precondition(!columns.isEmpty, "coalesce needs a column")
    let count = columns[0].count
    precondition(columns.allSatisfy { $0.count == count }, "operand lengths differ")
    guard
      let kind = unifiedKind(columns.map(\.kind))
        ?? unifiedKind(columns.filter { $0.nullCount < $0.count }.map(\.kind))
        ?? (columns.allSatisfy { $0.nullCount == $0.count } ? columns[0].kind : nil)
    else {
      let kinds = Set(columns.filter { $0.nullCount < $0.count }.map(\.kind.rawValue)).sorted()
      throw .typeMismatch("'coalesce' needs one kind, found \(kinds.joined(separator: ", "))")
    }
    let typed = columns.map { column in
      column.kind == kind || column.kind.isNumeric && kind == .double
        || column.nullCount < column.count
        ? column : Column.nulls(kind, count: count)
    }
    var result = try typed[0].converted(to: kind)
    for next in typed.dropFirst() {
      guard let validity = result.validity else { break }
      result = try result.filling(validity, from: next.converted(to: kind))
    }
    return result
  }

  /// The one kind of `kinds` (ints with doubles give double), or nil.
  private static func unifiedKind(_ kinds: [ColumnKind]) -> ColumnKind? {
    var unique = Set(kinds)
    if unique == [.int, .double] { unique = [.double] }
    return unique.count == 1 ? unique.first : nil
  }

  /// The column as `kind` (int → double is the only conversion).
  func converted(to kind: ColumnKind) throws(FrameError) -> Column {
    if self.kind == kind { return self }
    if case .int(let column) = self, kind == .double {
      return .double(
        DoubleColumn(
          values: ContiguousArray(column.values.lazy.map { Double($0) }), validity: column.validity)
      )
    }
    throw .typeMismatch("cannot convert \(self.kind) to \(kind)")
  }

  /// Rows invalid in `validity` (this column's) taken from `other`, which has the same kind.
  private func filling(_ validity: Bitmap, from other: Column) -> Column {
    let merged = validity | (other.validity ?? Bitmap(repeating: true, count: count))
    switch (self, other) {
    case (.int(var column), .int(let source)), (.time(var column), .time(let source)):
      for index in 0..<count where !validity[index] { column.values[index] = source.values[index] }
      column.validity = merged.isAllSet ? nil : merged
      return kind == .int ? .int(column) : .time(column)
    case (.double(var column), .double(let source)):
      for index in 0..<count where !validity[index] { column.values[index] = source.values[index] }
      column.validity = merged.isAllSet ? nil : merged
      return .double(column)
    case (.bool(var column), .bool(let source)):
      for index in 0..<count where !validity[index] { column.bits[index] = source.bits[index] }
      column.validity = merged.isAllSet ? nil : merged
      return .bool(column)
    case (.string(var column), .string(let source)):
      var lookup: [String: UInt32] = [:]
      for (code, text) in column.dictionary.enumerated() { lookup[text] = UInt32(code) }
      var remap = ContiguousArray<UInt32>()
      for text in source.dictionary {
        if let code = lookup[text] {
          remap.append(code)
        } else {
          lookup[text] = UInt32(column.dictionary.count)
          remap.append(UInt32(column.dictionary.count))
          column.dictionary.append(text)
        }
      }
      for index in 0..<count where !validity[index] && source.isValid(index) {
        column.codes[index] = remap[Int(source.codes[index])]
      }
      column.validity = merged.isAllSet ? nil : merged
      return .string(column)
    default:
      return self
    }
  }
}
