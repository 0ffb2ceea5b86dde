/// "Did you mean …?" suggestions for unknown names (STYLE rule 16).
public enum DidYouMean {
  /// The largest edit distance a suggestion may have.
  public static let maximumDistance = 3

  /// The candidate nearest to `word`, if its edit distance is at most 3 and smaller than the
  /// longer of the two lengths (so a short word is never "corrected" into an unrelated one).
  ///
  /// Distances are optimal-string-alignment distances (a swap of neighbours counts 1), compared
  /// case-insensitively; ties go to the earlier candidate. When no candidate is that near, the
  /// only candidate that `word` (three characters or more) is a prefix of is suggested.
  ///
  /// ```
  /// DidYouMean.best(for: "num_model_request", among: ["model", "num_model_requests"])
  /// // "num_model_requests"
  /// ```
  public static func best<C: Collection>(for word: String, among candidates: C) -> String?
  where C.Element == String {
    var best: (candidate: String, distance: Int)?
    let lowered = Array(word.lowercased().unicodeScalars)
    for candidate in candidates where candidate != word {
      let length = candidate.unicodeScalars.count
      guard abs(length - lowered.count) <= maximumDistance else { continue }
      let other = Array(candidate.lowercased().unicodeScalars)
      let distance = editDistance(lowered, other)
      guard distance <= maximumDistance, distance < max(lowered.count, other.count) else {
        continue
      }
      if best == nil || distance < best?.distance ?? Int.max { best = (candidate, distance) }
    }
    if let best { return best.candidate }
    return uniquePrefixCompletion(of: word, among: candidates)
  }

  /// The one candidate that starts with `word` (at least three characters), if exactly one does.
  static func uniquePrefixCompletion<C: Collection>(of word: String, among candidates: C) -> String?
  where C.Element == String {
    guard word.count >= 3 else { return nil }
    let matches = candidates.filter { $0.hasPrefix(word) && $0 != word }
    return matches.count == 1 ? matches.first : nil
  }

  /// `did you mean 'X'?` for the best candidate, or `nil`.
  public static func help<C: Collection>(for word: String, among candidates: C) -> String?
  where C.Element == String {
    best(for: word, among: candidates).map { "did you mean '\($0)'?" }
  }

  /// For a word containing `-` that is not a column, the subtraction the user probably meant:
  /// the word split at its dashes when every part is a column or a number.
  ///
  /// ```
  /// DidYouMean.subtraction(for: "input_tokens-cached_tokens", columns: ["input_tokens", "cached_tokens"])
  /// // "did you mean `input_tokens - cached_tokens`?"
  /// ```
  public static func subtraction(for word: String, columns: Set<String>) -> String? {
    guard word.contains("-") else { return nil }
    let parts = word.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    func isOperand(_ part: String) -> Bool { columns.contains(part) || Literal.number(part) != nil }
    if parts.allSatisfy(isOperand) { return "did you mean `\(parts.joined(separator: " - "))`?" }
    for cut in 1..<parts.count {
      let left = parts[..<cut].joined(separator: "-")
      let right = parts[cut...].joined(separator: "-")
      if isOperand(left), isOperand(right) { return "did you mean `\(left) - \(right)`?" }
    }
    return nil
  }

  /// Optimal string alignment distance between two scalar arrays.
  static func editDistance(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar]) -> Int {
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previousPrevious = [Int](repeating: 0, count: right.count + 1)
    var previous = Array(0...right.count)
    var row = [Int](repeating: 0, count: right.count + 1)
    for i in 1...left.count {
      row[0] = i
      for j in 1...right.count {
        let cost = left[i - 1] == right[j - 1] ? 0 : 1
        row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
          row[j] = min(row[j], previousPrevious[j - 2] + 1)
        }
      }
      (previousPrevious, previous, row) = (previous, row, previousPrevious)
    }
    return previous[right.count]
  }
}
