import Synchronization

/// Adds up the progress of requests running at the same time into one (done, expected) report.
final class ProgressSum: Sendable {
  private let state: Mutex<[(done: Int, total: Int?)]>
  private let report: @Sendable (Int, Int?) -> Void

  init(count: Int, report: @escaping @Sendable (Int, Int?) -> Void) {
    state = Mutex(Array(repeating: (0, nil), count: count))
    self.report = report
  }

  /// Records request `index`'s progress and reports the sum (expected only when all know theirs).
  func update(_ index: Int, done: Int, total: Int?) {
    let (sum, expected) = state.withLock { parts -> (Int, Int?) in
      parts[index] = (done, total)
      let totals = parts.compactMap(\.total)
      return (
        parts.reduce(0) { $0 + $1.done },
        totals.count == parts.count ? totals.reduce(0, +) : nil
      )
    }
    report(sum, expected)
  }
}
