import USQFrame
import USQLanguage

/// Runs a `load spend`: the costs request and the usage requests at the same time, each through
/// the data source like any `load` (paginated, retried, cached), then `SpendAttribution`.
struct SpendLoader: Sendable {
  let dataSource: any DataSource

  /// The attributed frame.
  ///
  /// - Parameters:
  ///   - warnings: where a bill in another currency than usd is reported.
  ///   - progress: (pages fetched, pages expected) summed over the requests.
  /// - Throws: the first failing request's error (the others are cancelled).
  func load(
    _ request: SpendRequest, warnings: RunWarnings,
    progress: @escaping @Sendable (Int, Int?) -> Void
  ) async throws -> Frame {
    let requests = request.requests
    let counter = ProgressSum(count: requests.count, report: progress)
    let frames = try await withThrowingTaskGroup(of: (Int, Frame).self) { group in
      for (index, load) in requests.enumerated() {
        group.addTask { [dataSource] in
          let frame = try await dataSource.load(load) { done, total in
            counter.update(index, done: done, total: total)
          }
          return (index, frame)
        }
      }
      var frames = [Frame?](repeating: nil, count: requests.count)
      for try await (index, frame) in group { frames[index] = frame }
      return frames
    }
    let costs = frames[0] ?? .empty
    let currencies = Self.currencies(costs).subtracting(["usd"])
    if !currencies.isEmpty {
      warnings.report(Self.otherCurrency(currencies.sorted(), at: request.span, column: "amount"))
    }
    let usage = zip(request.usage, frames.dropFirst()).map { ($0.endpoint.name, $1 ?? .empty) }
    return SpendAttribution.attribute(costs: costs, usage: usage, groupKeys: request.groupKeys)
  }

  /// The distinct currencies of a costs frame (lowercased).
  static func currencies(_ costs: Frame) -> Set<String> {
    guard case .string(let column)? = costs["currency"] else { return [] }
    return Set(column.dictionary.map { $0.lowercased() })
  }

  /// Amounts (or costs) in another currency than usd: kept as billed, said once.
  static func otherCurrency(_ currencies: [String], at span: Span, column: String) -> Diagnostic {
    let names = currencies.joined(separator: ", ")
    return .warning(
      "run.other-currency",
      "the costs are billed in \(names), not usd: '\(column)' is in that currency",
      at: span, label: "billed in \(names)")
  }
}
