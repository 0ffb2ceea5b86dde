/// JSON string literals, written the one way every part of usq writes them (exports, `read`'s
/// records, the demo server's pages).
///
/// `"` and `\` are escaped; `\n \r \t \b \f` use their short escapes; every other control
/// character (below U+0020) becomes `\u00XX` in lowercase hex; everything else is written as is,
/// in UTF-8.
public enum JSONText {
  /// `text` as a JSON string literal, quotes included.
  ///
  /// ```swift
  /// JSONText.quoted("a\"b\u{08}")   // "\"a\\\"b\\b\""
  /// ```
  public static func quoted(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 2)
    appendQuoted(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `text` as a JSON string literal, quotes included, to `output` (UTF-8 bytes).
  public static func appendQuoted(_ text: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    if !text.utf8.contains(where: needsEscape) {
      output.append(contentsOf: text.utf8)
    } else {
      for byte in text.utf8 { appendEscaped(byte, to: &output) }
    }
    output.append(UInt8(ascii: "\""))
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
    let backslash = UInt8(ascii: "\\")
    switch byte {
    case UInt8(ascii: "\""): output += [backslash, UInt8(ascii: "\"")]
    case backslash: output += [backslash, backslash]
    case UInt8(ascii: "\n"): output += [backslash, UInt8(ascii: "n")]
    case UInt8(ascii: "\r"): output += [backslash, UInt8(ascii: "r")]
    case UInt8(ascii: "\t"): output += [backslash, UInt8(ascii: "t")]
    case 0x08: output += [backslash, UInt8(ascii: "b")]
    case 0x0C: output += [backslash, UInt8(ascii: "f")]
    case 0..<0x20:
      output += Array("\\u00".utf8)
      output += [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
    default: output.append(byte)
    }
  }
}
