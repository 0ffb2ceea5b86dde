import Testing
@testable import USQEngine

@Suite struct USQEnginePlaceholderTests {
  @Test("the module links") func links() { #expect(Bool(true)) }
}
