import Foundation
import PropertyBased
import Testing
import USQBasics
import USQLanguage

/// One ISO 8601 reader and writer for the lexer, `read`'s cells, `since=`/`until=` and `USQ_NOW`.
@Suite struct ISODateTests {
  /// Texts in the grammar and their instants (seconds since the epoch, UTC).
  static let accepted: [(String, Int64)] = [
    ("2026-11-01", 1_793_491_200),
    ("2026-11-01T08:00", 1_793_520_000),
    ("2026-11-01T08:00:00Z", 1_793_520_000),
    ("2026-11-01T08:00:00+02:00", 1_793_512_800),
    ("2026-11-01T08:00-05:30", 1_793_539_800),
    ("2026-11-01t08:00:00z", 1_793_520_000),
    ("2026-11-01T08:00:00+0200", 1_793_512_800),  // the compact offset some tools write
    ("2026-11-01T08:00:00.999Z", 1_793_520_000),  // fractions dropped, toward the past
    ("2026-11-01T08:00:00,5+02:00", 1_793_512_800),
    ("2026-11-01 08:00:00", 1_793_520_000),  // CSV from other tools; never inside a statement
    ("2024-02-29", 1_709_164_800),
    ("1969-12-31T23:59:59Z", -1),
    ("0000-01-01", -62_167_219_200),
  ]

  /// Texts with the right shape but a field out of range, and the reason given (the lexer's).
  static let outOfRange: [(String, String)] = [
    ("2026-13-01", "month 13 is out of range"),
    ("2026-00-10", "month 0 is out of range"),
    ("2026-02-29", "day 29 is out of range: 2026-02 has 28 days"),
    ("2026-11-31T08:00", "day 31 is out of range: 2026-11 has 30 days"),
    ("2026-11-01T24:00", "hour 24 is out of range"),
    ("2026-11-01T08:60", "minute 60 is out of range"),
    ("2026-12-31T23:59:60Z", "second 60 is out of range (leap seconds are not supported)"),
    ("2026-11-01T08:00+24:00", "the zone offset +24:00 is out of range"),
    ("2026-11-01T08:00-02:75", "the zone offset -02:75 is out of range"),
  ]

  /// Texts that are not dates at all.
  static let malformed = [
    "2026-11-1", "2026-11-01T8:00", "2026-11-01T08", "2026-11-01T", "2026-11-01T08:00:00.Z",
    "2026-11-01T08:00+02", "2026-11-01 ", "2026-11-01x", "26-11-01", "2026/11/01", "",
    "2026-11-01T08:00:00Z ",
  ]

  @Test("accepted texts and their instants", arguments: accepted)
  func accepts(text: String, seconds: Int64) {
    #expect(ISODate.parse(text) == seconds)
  }

  @Test("out-of-range fields are named, and the text is not a date", arguments: outOfRange)
  func namesTheField(text: String, reason: String) {
    let scan = ISODate.scan(Array(text.utf8), from: 0)
    #expect(scan.outcome == .outOfRange(reason: reason))
    #expect(scan.end == text.utf8.count)
    #expect(ISODate.parse(text) == nil)
  }

  @Test("malformed texts are not dates", arguments: malformed)
  func rejects(text: String) {
    #expect(ISODate.parse(text) == nil)
  }

  @Test("the lexer's date literals read the same grammar, except the blank that ends a token")
  func lexerAgrees() {
    for (text, seconds) in Self.accepted {
      let literal = Literal.dateTime(text)
      #expect(literal?.epochSeconds == (text.contains(" ") ? nil : seconds), "\(text)")
    }
    #expect(Literal.dateTime("2026-11-01T08:00+02:00")?.zoneOffsetSeconds == 7_200)
    #expect(Literal.dateTime("2026-11-01T08:00Z")?.zoneOffsetSeconds == nil)
    #expect(Literal.dateTime("2026-11-01")?.hasTime == false)
    for (text, _) in Self.outOfRange { #expect(Literal.dateTime(text) == nil, "\(text)") }
  }

  @Test("a date stops where the caller's limit says, and `scan` reads from an offset")
  func limits() {
    let bytes = Array("since=2026-11-01 08:00".utf8)
    let whole = ISODate.scan(bytes, from: 6)
    #expect(whole.end == bytes.count)
    let token = ISODate.scan(bytes, from: 6, upTo: 16)
    #expect(token.end == 16)
    guard case .instant(let instant) = token.outcome else {
      Issue.record("\(token.outcome)")
      return
    }
    #expect((instant.epochSeconds, instant.hasTime) == (1_793_491_200, false))
  }

  @Test("formatting: ISO in UTC, seconds always shown")
  func formats() {
    #expect(ISODate.format(1_795_478_400) == "2026-11-24T00:00:00Z")
    #expect(ISODate.format(0) == "1970-01-01T00:00:00Z")
    #expect(ISODate.format(-1) == "1969-12-31T23:59:59Z")
    #expect(ISODate.format(951_782_400) == "2000-02-29T00:00:00Z")
    #expect(ISODate.format(1_793_520_061) == "2026-11-01T08:01:01Z")
    #expect(ISODate.format(.max).hasSuffix("T15:30:07Z"))
    #expect(ISODate.format(.min).hasSuffix("T08:29:52Z"))
  }

  @Test("format then parse gives the instant back, years 0000…9999")
  func roundTrip() async {
    let instants = Gen.int64(in: -62_167_219_200...253_402_300_799)
    await propertyCheck(input: instants) { seconds in
      let text = ISODate.format(seconds)
      #expect(ISODate.parse(text) == seconds, "\(text)")
      #expect(Literal.dateTime(text)?.epochSeconds == seconds, "\(text)")
    }
  }

  @Test("format agrees with Foundation's ISO 8601 formatter, 1900…2200")
  func agreesWithFoundation() async {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    let instants = Gen.int64(in: -2_208_988_800...7_258_118_399)
    await propertyCheck(input: instants) { seconds in
      let date = Date(timeIntervalSince1970: TimeInterval(seconds))
      #expect(ISODate.format(seconds) == formatter.string(from: date))
    }
  }

  @Test("generated fields read as Foundation's calendar says, and not at all when out of range")
  func parseAgreesWithFoundation() async {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    await propertyCheck(
      input: Gen.int(in: 1900...2200), Gen.int(in: 0...13), Gen.int(in: 0...32),
      Gen.int(in: 0...24), Gen.int(in: 0...60), Gen.int(in: 0...60), Gen.int(in: -1_500...1_500),
      Gen.int(in: 0...3)
    ) { year, month, day, hour, minute, second, offset, style in
      let date = "\(year)-\(two(month))-\(two(day))"
      let zone = (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
      let (text, fields, zoneSeconds) =
        switch style {
        case 0: (date, (0, 0, 0), 0)
        case 1: ("\(date)T\(two(hour)):\(two(minute))", (hour, minute, 0), 0)
        case 2: ("\(date) \(two(hour)):\(two(minute)):\(two(second))Z", (hour, minute, second), 0)
        default:
          (
            "\(date)T\(two(hour)):\(two(minute)):\(two(second)).25\(zone)", (hour, minute, second),
            offset * 60
          )
        }
      let components = DateComponents(
        year: year, month: month, day: day, hour: fields.0, minute: fields.1, second: fields.2)
      // Foundation normalizes (hour 24 is the next day): valid fields are those that come back.
      let instant = calendar.date(from: components)
      let back = instant.map {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: $0)
        return [c.year, c.month, c.day, c.hour, c.minute, c.second]
      }
      let written = [year, month, day, fields.0, fields.1, fields.2]
      let valid = back == written && (style < 3 || abs(offset) / 60 < 24)
      let expected = instant.map { Int64($0.timeIntervalSince1970) - Int64(zoneSeconds) }
      #expect(ISODate.parse(text) == (valid ? expected : nil), "\(text)")
    }
  }
}
