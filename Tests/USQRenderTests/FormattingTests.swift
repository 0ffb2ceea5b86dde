import Testing
import USQBasics

@testable import USQRender

@Suite struct FormattingTests {
  @Test("display width counts wide characters twice and combining marks not at all")
  func displayWidth() {
    #expect(DisplayWidth.of("gpt-4o") == 6)
    #expect(DisplayWidth.of("データ") == 6)
    #expect(DisplayWidth.of("客服") == 4)
    #expect(DisplayWidth.of("ö") == 1)
    #expect(DisplayWidth.of("o\u{0308}") == 1)
    #expect(DisplayWidth.of("🚀") == 2)
    #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
    #expect(DisplayWidth.of("❤️") == 2)
    #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
    #expect(DisplayWidth.of("한국어") == 6)
    #expect(DisplayWidth.of("…─│█⣿") == 5)
  }

  @Test("truncation cuts by display width and never splits a wide character")
  func truncate() {
    #expect(DisplayWidth.truncate("gpt-4o-mini-2024-07-18", to: 10) == "gpt-4o-mi…")
    #expect(DisplayWidth.truncate("データ分析チーム", to: 6) == "デー…")
    #expect(DisplayWidth.truncate("データ分析チーム", to: 7) == "データ…")
    #expect(DisplayWidth.truncate("short", to: 10) == "short")
    #expect(DisplayWidth.truncate("abc", to: 1) == "…")
    #expect(DisplayWidth.truncate("abcdef", to: 4, ellipsis: "~") == "abc~")
  }

  @Test("numbers get thousands separators and per-column decimals")
  func numbers() {
    #expect(NumberFormatting.grouped(0) == "0")
    #expect(NumberFormatting.grouped(999) == "999")
    #expect(NumberFormatting.grouped(1_000) == "1,000")
    #expect(NumberFormatting.grouped(-1_234_567) == "-1,234,567")
    #expect(NumberFormatting.grouped(999_999_999_999_999) == "999,999,999,999,999")
    #expect(NumberFormatting.grouped(Int64.min) == "-9.223e18")
    #expect(NumberFormatting.fixed(1_234.567, decimals: 2) == "1,234.57")
    #expect(NumberFormatting.fixed(-0.001, decimals: 2) == "0.00")
    #expect(NumberFormatting.fixed(.nan, decimals: 2) == "NaN")
    #expect(NumberFormatting.decimals(for: [1, 2, 3]) == 0)
    #expect(NumberFormatting.decimals(for: [1.5, 2]) == 1)
    #expect(NumberFormatting.decimals(for: [1.234, 2]) == 2)
    #expect(NumberFormatting.decimals(for: [0.0012, 0.5]) == 4)
    #expect(NumberFormatting.compact(1_234_567) == "1.2M")
    #expect(NumberFormatting.compact(35_000_000) == "35M")
    #expect(NumberFormatting.compact(950) == "950")
    #expect(NumberFormatting.compact(0.25) == "0.25")
    #expect(NumberFormatting.compact(2_500) == "2.5K")
  }

  @Test("money: symbol for known currencies, code otherwise")
  func money() {
    #expect(NumberFormatting.money(1_234.5, currency: "usd") == "$1,234.50")
    #expect(NumberFormatting.money(-3.456, currency: "USD") == "-$3.46")
    #expect(NumberFormatting.money(12, currency: "eur") == "€12.00")
    #expect(NumberFormatting.money(12, currency: "chf") == "12.00 CHF")
    #expect(NumberFormatting.money(12, currency: nil) == "12.00")
    #expect(NumberFormatting.money(-0.001, currency: "usd") == "$0.00")
  }

  @Test("times: ISO in UTC, civil dates in any offset")
  func times() {
    #expect(ISODate.format(1_773_792_000) == "2026-03-18T00:00:00Z")
    #expect(ISODate.format(0) == "1970-01-01T00:00:00Z")
    #expect(ISODate.format(-1) == "1969-12-31T23:59:59Z")
    #expect(ISODate.format(951_782_400) == "2000-02-29T00:00:00Z")
    let c = TimeFormatting.civil(1_773_792_000, offset: -3600)
    #expect((c.year, c.month, c.day, c.hour, c.weekday) == (2026, 3, 17, 23, 1))
    #expect(
      TimeFormatting.format(1_773_792_000, zone: .fixed(seconds: 7200), precision: .minute)
        == "2026-03-18 02:00")
  }

  @Test("ANSI escapes are invisible to width and survive cutting")
  func ansi() {
    let text = "\u{1B}[38;5;31m████\u{1B}[0m ok"
    #expect(ANSIText.width(text) == 7)
    #expect(ANSIText.strip(text) == "████ ok")
    #expect(ANSIText.truncate(text, to: 2) == "\u{1B}[38;5;31m██\u{1B}[0m")
    #expect(ANSIText.mergeRuns("\u{1B}[1mA\u{1B}[0m\u{1B}[1mB\u{1B}[0m") == "\u{1B}[1mAB\u{1B}[0m")
  }

  @Test("round axis ticks")
  func ticks() {
    #expect(AxisTicks.niceStep(0.3) == 0.5)
    #expect(AxisTicks.niceStep(7) == 10)
    #expect(AxisTicks.niceStep(180) == 200)
    let range = AxisTicks.range(low: 0, high: 3_900, intervals: 4)
    #expect(range == (0, 4_000, 1_000))
    #expect(AxisTicks.range(low: 0, high: 0, intervals: 4, integral: true).step == 1)
  }
}
