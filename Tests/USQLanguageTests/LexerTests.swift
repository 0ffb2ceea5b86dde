import Testing

@testable import USQLanguage

@Suite("Lexer: token dumps")
struct LexerTests {
  /// One line per token, as the parser reads them (option values in value mode).
  func tokens(_ text: String) -> String {
    Parser.tokens(SourceFile(text)).map(\.description).joined(separator: "\n")
  }

  /// One line per token in ordinary mode.
  func plain(_ text: String) -> String {
    Lexer.tokenize(SourceFile(text)).0.map(\.description).joined(separator: "\n")
  }

  func values(_ text: String) -> [Token.Value] {
    Lexer.tokenize(SourceFile(text)).0.map(\.value).dropLast()
  }

  @Test("a load with options, a stage and a pipe")
  func load() {
    #expect(
      tokens("load completions days=30 group=model,project_id | top 5") == """
        0..4 ident load
        5..16 ident completions
        17..21 ident days
        21..22 equal =
        22..24 value 30
        25..30 ident group
        30..31 equal =
        31..36 value model
        36..37 comma ,
        37..47 value project_id
        48..49 pipe |
        50..53 ident top
        54..55 integer 5
        55..55 end
        """)
  }

  @Test("words keep dashes, dots and colons")
  func words() {
    #expect(
      plain("gpt-4o-2024-08-06 o1-mini a.b:c _ proj_abc a - b") == """
        0..17 ident gpt-4o-2024-08-06
        18..25 ident o1-mini
        26..31 ident a.b:c
        32..33 ident _
        34..42 ident proj_abc
        43..44 ident a
        45..46 minus -
        47..48 ident b
        48..48 end
        """)
  }

  @Test("numbers, percentages and durations")
  func numbers() {
    #expect(
      plain("42 1_000_000 2.5 1e6 5% 2.5% 90m 36h 7d 2w 30s") == """
        0..2 integer 42
        3..12 integer 1_000_000
        13..16 float 2.5
        17..20 float 1e6
        21..23 percent 5%
        24..28 percent 2.5%
        29..32 duration 90m
        33..36 duration 36h
        37..39 duration 7d
        40..42 duration 2w
        43..46 duration 30s
        46..46 end
        """)
    #expect(
      values("1_000_000 1e6 2.5% 90m")
        == [
          .integer(1_000_000), .float(1_000_000), .percent(2.5),
          .duration(DurationLiteral(amount: 90, unit: .minute, text: "90m")),
        ])
  }

  @Test("dates with and without time and zone")
  func dates() {
    let text = "2026-11-01 2026-11-01T08:00 2026-11-01T08:00:00Z 2026-11-01T08:00+02:00"
    #expect(
      plain(text) == """
        0..10 datetime 2026-11-01
        11..27 datetime 2026-11-01T08:00
        28..48 datetime 2026-11-01T08:00:00Z
        49..71 datetime 2026-11-01T08:00+02:00
        71..71 end
        """)
    let seconds = values(text).map { value -> Int64 in
      guard case .dateTime(let literal) = value else { return -1 }
      return literal.epochSeconds
    }
    #expect(seconds == [1_793_491_200, 1_793_520_000, 1_793_520_000, 1_793_512_800])
  }

  @Test("strings with escapes in both quotes")
  func strings() {
    #expect(
      plain(#""a \"b\" \\ \n" 'it\'s' "x|y # z""#) == #"""
        0..15 string "a \"b\" \\ \n"
        16..23 string 'it\'s'
        24..33 string "x|y # z"
        33..33 end
        """#)
    #expect(values(#""a \"b\" \\ \n" 'it\'s'"#) == [.string("a \"b\" \\ \n"), .string("it's")])
  }

  @Test("every operator")
  func operators() {
    #expect(
      plain("= == != < <= > >= + - * / ~ ( ) , |") == """
        0..1 equal =
        2..4 equalequal ==
        5..7 notequal !=
        8..9 less <
        10..12 lessequal <=
        13..14 greater >
        15..17 greaterequal >=
        18..19 plus +
        20..21 minus -
        22..23 star *
        24..25 slash /
        26..27 tilde ~
        28..29 lparen (
        30..31 rparen )
        32..33 comma ,
        34..35 pipe |
        35..35 end
        """)
  }

  @Test("comments run to the end of the line")
  func comments() {
    #expect(
      plain("load costs # the money\n| top 3") == """
        0..4 ident load
        5..10 ident costs
        23..24 pipe |
        25..28 ident top
        29..30 integer 3
        30..30 end
        """)
  }

  @Test("an option value runs to the next blank and keeps quoted commas")
  func optionValues() {
    #expect(
      tokens(
        #"load completions since=2026-11-01T08:00+02:00 | chart pie title="Other, broken down" width=40"#
      )
        == #"""
        0..4 ident load
        5..16 ident completions
        17..22 ident since
        22..23 equal =
        23..45 value 2026-11-01T08:00+02:00
        46..47 pipe |
        48..53 ident chart
        54..57 ident pie
        58..63 ident title
        63..64 equal =
        64..84 string "Other, broken down"
        85..90 ident width
        90..91 equal =
        91..93 value 40
        93..93 end
        """#)
  }

  @Test("paths are read to the next blank")
  func paths() {
    #expect(
      tokens("read pages/*.json | export out/report.csv format=csv") == """
        0..4 ident read
        5..17 value pages/*.json
        18..19 pipe |
        20..26 ident export
        27..41 value out/report.csv
        42..48 ident format
        48..49 equal =
        49..52 value csv
        52..52 end
        """)
  }

  @Test("problems become invalid tokens and diagnostics, and lexing goes on")
  func problems() {
    let (tokens, diagnostics) = Lexer.tokenize(SourceFile("a ! é€ 3abc 2026-13-01 \"open"))
    #expect(
      tokens.map(\.description) == [
        "0..1 ident a", "2..3 invalid !", "4..9 invalid é€", "10..14 invalid 3abc",
        "15..25 invalid 2026-13-01", "26..31 string \"open", "31..31 end",
      ])
    #expect(
      diagnostics.map(\.id) == [
        "lex.unexpected-character", "lex.unexpected-character", "lex.invalid-number",
        "lex.invalid-date", "lex.unterminated-string",
      ])
    #expect(diagnostics.map(\.message)[1] == "unexpected characters 'é€'")
    #expect(diagnostics.map(\.label)[3] == "month 13 is out of range")
  }

  @Test("a number glued to a dash suggests a subtraction; a word starting with a digit, quotes")
  func numberDash() {
    #expect(Lexer.tokenize(SourceFile("5-3")).1.first?.help == "did you mean `5 - 3`?")
    #expect(Lexer.tokenize(SourceFile("2.5-x")).1.first?.help == "did you mean `2.5 - x`?")
    #expect(
      Lexer.tokenize(SourceFile("4o-mini")).1.first?.help
        == "a word cannot start with a digit; quote it: '\"4o-mini\"'")
    #expect(
      Lexer.tokenize(SourceFile("1.2.3")).1.first?.help
        == "a number is written '42', '1_000', '2.5' or '1e6'")
  }
}
