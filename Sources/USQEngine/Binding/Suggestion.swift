/// "Did you mean" for names: the nearest candidate within edit distance 3.
enum Suggestion {
  /// The candidate nearest to `word` (ties: the first), or `nil` when none is within 3 edits
  /// (and within half the word's length, so short words do not match everything).
  static func nearest(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(lowered, candidate.lowercased())
      if distance == 0 { return candidate }
      let allowed = min(3, max(1, (word.count + 1) / 2))
      guard distance <= allowed else { continue }
      if best == nil || distance < best?.1 ?? .max { best = (candidate, distance) }
    }
    if best == nil, lowered.count >= 3,
      let prefixed = candidates.first(where: { $0.lowercased().hasPrefix(lowered) })
    {
      return prefixed
    }
    return best?.0
  }

  /// The Levenshtein distance between two strings, over Unicode scalars.
  static func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs.unicodeScalars)
    let right = Array(rhs.unicodeScalars)
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    var current = [Int](repeating: 0, count: right.count + 1)
    for row in 1...left.count {
      current[0] = row
      for column in 1...right.count {
        let cost = left[row - 1] == right[column - 1] ? 0 : 1
        current[column] = min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[right.count]
  }

  /// `a, b and c` in backquote-free prose: `'a', 'b', 'c'`.
  static func list(_ names: [String]) -> String {
    names.map { "'\($0)'" }.joined(separator: ", ")
  }
}
