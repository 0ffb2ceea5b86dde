import Testing
import USQBasics
import USQTestSupport

@testable import USQRender

/// `DisplayWidth.wrap` on generated text: lines fit, nothing is lost, and a word breaks only
/// after a comma of a list written without blanks — or, when a piece is longer than a line, at
/// the edge.
@Suite struct WrapPropertyTests {
  static let words = [
    "the", "stages:", "where", "select", "distinct", "num_model_requests", "データ分析", "(fill",
    "group=project_id,user_id,api_key_id,model,batch", "a,b", "input_cache_write_tokens,",
  ]

  @Test(
    "wrapped lines fit, keep every character, and break words only at commas",
    arguments: [1, 2, 3] as [UInt64])
  func wrap(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<500 {
      let count = Int.random(in: 1...30, using: &generator)
      let text = (0..<count).map { _ in Self.words.randomElement(using: &generator) ?? "" }
        .joined(separator: " ")
      let width = Int.random(in: 12...80, using: &generator)
      let lines = DisplayWidth.wrap(text, to: width)
      let context = "width \(width): \(text)\n\(lines.joined(separator: "\n"))"
      for line in lines { #expect(DisplayWidth.of(line) <= width, "\(context)") }
      let kept = lines.joined().filter { $0 != " " }
      #expect(kept == text.filter { $0 != " " }, "\(context)")
      // Every piece fits a line here (widths of 28 and more), so a line ends at a blank (its
      // last token is a whole word) or after a comma of a list.
      guard width >= 28 else { continue }
      for line in lines.dropLast() {
        let last = line.split(separator: " ").last.map(String.init) ?? ""
        let endsWord = Self.words.contains { $0 == last || $0.hasSuffix("," + last) }
        #expect(line.hasSuffix(",") || endsWord, "broken inside a word: \(context)")
      }
    }
  }
}
