extension Frame {
  /// The columns `names`, in that order (`select`).
  ///
  /// ```swift
  /// let narrow = try frame.select(["start_time", "model", "input_tokens"])
  /// ```
  /// - Throws: `FrameError.unknownColumn` for a name the frame lacks,
  ///   `FrameError.duplicateColumn` for a name given twice.
  public func select(_ names: [String]) throws(FrameError) -> Frame {
    var pairs: [(String, Column)] = []
    for name in names {
      guard let column = self[name] else { throw .unknownColumn(name) }
      pairs.append((name, column))
    }
    return try Frame(validating: pairs)
  }

  /// Every column but `names` (`drop`).
  /// - Throws: `FrameError.unknownColumn` for a name the frame lacks.
  public func drop(_ names: [String]) throws(FrameError) -> Frame {
    for name in names where index(of: name) == nil { throw .unknownColumn(name) }
    let dropped = Set(names)
    return Frame(unchecked: pairs.filter { !dropped.contains($0.0) })
  }

  /// The frame with columns renamed, `(new, old)` pairs applied in order (`rename NEW = OLD`).
  /// - Throws: `FrameError.unknownColumn` for an old name the frame lacks,
  ///   `FrameError.duplicateColumn` when a new name is already taken.
  public func rename(_ renames: [(new: String, old: String)]) throws(FrameError) -> Frame {
    var names = self.names
    for (new, old) in renames {
      guard let position = names.firstIndex(of: old) else { throw .unknownColumn(old) }
      names[position] = new
    }
    return try Frame(validating: Array(zip(names, columns)))
  }

  /// The frame with `column` named `name`: replacing the column of that name in place, or
  /// appended last (`derive`, `share`).
  ///
  /// - Precondition: `column.count == rowCount` (or the frame has no columns).
  public func withColumn(_ name: String, _ column: Column) -> Frame {
    precondition(columns.isEmpty || column.count == rowCount, "column length differs")
    var pairs = self.pairs
    if let position = index(of: name) {
      pairs[position].1 = column
    } else {
      pairs.append((name, column))
    }
    return Frame(unchecked: pairs)
  }

  /// The column named `name`.
  /// - Throws: `FrameError.unknownColumn` when there is none.
  public func column(_ name: String) throws(FrameError) -> Column {
    guard let column = self[name] else { throw .unknownColumn(name) }
    return column
  }

  /// The first `count` rows (`head`).
  public func head(_ count: Int) -> Frame { slice(0..<Swift.min(Swift.max(count, 0), rowCount)) }

  /// The last `count` rows (`tail`).
  public func tail(_ count: Int) -> Frame {
    slice(Swift.max(rowCount - Swift.max(count, 0), 0)..<rowCount)
  }
}
