import Testing

@testable import USQEngine

/// `group_by` is sent, shown by `explain` and keyed in the cache in the order written
/// (issue 16: `group=model,project_id` went out as `group_by=project_id&group_by=model`).
@Suite struct GroupKeyOrderTests {
  @Test("group= keeps the order written, both ways round")
  func explicit() throws {
    #expect(
      bindPlan("load completions group=model,project_id")?.request?.groupBy == [
        "model", "project_id",
      ])
    #expect(
      bindPlan("load completions group=project_id,model")?.request?.groupBy == [
        "project_id", "model",
      ])
  }

  @Test("without group=, the keys follow the order the stages first name them")
  func implicit() throws {
    #expect(
      bindPlan("load completions | sum input_tokens by model, project_id")?.request?.groupBy == [
        "model", "project_id",
      ])
    #expect(
      bindPlan("load completions | where project_id = p1 | sum input_tokens by model")?.request?
        .groupBy == ["project_id", "model"])
  }
}
