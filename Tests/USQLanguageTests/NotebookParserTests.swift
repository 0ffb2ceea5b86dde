import Testing

@testable import USQLanguage

@Suite("Parser: the notebook of LANGUAGE.md")
struct NotebookParserTests {
  @Test("bar chart of input and output tokens per day")
  func barChart() {
    #expect(
      dump("load completions days=30 | chart bar x=start_time y=input_tokens,output_tokens")
        == "load completions days=30 | chart bar x=start_time y=input_tokens,output_tokens")
  }

  @Test("stacked requests by model and project, continued on a second line")
  func stacked() {
    let text = """
      load completions days=30 group=model,project_id | sum num_model_requests by model, project_id
        | chart stack x=model y=num_model_requests by=project_id
      """
    #expect(
      dump(text)
        == "load completions days=30 group=model,project_id | sum [num_model_requests] by [model, project_id] | chart stack x=model y=num_model_requests by=project_id"
    )
  }

  @Test("pie with other 5%")
  func pie() {
    #expect(
      dump(
        "load completions days=30 group=project_id | sum num_model_requests by project_id | where num_model_requests > 0 | other 5% | chart pie"
      )
        == "load completions days=30 group=project_id | sum [num_model_requests] by [project_id] | where (> num_model_requests 0) | other 5.0% | chart pie"
    )
  }

  @Test("pie of the small projects with a quoted title")
  func pieTitle() {
    #expect(
      dump(
        "load completions days=30 group=project_id | sum num_model_requests by project_id | share num_model_requests | where share < 5 | chart pie title=\"Other, broken down\""
      )
        == "load completions days=30 group=project_id | sum [num_model_requests] by [project_id] | share num_model_requests | where (< share 5) | chart pie title=\"Other, broken down\""
    )
  }

  @Test("costs by line item")
  func costs() {
    #expect(
      dump("load costs days=30 group=line_item | sum amount by line_item | chart bar")
        == "load costs days=30 group=line_item | sum [amount] by [line_item] | chart bar")
  }

  @Test("top 5 projects")
  func top() {
    #expect(
      dump(
        "load completions days=30 group=model,project_id | sum num_model_requests by project_id | top 5"
      )
        == "load completions days=30 group=model,project_id | sum [num_model_requests] by [project_id] | top 5"
    )
  }
}
