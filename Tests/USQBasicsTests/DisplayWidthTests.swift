import Testing
import USQBasics
import USQLanguage

/// One display width for the whole program: the table renderer, the charts, the diagnostic
/// caret and the completion menu all measure text the same way.
@Suite struct DisplayWidthTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let text: String
    let width: Int
    let why: String
    var testDescription: String { why }
  }

  @Test(
    "widths of the cases the copies disagreed on, and the plain ones",
    arguments: [
      Case(text: "abc", width: 3, why: "ASCII: one column each"),
      Case(text: "日本", width: 4, why: "CJK ideographs: two columns each"),
      Case(text: "한", width: 2, why: "a precomposed Hangul syllable: two columns"),
      Case(
        text: "\u{1112}\u{1161}\u{11AB}", width: 2,
        why:
          "a Hangul syllable of conjoining jamo: the leading consonant is wide, the vowel and final join it"
      ),
      Case(text: "e\u{301}", width: 1, why: "e + combining acute: one column"),
      Case(
        text: "\u{2600}\u{FE0F}", width: 2, why: "sun + emoji presentation selector: two columns"),
      Case(text: "\u{2600}", width: 1, why: "sun as text: one column"),
      Case(text: "👨‍👩‍👧", width: 2, why: "a ZWJ family emoji: one glyph of two columns"),
      Case(text: "a\u{200B}b", width: 2, why: "zero-width space: no column"),
      Case(text: "a\u{7}b", width: 2, why: "a control character: no column"),
      Case(text: "ＡＢ", width: 4, why: "fullwidth Latin: two columns each"),
    ])
  func widths(_ example: Case) {
    #expect(DisplayWidth.of(example.text) == example.width)
  }

  @Test("the diagnostic caret column counts display columns with the same rule")
  func caretColumn() {
    // Conjoining jamo used to count 3 columns for the caret and 2 in tables.
    let source = SourceFile("x \u{1112}\u{1161}\u{11AB} y")
    let offset = source.text.utf8.count - 1  // the 'y'
    #expect(source.location(of: offset).column == 6)
  }

  @Test("truncate and pad keep wide characters whole")
  func truncateAndPad() {
    #expect(DisplayWidth.truncate("日本語", to: 5) == "日本…")
    #expect(DisplayWidth.truncate("日本語", to: 4, ellipsis: "") == "日本")
    #expect(DisplayWidth.pad("日", to: 4) == "日  ")
    #expect(DisplayWidth.pad("日", to: 4, right: true) == "  日")
  }
}
