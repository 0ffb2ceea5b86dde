import Testing
import USQFrame
import USQLanguage

@testable import USQEngine

/// Binds and runs `text` against a fake source serving the fixture frames.
func run(
  _ text: String, environment: Environment = Fixtures.environment(),
  source: any DataSource = FakeDataSource(frames: [
    "completions": Frames.completions, "projects": Frames.projects,
  ]),
  sourceLocation: SourceLocation = #_sourceLocation
) async throws -> ExecutionResult {
  let plan = try #require(
    bindPlan(text, environment: environment, sourceLocation: sourceLocation),
    sourceLocation: sourceLocation)
  return try await Executor(environment: environment, dataSource: source).run(plan)
}

/// The frame's column names and rows, for exact comparisons.
struct Table: Equatable, CustomStringConvertible {
  var names: [String]
  var rows: [[Value]]

  init(_ names: [String], _ rows: [[Value]]) {
    self.names = names
    self.rows = rows
  }

  init(_ frame: Frame) {
    self.init(frame.names, frame.rows)
  }

  var description: String {
    ([names.joined(separator: " | ")] + rows.map { $0.map(\.description).joined(separator: " | ") })
      .joined(separator: "\n")
  }
}

func day(_ text: String) -> Value { .time(Fixtures.time(text)) }
