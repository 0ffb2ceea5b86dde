import Foundation
import PropertyBased
import Testing
import USQBasics
import USQRender

/// One JSON string writer for exports, `read`'s records and the demo server's pages.
@Suite struct JSONTextTests {
  @Test(
    "escapes: quotes, backslash, short forms for \\n \\r \\t \\b \\f, \\u00XX for other controls")
  func escapes() {
    #expect(JSONText.quoted("a\"b\\c") == #""a\"b\\c""#)
    #expect(JSONText.quoted("\n\r\t") == #""\n\r\t""#)
    #expect(JSONText.quoted("\u{08}\u{0C}") == #""\b\f""#)
    #expect(JSONText.quoted("\u{01}\u{1F}") == #""\u0001\u001f""#)
    #expect(JSONText.quoted("é日👍\u{7F}") == "\"é日👍\u{7F}\"")
    #expect(JSONText.quoted("") == #""""#)
  }

  @Test("the exporter writes strings with the same escapes")
  func exporterAgrees() {
    #expect(Exporter.jsonString("tab\there\u{08}") == JSONText.quoted("tab\there\u{08}"))
  }

  @Test("any string reads back unchanged through a JSON parser")
  func roundTrip() async {
    let scalars = Gen.int(in: 0...0x2FF).map { Character(Unicode.Scalar(UInt32($0)) ?? "?") }
    let texts = scalars.array(of: 0...40).map { String($0) }
    await propertyCheck(input: texts) { text in
      let data = Data(("[" + JSONText.quoted(text) + "]").utf8)
      let parsed = try? JSONSerialization.jsonObject(with: data) as? [String]
      #expect(parsed == [text])
    }
  }
}
