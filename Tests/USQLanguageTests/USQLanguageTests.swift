import Testing
@testable import USQLanguage

@Suite struct USQLanguagePlaceholderTests {
  @Test("the module links") func links() { #expect(Bool(true)) }
}
