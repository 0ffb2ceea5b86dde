import Testing
@testable import USQOpenAI

@Suite struct USQOpenAIPlaceholderTests {
  @Test("the module links") func links() { #expect(Bool(true)) }
}
