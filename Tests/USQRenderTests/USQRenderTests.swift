import Testing
@testable import USQRender

@Suite struct USQRenderPlaceholderTests {
  @Test("the module links") func links() { #expect(Bool(true)) }
}
