import USQFrame

/// Runs a `load spend`: the costs request and the usage requests at the same time, each through
/// the data source like any `load` (paginated, retried, cached), then `SpendAttribution`.
struct SpendLoader: Sendable {
  let dataSource: any DataSource

  /// The attributed frame.
  ///
  /// - Parameter progress: (pages fetched, pages expected) summed over the requests.
  /// - Throws: the first failing request's error (the others are cancelled).
  func load(_ request: SpendRequest, progress: @escaping @Sendable (Int, Int?) -> Void)
    async throws -> Frame
  {
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
    let usage = zip(request.usage, frames.dropFirst()).map { ($0.endpoint, $1 ?? .empty) }
    return SpendAttribution.attribute(costs: costs, usage: usage, groupKeys: request.groupKeys)
  }
}
