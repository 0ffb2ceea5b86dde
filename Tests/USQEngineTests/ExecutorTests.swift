import Testing
import USQFrame

@testable import USQEngine

@Suite struct ExecutorTests {
  @Test("where, select")
  func whereSelect() async throws {
    let result = try await run(
      "load completions | where model = gpt-4o | select start_time, project_id, input_tokens")
    #expect(
      Table(result.frame)
        == Table(
          ["start_time", "project_id", "input_tokens"],
          [
            [day("2026-11-28"), .string("proj_a"), .int(1_000)],
            [day("2026-11-29"), .string("proj_a"), .int(2_000)],
            [day("2026-11-30"), .string("proj_b"), .int(3_000)],
          ]))
    #expect(result.timings.map(\.verb) == ["load", "where", "select"])
    #expect(result.timerLine.hasPrefix("time: load "))
    #expect(result.timerLine.contains(" · where "))
  }

  @Test("sum by a key: keys first, groups ascending")
  func sum() async throws {
    let result = try await run("load completions | sum input_tokens, output_tokens by model")
    #expect(
      Table(result.frame)
        == Table(
          ["model", "input_tokens", "output_tokens"],
          [
            [.string("gpt-4o"), .int(6_000), .int(1_100)],
            [.string("gpt-4o-mini"), .int(500), .int(100)],
            [.string("o1"), .int(100), .int(50)],
          ]))
  }

  @Test("avg, min, max")
  func otherAggregates() async throws {
    let average = try await run("load completions | avg num_model_requests by model")
    #expect(Table(average.frame).rows.map { $0[1] } == [.double(20), .double(5), .double(1)])
    let minimum = try await run("load completions | min input_tokens")
    #expect(Table(minimum.frame) == Table(["input_tokens"], [[.int(100)]]))
    let maximum = try await run("load completions | max start_time by project_id")
    #expect(
      Table(maximum.frame).rows.map { $0[1] } == [
        day("2026-11-29"), day("2026-11-30"), day("2026-11-29"),
      ])
  }

  @Test("count and agg")
  func countAndAgg() async throws {
    let count = try await run("load completions | count by project_id")
    #expect(
      Table(count.frame)
        == Table(
          ["project_id", "count"],
          [
            [.string("proj_a"), .int(2)], [.string("proj_b"), .int(2)],
            [.string("proj_c"), .int(1)],
          ]))
    let agg = try await run(
      "load completions | agg sum(input_tokens) as input, max(output_tokens), count() by model")
    #expect(
      Table(agg.frame)
        == Table(
          ["model", "input", "max_output_tokens", "count"],
          [
            [.string("gpt-4o"), .int(6_000), .int(600), .int(3)],
            [.string("gpt-4o-mini"), .int(500), .int(100), .int(1)],
            [.string("o1"), .int(100), .int(50), .int(1)],
          ]))
  }

  @Test("sort, head, tail, top")
  func ordering() async throws {
    let sorted = try await run(
      "load completions | sort input_tokens desc | head 2 | select model, input_tokens")
    #expect(
      Table(sorted.frame)
        == Table(
          ["model", "input_tokens"],
          [
            [.string("gpt-4o"), .int(3_000)], [.string("gpt-4o"), .int(2_000)],
          ]))
    let top = try await run("load completions | top 2 by output_tokens | select output_tokens")
    #expect(Table(top.frame) == Table(["output_tokens"], [[.int(600)], [.int(300)]]))
    let defaultTop = try await run("load completions | top 1 | select num_model_requests")
    #expect(Table(defaultTop.frame) == Table(["num_model_requests"], [[.int(30)]]))
    let tail = try await run("load completions | tail 1 | select model")
    #expect(Table(tail.frame) == Table(["model"], [[.string("gpt-4o")]]))
    let head = try await run("load completions | head")
    #expect(head.frame.rowCount == 5)
  }

  @Test("derive adds at the end or replaces in place; rename; drop")
  func columns() async throws {
    let derived = try await run(
      "load completions | select input_tokens, output_tokens | derive total = input_tokens + output_tokens, ratio = output_tokens / input_tokens, input_tokens = input_tokens * 2 | head 1"
    )
    #expect(
      Table(derived.frame)
        == Table(
          ["input_tokens", "output_tokens", "total", "ratio"],
          [
            [.int(2_000), .int(200), .int(1_200), .double(0.2)]
          ]))
    let renamed = try await run(
      "load completions | rename tokens = input_tokens | select tokens | head 1")
    #expect(Table(renamed.frame) == Table(["tokens"], [[.int(1_000)]]))
    let dropped = try await run(
      "load completions | drop end_time, user_id, api_key_id, batch, service_tier, input_cached_tokens"
    )
    #expect(
      dropped.frame.names == [
        "start_time", "input_tokens", "output_tokens", "num_model_requests", "project_id", "model",
      ])
  }

  @Test("share and other")
  func shareOther() async throws {
    let share = try await run(
      "load completions | sum num_model_requests by project_id | share num_model_requests")
    #expect(
      Table(share.frame)
        == Table(
          ["project_id", "num_model_requests", "share"],
          [
            [.string("proj_a"), .int(30), .double(30.0 / 66 * 100)],
            [.string("proj_b"), .int(35), .double(35.0 / 66 * 100)],
            [.string("proj_c"), .int(1), .double(1.0 / 66 * 100)],
          ]))
    let other = try await run("load completions | sum num_model_requests by project_id | other 5%")
    #expect(
      Table(other.frame)
        == Table(
          ["project_id", "num_model_requests"],
          [
            [.string("proj_a"), .int(30)], [.string("proj_b"), .int(35)],
            [.string("Other"), .int(1)],
          ]))
  }

  @Test("pivot, distinct")
  func pivotDistinct() async throws {
    let pivot = try await run(
      "load completions | sum input_tokens by start_time, model | pivot model values input_tokens")
    #expect(
      Table(pivot.frame)
        == Table(
          ["start_time", "gpt-4o", "gpt-4o-mini", "o1"],
          [
            [day("2026-11-28"), .int(1_000), .int(500), .null],
            [day("2026-11-29"), .int(2_000), .null, .int(100)],
            [day("2026-11-30"), .int(3_000), .null, .null],
          ]))
    let distinct = try await run("load completions | distinct project_id")
    #expect(
      Table(distinct.frame)
        == Table(["project_id"], [[.string("proj_a")], [.string("proj_b")], [.string("proj_c")]]))
  }

  @Test("a stage after pivot is checked when it runs")
  func afterPivot() async throws {
    let result = try await run(
      "load completions | sum input_tokens by start_time, model | pivot model values input_tokens | select start_time, o1"
    )
    #expect(result.frame.names == ["start_time", "o1"])
    await #expect(throws: ExecutionError.self) {
      _ = try await run(
        "load completions | sum input_tokens by start_time, model | pivot model values input_tokens | select o2"
      )
    }
  }

  @Test("join a stored frame, names from the lists")
  func joinNames() async throws {
    let stored = try Frames.projects.rename([(new: "project_id", old: "id")])
    let environment = Fixtures.environment(frames: ["projects": stored])
    let joined = try await run(
      "load completions | sum input_tokens by project_id | join projects on project_id kind=left",
      environment: environment)
    #expect(
      Table(joined.frame)
        == Table(
          ["project_id", "input_tokens", "name"],
          [
            [.string("proj_a"), .int(3_000), .string("Alpha")],
            [.string("proj_b"), .int(3_500), .string("Beta")],
            [.string("proj_c"), .int(100), .null],
          ]))
    let source = FakeDataSource(frames: [
      "completions": Frames.completions, "projects": Frames.projects,
    ])
    let named = try await run(
      "load completions | sum input_tokens by project_id | names", source: source)
    #expect(
      Table(named.frame)
        == Table(
          ["project_id", "project_name", "input_tokens"],
          [
            [.string("proj_a"), .string("Alpha"), .int(3_000)],
            [.string("proj_b"), .string("Beta"), .int(3_500)],
            [.string("proj_c"), .null, .int(100)],
          ]))
    #expect(source.requests.map(\.endpoint.name) == ["completions", "projects"])
  }

  @Test("bucket week sums by the week starting Monday, keeping the latest end")
  func bucket() async throws {
    let result = try await run(
      "load completions | select start_time, end_time, input_tokens | bucket week")
    #expect(
      Table(result.frame)
        == Table(
          ["start_time", "end_time", "input_tokens"],
          [
            [day("2026-11-23"), day("2026-11-30"), .int(3_600)],
            [day("2026-11-30"), day("2026-12-01"), .int(3_000)],
          ]))
  }

  @Test("fill adds zero rows for the loaded window's empty buckets")
  func fill() async throws {
    let result = try await run(
      "load completions days=5 | where model = o1 | select start_time, end_time, model, input_tokens | fill"
    )
    let now = Value.time(Fixtures.now)
    #expect(
      Table(result.frame)
        == Table(
          ["start_time", "end_time", "model", "input_tokens"],
          [
            [day("2026-11-26"), day("2026-11-27"), .string("o1"), .int(0)],
            [day("2026-11-27"), day("2026-11-28"), .string("o1"), .int(0)],
            [day("2026-11-28"), day("2026-11-29"), .string("o1"), .int(0)],
            [day("2026-11-29"), day("2026-11-30"), .string("o1"), .int(100)],
            [day("2026-11-30"), now, .string("o1"), .int(0)],
          ]))
  }
}

@Suite struct ListCacheTests {
  @Test("names fetches each list once per cache")
  func cached() async throws {
    let source = FakeDataSource(frames: [
      "completions": Frames.completions, "projects": Frames.projects,
    ])
    let cache = ListCache()
    let plan = try #require(bindPlan("load completions | sum input_tokens by project_id | names"))
    let executor = Executor(
      environment: Fixtures.environment(), dataSource: source, listCache: cache)
    _ = try await executor.run(plan)
    let second = try await executor.run(plan)
    #expect(source.requests.map(\.endpoint.name) == ["completions", "projects", "completions"])
    #expect(second.frame.names == ["project_id", "project_name", "input_tokens"])
    await cache.clear()
    _ = try await executor.run(plan)
    #expect(source.requests.count == 5)
  }
}

@Suite struct ConformTests {
  @Test("a loaded frame is put in the promised column order; missing columns are null")
  func order() async throws {
    let shuffled = try Frames.completions.select([
      "model", "end_time", "start_time", "input_tokens",
    ])
    let source = FakeDataSource(frames: ["completions": shuffled])
    let result = try await run("load completions | head 1", source: source)
    #expect(
      Array(result.frame.names.prefix(4)) == [
        "start_time", "end_time", "input_tokens", "input_cached_tokens",
      ])
    #expect(result.frame.names.count == 12)
    #expect(result.frame["output_tokens"]?.nullCount == 1)
  }
}

@Suite struct MoreStageTests {
  @Test("join kind=inner keeps only matches")
  func innerJoin() async throws {
    let stored = try Frames.projects.rename([(new: "project_id", old: "id")])
    let result = try await run(
      "load completions | sum input_tokens by project_id | join p on project_id kind=inner",
      environment: Fixtures.environment(frames: ["p": stored]))
    #expect(
      Table(result.frame)
        == Table(
          ["project_id", "input_tokens", "name"],
          [
            [.string("proj_a"), .int(3_000), .string("Alpha")],
            [.string("proj_b"), .int(3_500), .string("Beta")],
          ]))
  }

  @Test("sort by several keys, mixed directions, stable")
  func multiSort() async throws {
    let result = try await run(
      "load completions | sort project_id desc, input_tokens | select project_id, input_tokens")
    #expect(
      Table(result.frame).rows == [
        [.string("proj_c"), .int(100)], [.string("proj_b"), .int(500)],
        [.string("proj_b"), .int(3_000)],
        [.string("proj_a"), .int(1_000)], [.string("proj_a"), .int(2_000)],
      ])
  }

  @Test("head 0, top 0, distinct of two columns, share by a key")
  func edges() async throws {
    #expect(try await run("load completions | head 0").frame.rowCount == 0)
    #expect(try await run("load completions | top 0").frame.rowCount == 0)
    let pairs = try await run("load completions | distinct project_id, model")
    #expect(pairs.frame.rowCount == 4)
    let share = try await run(
      "load completions | sum num_model_requests by start_time, project_id | share num_model_requests by start_time | where start_time = 2026-11-28 | select project_id, share"
    )
    #expect(
      Table(share.frame)
        == Table(
          ["project_id", "share"],
          [
            [.string("proj_a"), .double(10.0 / 15 * 100)],
            [.string("proj_b"), .double(5.0 / 15 * 100)],
          ]))
  }
}

@Suite struct FillInferenceTests {
  @Test("fill on a stored frame infers the width and window from the data")
  func inferred() async throws {
    let frame = Frames.make(
      [("start_time", .time), ("end_time", .time), ("n", .int)],
      [
        [day("2026-11-28"), day("2026-11-29"), .int(1)],
        [day("2026-11-30"), day("2026-12-01"), .int(3)],
      ])
    let result = try await run(
      "from f | fill", environment: Fixtures.environment(frames: ["f": frame]))
    #expect(
      Table(result.frame).rows == [
        [day("2026-11-28"), day("2026-11-29"), .int(1)],
        [day("2026-11-29"), day("2026-11-30"), .int(0)],
        [day("2026-11-30"), day("2026-12-01"), .int(3)],
      ])
  }
}
