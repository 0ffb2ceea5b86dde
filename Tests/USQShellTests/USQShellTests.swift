import Testing
@testable import USQShell

@Suite struct USQShellPlaceholderTests {
  @Test("the module links") func links() { #expect(Bool(true)) }
}
