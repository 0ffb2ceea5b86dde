import Foundation
import Testing

@testable import USQDemo

@Suite struct DemoJSONTests {
  @Test("JSON text escapes quotes, backslashes and control characters and keeps UTF-8")
  func escaping() {
    let value = DemoJSON.object([
      ("name", .string("東京 \"Support\"\\\n\t\u{1}")), ("n", .int(-42)), ("ok", .bool(true)),
      ("none", .null), ("amount", .number("0.0601875")), ("list", .array([.int(0), .string("ä")])),
    ])
    #expect(
      value.text
        == #"{"name":"東京 \"Support\"\\\n\t\u0001","n":-42,"ok":true,"none":null,"amount":0.0601875,"list":[0,"ä"]}"#
    )
  }

  @Test("money and quantities are exact decimals")
  func decimals() {
    #expect(DemoDecimal.dollars(picos: 60_187_500_000) == "0.0601875")
    #expect(DemoDecimal.dollars(picos: 12_000_000_000_000) == "12.0")
    #expect(DemoDecimal.dollars(picos: 1) == "0.000000000001")
    #expect(DemoDecimal.quantity(401_250) == "401250")
    #expect(DemoDecimal.quantity(2.5) == "2.5")
  }

  @Test("a cursor round-trips, contains + / =, and a tampered one is refused")
  func cursor() {
    let cursor = DemoCursor.encode(position: 1_763_510_400, seed: 1)
    #expect(cursor.hasPrefix("page_+/+/"))
    #expect(cursor.hasSuffix("=="))
    #expect(DemoCursor.decode(cursor, seed: 1) == 1_763_510_400)
    #expect(DemoCursor.decode(cursor, seed: 2) == nil)
    #expect(DemoCursor.decode(cursor.replacingOccurrences(of: "+", with: " "), seed: 1) == nil)
  }
}
