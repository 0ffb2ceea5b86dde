import Foundation
import Testing
import USQFrame

@testable import USQEngine

@Suite struct ReadTests {
  /// A fresh folder with `files` (name → contents).
  func folder(_ files: [String: String]) throws -> String {
    let path = NSTemporaryDirectory() + "usq-read-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for (name, contents) in files {
      let file = path + "/" + name
      try FileManager.default.createDirectory(
        atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try contents.write(toFile: file, atomically: true, encoding: .utf8)
    }
    return path
  }

  func read(
    _ path: String, in directory: String, source: FakeDataSource = FakeDataSource(frames: [:])
  ) async throws -> Frame {
    var environment = Fixtures.environment()
    environment.workingDirectory = directory
    let plan = try #require(bindPlan("read \(path)", environment: environment))
    return try await Executor(environment: environment, dataSource: source).run(plan).frame
  }

  @Test("CSV with a header row: int, float, bool, timestamp and string columns, empty is null")
  func csv() async throws {
    let directory = try folder([
      "usage.csv":
        "day,tokens,cost,batch,model,note\r\n2026-11-01T00:00:00Z,10,1.5,true,gpt-4o,\"a, b\"\n2026-11-02,,2,false,o1,\"say \"\"hi\"\"\"\n"
    ])
    let frame = try await read("usage.csv", in: directory)
    #expect(
      frame.schema
        == Schema([
          Field("day", .time), Field("tokens", .int), Field("cost", .double), Field("batch", .bool),
          Field("model", .string), Field("note", .string),
        ]))
    #expect(
      Table(frame).rows == [
        [
          day("2026-11-01"), .int(10), .double(1.5), .bool(true), .string("gpt-4o"),
          .string("a, b"),
        ],
        [day("2026-11-02"), .null, .double(2), .bool(false), .string("o1"), .string("say \"hi\"")],
      ])
  }

  @Test("CSV timestamps as other tools write them; a leap second keeps the column text")
  func csvTimestamps() async throws {
    let directory = try folder([
      "times.csv":
        "at,leap\n2026-11-01 08:00:00,2026-12-31T23:59:59Z\n2026-11-01T10:00:00.750+0200,2026-12-31T23:59:60Z\n"
    ])
    let frame = try await read("times.csv", in: directory)
    #expect(frame.schema == Schema([Field("at", .time), Field("leap", .string)]))
    let eight = Fixtures.time("2026-11-01T08:00:00Z")
    #expect(Table(frame).rows.map(\.first) == [.time(eight), .time(eight)])
  }

  @Test("JSON records and NDJSON keep the keys' first-seen order")
  func json() async throws {
    let directory = try folder([
      "a.json":
        #"[{"model": "gpt-4o", "tokens": 5, "at": "2026-11-01T08:00:00Z"}, {"tokens": 7.5, "extra": null, "model": "o1"}]"#,
      "b.ndjson": "{\"model\": \"x\", \"tokens\": 1}\n\n{\"model\": \"y\", \"ok\": true}\n",
    ])
    let records = try await read("a.json", in: directory)
    #expect(
      Table(records)
        == Table(
          ["model", "tokens", "at", "extra"],
          [
            [.string("gpt-4o"), .double(5), day("2026-11-01T08:00"), .null],
            [.string("o1"), .double(7.5), .null, .null],
          ]))
    let lines = try await read("b.ndjson", in: directory)
    #expect(
      Table(lines)
        == Table(
          ["model", "tokens", "ok"],
          [
            [.string("x"), .int(1), .null], [.string("y"), .null, .bool(true)],
          ]))
  }

  @Test("a directory reads its data files in name order; a glob reads its matches")
  func directoryAndGlob() async throws {
    let directory = try folder([
      "pages/2.csv": "n\n2\n", "pages/1.csv": "n\n1\n", "pages/notes.txt": "skip me",
      "pages/3.json": #"[{"n": 3}]"#,
    ])
    let all = try await read("pages", in: directory)
    #expect(Table(all).rows == [[.int(1)], [.int(2)], [.int(3)]])
    let glob = try await read("pages/*.csv", in: directory)
    #expect(Table(glob).rows == [[.int(1)], [.int(2)]])
  }

  @Test("API pages go through the data source's decoder")
  func pages() async throws {
    let directory = try folder(["page.json": #"{"object": "page", "data": [], "has_more": false}"#])
    let source = FakeDataSource(frames: [:], pages: Frames.completions)
    let frame = try await read("page.json", in: directory, source: source)
    #expect(frame == Frames.completions)
  }

  @Test("a missing file or bad JSON is a read error")
  func errors() async throws {
    let directory = try folder(["bad.json": "[{\"a\": 1,]"])
    await #expect(throws: ExecutionError.self) { _ = try await read("missing.csv", in: directory) }
    await #expect(throws: ExecutionError.self) { _ = try await read("bad.json", in: directory) }
  }

  @Test("stages after read are checked when it runs")
  func stagesAfterRead() async throws {
    let directory = try folder(["u.csv": "model,tokens\na,1\nb,2\na,3\n"])
    var environment = Fixtures.environment()
    environment.workingDirectory = directory
    let plan = try #require(
      bindPlan("read u.csv | sum tokens by model | chart bar", environment: environment))
    let result = try await Executor(
      environment: environment, dataSource: FakeDataSource(frames: [:])
    ).run(plan)
    #expect(
      Table(result.frame)
        == Table(["model", "tokens"], [[.string("a"), .int(4)], [.string("b"), .int(2)]]))
    guard case .chart(let chart, _) = result.output else {
      Issue.record("expected a chart")
      return
    }
    #expect(chart.x == "model")
    let bad = try #require(bindPlan("read u.csv | sum tokenz", environment: environment))
    do {
      _ = try await Executor(environment: environment, dataSource: FakeDataSource(frames: [:])).run(
        bad)
      Issue.record("expected an error")
    } catch let error as ExecutionError {
      #expect(error.diagnostics.first?.message == "unknown column 'tokenz'")
      #expect(error.diagnostics.first?.help == "did you mean 'tokens'?")
    }
  }
}

@Suite struct ReadListTests {
  @Test("a list page reads as its objects")
  func listPage() async throws {
    let path = NSTemporaryDirectory() + "usq-list-\(UUID().uuidString).json"
    try
      #"{"object": "list", "data": [{"id": "proj_a", "name": "A", "created_at": 1711929600}], "has_more": false}"#
      .write(toFile: path, atomically: true, encoding: .utf8)
    let plan = try #require(bindPlan("read \(path)"))
    let frame = try await Executor(
      environment: Fixtures.environment(), dataSource: FakeDataSource(frames: [:])
    ).run(plan).frame
    #expect(
      Table(frame)
        == Table(
          ["id", "name", "created_at"], [[.string("proj_a"), .string("A"), .int(1_711_929_600)]]))
  }
}
