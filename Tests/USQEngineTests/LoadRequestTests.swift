import Testing

@testable import USQEngine

@Suite struct LoadRequestTests {
  @Test("dimensions used by later stages become the implicit group_by, in the endpoint's order")
  func implicitGroup() throws {
    #expect(bindPlan("load completions | sum input_tokens by model")?.request?.groupBy == ["model"])
    #expect(
      bindPlan("load completions | where project_id = proj_a | sum input_tokens by model")?.request?.groupBy
        == ["project_id", "model"])
    #expect(bindPlan("load completions | sum input_tokens")?.request?.groupBy == [])
    #expect(
      bindPlan("load completions | chart stack x=start_time y=input_tokens by=model")?.request?.groupBy == ["model"])
    #expect(bindPlan("load completions | rename m = model | sum input_tokens by m")?.request?.groupBy == ["model"])
    #expect(
      bindPlan("load completions | sum input_tokens by project_id | names")?.request?.groupBy == ["project_id"])
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
      bindPlan("load completions project=proj_a,proj_b model=gpt-4o batch=true user_ids=u1")?.request)
    #expect(request.filters == [
      RequestFilter(parameter: "project_ids", values: ["proj_a", "proj_b"]),
      RequestFilter(parameter: "models", values: ["gpt-4o"]),
      RequestFilter(parameter: "batch", values: ["true"]),
      RequestFilter(parameter: "user_ids", values: ["u1"]),
    ])
    let images = try #require(bindPlan("load images source=image.generation size=1024x1024")?.request)
    #expect(images.filter("sources") == ["image.generation"])
    #expect(images.filter("sizes") == ["1024x1024"])
  }

  @Test("a leading where on grouped dimensions is also sent as filters")
  func pushDown() throws {
    let plan = try #require(bindPlan("load completions | where model = gpt-4o and project_id in (a, b) | sum input_tokens by model"))
    #expect(plan.request?.filters == [
      RequestFilter(parameter: "models", values: ["gpt-4o"], isPushedDown: true),
      RequestFilter(parameter: "project_ids", values: ["a", "b"], isPushedDown: true),
    ])
    #expect(plan.stages.count == 2)
    let notPushed = try #require(bindPlan("load completions | where model = gpt-4o or model = o1"))
    #expect(notPushed.request?.filters == [])
    let ungrouped = try #require(bindPlan("load completions group=project_id | where model = gpt-4o"))
    #expect(ungrouped.request?.filters == [])
  }
}
