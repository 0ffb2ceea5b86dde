import Testing

@testable import USQEngine

@Suite struct LoadRequestTests {
  @Test("dimensions used by later stages become the implicit group_by, in the endpoint's order")
  func implicitGroup() throws {
    #expect(bindPlan("load completions | sum input_tokens by model")?.request?.groupBy == ["model"])
    #expect(
      bindPlan("load completions | where project_id = proj_a | sum input_tokens by model")?.request?
        .groupBy
        == ["project_id", "model"])
    #expect(bindPlan("load completions | sum input_tokens")?.request?.groupBy == [])
    #expect(
      bindPlan("load completions | chart stack x=start_time y=input_tokens by=model")?.request?
        .groupBy == ["model"])
    #expect(
      bindPlan("load completions | rename m = model | sum input_tokens by m")?.request?.groupBy == [
        "model"
      ])
    #expect(
      bindPlan("load completions | sum input_tokens by project_id | names")?.request?.groupBy == [
        "project_id"
      ])
  }

  @Test("an explicit group= wins, and using another dimension is a warning")
  func explicitGroup() throws {
    let (plan, diagnostics) = bind("load completions group=project_id | sum input_tokens by model")
    #expect(plan?.request?.groupBy == ["project_id"])
    let warning = try #require(diagnostics.first)
    #expect(warning.severity == .warning)
    #expect(warning.message == "'model' is not in 'group=project_id': its values are null")
    #expect(warning.span.start == 56)
    #expect(warning.help == "add it: group=project_id,model")
  }

  @Test("filter options map to API parameters")
  func filters() throws {
    let request = try #require(
      bindPlan("load completions project=proj_a,proj_b model=gpt-4o batch=true user_ids=u1")?
        .request)
    #expect(
      request.filters == [
        RequestFilter(parameter: "project_ids", values: ["proj_a", "proj_b"]),
        RequestFilter(parameter: "models", values: ["gpt-4o"]),
        RequestFilter(parameter: "batch", values: ["true"]),
        RequestFilter(parameter: "user_ids", values: ["u1"]),
      ])
    let images = try #require(
      bindPlan("load images source=image.generation size=1024x1024")?.request)
    #expect(images.filter("sources") == ["image.generation"])
    #expect(images.filter("sizes") == ["1024x1024"])
  }

  @Test("a leading where on grouped dimensions is also sent as filters")
  func pushDown() throws {
    let plan = try #require(
      bindPlan(
        "load completions | where model = gpt-4o and project_id in (a, b) | sum input_tokens by model"
      ))
    #expect(
      plan.request?.filters == [
        RequestFilter(parameter: "models", values: ["gpt-4o"], isPushedDown: true),
        RequestFilter(parameter: "project_ids", values: ["a", "b"], isPushedDown: true),
      ])
    #expect(plan.stages.count == 2)
    let notPushed = try #require(bindPlan("load completions | where model = gpt-4o or model = o1"))
    #expect(notPushed.request?.filters == [])
    let ungrouped = try #require(
      bindPlan("load completions group=project_id | where model = gpt-4o"))
    #expect(ungrouped.request?.filters == [])
  }
}

@Suite struct FilterOptionTests {
  @Test("API filter parameters get LANGUAGE.md's option names")
  func names() {
    #expect(
      FilterOption.forParameter("project_ids")
        == FilterOption(option: "project", parameter: "project_ids", field: "project_id"))
    #expect(FilterOption.forParameter("api_key_ids").option == "key")
    #expect(
      FilterOption.forParameter("models")
        == FilterOption(option: "model", parameter: "models", field: "model"))
    #expect(
      FilterOption.forParameter("sizes")
        == FilterOption(option: "size", parameter: "sizes", field: "size"))
    #expect(
      FilterOption.forParameter("vector_store_ids")
        == FilterOption(
          option: "vector_store", parameter: "vector_store_ids", field: "vector_store_id"))
    #expect(
      FilterOption.forParameter("context_levels")
        == FilterOption(
          option: "context_level", parameter: "context_levels", field: "context_level"))
    #expect(FilterOption.forParameter("batch").isBoolean)
  }
}

@Suite struct NotebookTests {
  static let statements = [
    "load completions days=30 | chart bar x=start_time y=input_tokens,output_tokens",
    "load completions days=30 group=model,project_id | sum num_model_requests by model, project_id | chart stack x=model y=num_model_requests by=project_id",
    "load completions days=30 group=project_id | sum num_model_requests by project_id | where num_model_requests > 0 | other 5% | chart pie",
    "load completions days=30 group=project_id | sum num_model_requests by project_id | share num_model_requests | where share < 5 | chart pie title=\"Other, broken down\"",
    "load costs days=30 group=line_item | sum amount by line_item | chart bar",
    "load completions days=30 group=model,project_id | sum num_model_requests by project_id | top 5",
  ]

  @Test("the notebook's statements bind without warnings and run", arguments: statements)
  func notebook(_ statement: String) async throws {
    let (plan, diagnostics) = bind(statement)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let bound = try #require(plan)
    _ = try await Executor(environment: Fixtures.environment(), dataSource: ExampleSource()).run(
      bound)
  }

  @Test("the pie title keeps its comma")
  func title() throws {
    let plan = try #require(bindPlan(Self.statements[3]))
    guard case .chart(let chart) = plan.output else {
      Issue.record("expected a chart")
      return
    }
    #expect(chart.title == "Other, broken down")
    #expect(chart.y == ["share"])
    #expect(chart.by == "project_id")
  }
}

@Suite struct ImplicitGroupTests {
  @Test("dropping a dimension does not group by it")
  func drop() {
    #expect(bindPlan("load completions | drop user_id, api_key_id")?.request?.groupBy == [])
    expectError(
      "load completions | drop 1️⃣usr_id", "unknown column 'usr_id'", help: "did you mean 'user_id'?")
  }

  @Test("join keys, sort keys, names and chart series are uses")
  func uses() throws {
    let stored = try Frames.projects.rename([(new: "project_id", old: "id")])
    let environment = Fixtures.environment(frames: ["p": stored])
    #expect(
      bindPlan("load completions | join p on project_id", environment: environment)?.request?
        .groupBy == ["project_id"])
    #expect(bindPlan("load completions | sort model")?.request?.groupBy == ["model"])
    #expect(
      bindPlan("load completions | names")?.request?.groupBy == [
        "project_id", "user_id", "api_key_id",
      ])
    #expect(
      bindPlan("load completions | chart line y=input_tokens by=service_tier")?.request?.groupBy
        == ["service_tier"])
  }
}
