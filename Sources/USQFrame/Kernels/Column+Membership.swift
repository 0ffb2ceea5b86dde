extension Column {
  /// `C in (v, …)`: true where the row equals one of `values`; null where the row is null.
  ///
  /// Values of another kind never match (ints and doubles compare numerically; an int matches
  /// a time as seconds); a `.null` in the list matches nothing. A string column tests each
  /// dictionary entry once, then maps codes.
  ///
  /// ```swift
  /// let mask = frame["model"]!.isIn([.string("gpt-4o"), .string("o1")])
  /// ```
  public func isIn(_ values: [Value]) -> BoolColumn {
    let bits: Bitmap
    switch self {
    case .string(let column):
      var wanted = Set<String>()
      for case .string(let text) in values { wanted.insert(text) }
      bits = ComparisonKernel.lookup(
        column.codes, table: column.dictionary.map { wanted.contains($0) })
    case .bool(let column):
      let hasTrue = values.contains(.bool(true))
      let hasFalse = values.contains(.bool(false))
      bits =
        hasTrue
        ? (hasFalse ? Bitmap(repeating: true, count: count) : column.bits)
        : (hasFalse ? ~column.bits : Bitmap(repeating: false, count: count))
    case .int(let column), .time(let column):
      var wanted = Set<Int64>()
      for value in values {
        switch value {
        case .int(let number), .time(let number): wanted.insert(number)
        case .double(let number):
          if let exact = Int64(exactly: number) { wanted.insert(exact) }
        default: break
        }
      }
      bits = Bitmap(column.values.lazy.map { wanted.contains($0) })
    case .double(let column):
      let wanted = Set(values.compactMap { $0.kind == .time ? nil : $0.doubleValue })
      bits = Bitmap(column.values.lazy.map { wanted.contains($0) })
    }
    return BoolColumn(bits: bits.masked(by: validity), validity: validity)
  }

  /// `C ~ "glob"`: true where the string matches `pattern`, in which `*` matches any run of
  /// characters (Unicode scalars) and `?` exactly one; everything else matches itself,
  /// case-sensitively. Each dictionary entry is matched once, then codes are mapped.
  ///
  /// ```swift
  /// let mask = try frame["model"]!.matchesGlob("gpt-4o*")
  /// ```
  /// - Throws: `FrameError.typeMismatch` when the column is not a string column.
  public func matchesGlob(_ pattern: String) throws(FrameError) -> BoolColumn {
    guard case .string(let column) = self else {
      throw .typeMismatch("'~' needs a string column, found \(kind)")
    }
    let glob = Array(pattern.unicodeScalars)
    let table = column.dictionary.map { globMatches(glob, Array($0.unicodeScalars)) }
    let bits = ComparisonKernel.lookup(column.codes, table: table)
    return BoolColumn(bits: bits.masked(by: validity), validity: validity)
  }
}

/// Whether `text` matches `pattern` (`*` any run, `?` one scalar), by greedy matching with
/// one backtrack point (linear in practice).
func globMatches(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
  var patternIndex = 0
  var textIndex = 0
  var starIndex = -1
  var resumeIndex = 0
  while textIndex < text.count {
    if patternIndex < pattern.count, pattern[patternIndex] == "*" {
      starIndex = patternIndex
      resumeIndex = textIndex
      patternIndex += 1
    } else if patternIndex < pattern.count,
      pattern[patternIndex] == "?" || pattern[patternIndex] == text[textIndex]
    {
      patternIndex += 1
      textIndex += 1
    } else if starIndex >= 0 {
      patternIndex = starIndex + 1
      resumeIndex += 1
      textIndex = resumeIndex
    } else {
      return false
    }
  }
  while patternIndex < pattern.count, pattern[patternIndex] == "*" { patternIndex += 1 }
  return patternIndex == pattern.count
}
