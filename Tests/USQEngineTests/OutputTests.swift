import Testing
import USQFrame

@testable import USQEngine

@Suite struct OutputTests {
  @Test("a chart's defaults: x the first non-numeric column, y the last numeric one")
  func chartDefaults() async throws {
    let result = try await run(
      "load completions | sum input_tokens, output_tokens by model | chart bar")
    guard case .chart(let chart, let frame) = result.output else {
      Issue.record("expected a chart")
      return
    }
    #expect(chart == ChartRequest(kind: .bar, x: "model", y: ["output_tokens"], by: nil))
    #expect(frame.rowCount == 3)
    let line = try #require(
      bindPlan(
        "load completions | chart line y=input_tokens,output_tokens by=model title=\"Tokens\" width=60"
      ))
    #expect(
      line.output
        == .chart(
          ChartRequest(
            kind: .line, x: "start_time", y: ["input_tokens", "output_tokens"], by: "model",
            title: "Tokens", width: 60)))
    let pie = try #require(
      bindPlan("load completions | sum num_model_requests by project_id | other 5% | chart pie"))
    #expect(
      pie.output
        == .chart(ChartRequest(kind: .pie, x: nil, y: ["num_model_requests"], by: "project_id")))
    let heat = try #require(bindPlan("load completions hours=48 | chart heat"))
    #expect(
      heat.output == .chart(ChartRequest(kind: .heat, x: nil, y: ["num_model_requests"], by: nil)))
  }

  @Test("export takes its format from the extension or format=")
  func export() throws {
    let csv = try #require(bindPlan("load completions | export out/usage.csv"))
    #expect(
      csv.output == .export(ExportRequest(path: "out/usage.csv", format: .data(.csv)), chart: nil))
    let json = try #require(bindPlan("load completions | export usage.txt format=json"))
    #expect(
      json.output == .export(ExportRequest(path: "usage.txt", format: .data(.json)), chart: nil))
    let svg = try #require(bindPlan("load completions | chart bar | export chart.svg"))
    guard case .export(let request, let chart) = svg.output else {
      Issue.record("expected an export")
      return
    }
    #expect(request.format == .svg)
    #expect(chart?.kind == .bar)
  }

  @Test("let stores instead of printing; from and _ read stored frames")
  func stored() async throws {
    let result = try await run("let daily = load completions | sum input_tokens by start_time")
    guard case .stored(let name, let frame) = result.output else {
      Issue.record("expected a stored frame")
      return
    }
    #expect(name == "daily")
    #expect(frame.rowCount == 3)
    let environment = Fixtures.environment(frames: ["daily": frame], last: frame)
    let from = try await run("from daily | top 1", environment: environment)
    #expect(
      Table(from.frame)
        == Table(["start_time", "input_tokens"], [[day("2026-11-30"), .int(3_000)]]))
    let last = try await run("_ | head 1", environment: environment)
    #expect(last.frame.rowCount == 1)
    let continuation = try await run("| tail 1", environment: environment)
    #expect(Table(continuation.frame).rows == [[day("2026-11-30"), .int(3_000)]])
    #expect(continuation.timings.map(\.verb) == ["_", "tail"])
  }

  @Test("the timer line lists each stage then the total")
  func timerLine() {
    let line = StageTiming.line([
      StageTiming(verb: "load", seconds: 0.8124), StageTiming(verb: "sum", seconds: 0.0091),
      StageTiming(verb: "top", seconds: 0.0001),
    ])
    #expect(line == "time: load 812.4 ms · sum 9.1 ms · top 0.1 ms · total 821.6 ms")
  }

  @Test("cancellation stops between stages")
  func cancellation() async throws {
    let plan = try #require(bindPlan("load completions | sum input_tokens by model | top 1"))
    let executor = Executor(
      environment: Fixtures.environment(),
      dataSource: FakeDataSource(frames: ["completions": Frames.completions]))
    let task = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try await executor.run(plan)
    }
    await #expect(throws: CancellationError.self) { _ = try await task.value }
  }
}

@Suite struct LetOutputTests {
  @Test("let with an output stage warns that the output is ignored")
  func ignored() throws {
    let (plan, diagnostics) = bind("let x = load completions | chart bar")
    #expect(plan?.binding == "x")
    let warning = try #require(diagnostics.first)
    #expect(warning.severity == .warning)
    #expect(warning.message == "'chart' is ignored: 'let x = …' stores the frame")
    #expect(warning.span.start == 27)
  }
}
