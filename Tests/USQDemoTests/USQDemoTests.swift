import Testing
@testable import USQDemo

@Suite struct USQDemoPlaceholderTests {
  @Test("the module links") func links() { #expect(Bool(true)) }
}
