import Testing
import USQVocabulary

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
        QueryFilter("project_ids", ["proj_a", "proj_b"]),
        QueryFilter("models", ["gpt-4o"]),
        QueryFilter("batch", ["true"]),
        QueryFilter("user_ids", ["u1"]),
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
        QueryFilter("models", ["gpt-4o"], isPushedDown: true),
        QueryFilter("project_ids", ["a", "b"], isPushedDown: true),
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
  /// The filter of the generated catalog whose API name is `apiName`.
  private func filter(_ apiName: String, of endpoint: String) -> EndpointFilter? {
    EndpointCatalog.endpoint(named: endpoint)?.filters.first { $0.apiName == apiName }
  }

  @Test("API filter parameters get LANGUAGE.md's option names and the field they filter")
  func names() {
    let expected: [(String, String, String, String)] = [
      ("completions", "project_ids", "project", "project_id"),
      ("completions", "api_key_ids", "key", "api_key_id"),
      ("completions", "models", "model", "model"),
      ("images", "sizes", "size", "size"),
      ("file_search_calls", "vector_store_ids", "vector_store", "vector_store_id"),
      ("web_search_calls", "context_levels", "context_level", "context_level"),
    ]
    for (endpoint, apiName, option, field) in expected {
      #expect(filter(apiName, of: endpoint)?.optionName == option, "\(apiName)")
      #expect(filter(apiName, of: endpoint)?.field == field, "\(apiName)")
    }
    #expect(filter("batch", of: "completions")?.isBoolean == true)
  }
}
