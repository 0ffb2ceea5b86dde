import Testing
import USQLanguage
import USQTestSupport

@testable import USQEngine

@Suite struct DiagnosticGoldenTests {
  static let cases: [(String, String)] = [
    (
      "unknown-column",
      "load completions days=30 group=model,project_id | sum num_model_request by project_id | top 5"
    ),
    ("group-key", "load costs days=30 group=model"),
    ("type-mismatch", "load completions | where model > 3"),
    ("limit", "load completions bucket=1h limit=500"),
    ("dash", "load completions | derive total = input_tokens-output_tokens"),
    ("ungrouped", "load completions group=project_id | sum input_tokens by model"),
  ]

  @Test("binder diagnostics in the shared layout")
  func golden() {
    for (name, text) in Self.cases {
      let (_, diagnostics) = bind(text)
      let rendered = DiagnosticFormatter().format(diagnostics, in: SourceFile(text))
      assertGolden(rendered, suite: "Diagnostics", named: name)
    }
  }
}
