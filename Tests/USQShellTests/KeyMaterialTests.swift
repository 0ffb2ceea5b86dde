import Testing

@testable import USQShell

@Suite struct KeyMaterialTests {
  @Test(
    "a project key, an admin key and a quoted key are key material",
    arguments: [
      "set key sk-proj-abcdefghijklmnopqrstuvwx",
      "sk-admin-0123456789abcdefghijKLMN",
      "export OPENAI_ADMIN_KEY=whatever",
      "openai_admin_key=x",
      "load completions key=\"sk-ABCDEFGHIJKLMNOPQRST\"",
      "_sk-ABCDEFGHIJKLMNOPQRST",
    ])
  func detectsKeys(line: String) {
    #expect(KeyMaterial.contains(line))
  }

  @Test(
    "ordinary statements, short sk- words and words merely containing sk- are not",
    arguments: [
      "load completions days=7 | sum input_tokens by model",
      "where project_id = \"risk-assessment-pipeline-2026\"",
      "sk-short",
      "sk-abcdefghijklmnopqrs",  // 19 key characters
      "OPENAI_ADMIN_KEY is read from the environment",
      "",
    ])
  func ignoresOrdinaryLines(line: String) {
    #expect(!KeyMaterial.contains(line))
  }

  @Test("exactly 20 key characters after sk- is enough")
  func boundary() {
    #expect(KeyMaterial.contains("sk-" + String(repeating: "a", count: 20)))
    #expect(!KeyMaterial.contains("sk-" + String(repeating: "a", count: 19) + " b"))
  }
}
