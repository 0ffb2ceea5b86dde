import Foundation
import USQFrame
import USQVocabulary

@testable import USQEngine

/// A data source serving fixed frames per endpoint and recording every request.
final class FakeDataSource: DataSource, @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [UsageQuery] = []
  let frames: [String: Frame]
  let pages: Frame?

  init(frames: [String: Frame], pages: Frame? = nil) {
    self.frames = frames
    self.pages = pages
  }

  var requests: [UsageQuery] {
    lock.withLock { recorded }
  }

  func load(_ request: UsageQuery, progress: @escaping @Sendable (Int, Int?) -> Void) async throws
    -> Frame
  {
    lock.withLock { recorded.append(request) }
    progress(1, 1)
    guard let frame = frames[request.endpoint.name] else {
      throw FakeError.noFrame(request.endpoint.name)
    }
    return frame
  }

  func plannedRequests(_ request: UsageQuery) -> [PlannedRequest] {
    var parameters = [("start_time", String(request.startTime))]
    if let width = request.bucketWidth { parameters.append(("bucket_width", width.rawValue)) }
    for key in request.groupBy { parameters.append(("group_by", key)) }
    for filter in request.filters {
      for value in filter.values { parameters.append((filter.name, value)) }
    }
    return [
      PlannedRequest(
        url: "https://api.example/v1/organization/usage/\(request.endpoint.name)",
        parameters: parameters, expectedPages: 1)
    ]
  }

  /// Recognises `{"object": "page", …}` and answers with `pages`.
  func decodePages(_ data: Data) throws -> Frame? {
    guard let text = String(data: data, encoding: .utf8), text.contains("\"object\": \"page\"")
    else { return nil }
    return pages
  }

  enum FakeError: Error { case noFrame(String) }
}

/// Frames for tests, built from rows.
enum Frames {
  static func make(_ columns: [(String, ColumnKind)], _ rows: [[Value]]) -> Frame {
    Frame(
      unchecked: columns.enumerated().map { index, column in
        (column.0, Column.from(rows.map { $0[index] }, kind: column.1))
      })
  }

  /// Daily completions grouped by model and project: 3 days × a few rows.
  static let completions: Frame = {
    let day = Fixtures.time("2026-11-28")
    let columns: [(String, ColumnKind)] = [
      ("start_time", .time), ("end_time", .time), ("input_tokens", .int),
      ("input_cached_tokens", .int),
      ("output_tokens", .int), ("num_model_requests", .int), ("project_id", .string),
      ("user_id", .string),
      ("api_key_id", .string), ("model", .string), ("batch", .bool), ("service_tier", .string),
    ]
    func row(
      _ offset: Int64, _ input: Int64, _ output: Int64, _ requests: Int64, _ project: String,
      _ model: String
    ) -> [Value] {
      let start = day + offset * 86_400
      return [
        .time(start), .time(start + 86_400), .int(input), .int(input / 10), .int(output),
        .int(requests),
        .string(project), .null, .null, .string(model), .null, .null,
      ]
    }
    return make(
      columns,
      [
        row(0, 1_000, 200, 10, "proj_a", "gpt-4o"),
        row(0, 500, 100, 5, "proj_b", "gpt-4o-mini"),
        row(1, 2_000, 300, 20, "proj_a", "gpt-4o"),
        row(1, 100, 50, 1, "proj_c", "o1"),
        row(2, 3_000, 600, 30, "proj_b", "gpt-4o"),
      ])
  }()

  static let projects = make(
    [("id", .string), ("name", .string)],
    [[.string("proj_a"), .string("Alpha")], [.string("proj_b"), .string("Beta")]])
}
