/// Percent-encoding of query strings, by hand.
///
/// Every byte outside the unreserved set (`A–Z a–z 0–9 - . _ ~`) is written as `%XX` (uppercase
/// hex) in names and values, so `+`, `/` and `=` in a page cursor survive (URLComponents on Linux
/// leaves `+` and `/` raw).
public enum QueryEncoding {
  /// `name=value&name=value…` with names and values percent-encoded, in order.
  public static func encode(_ items: [QueryItem]) -> String {
    items.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "&")
  }

  /// `text` with every byte outside the unreserved set percent-encoded.
  public static func escape(_ text: String) -> String {
    var out = [UInt8]()
    out.reserveCapacity(text.utf8.count)
    let hex = Array("0123456789ABCDEF".utf8)
    for byte in text.utf8 {
      if isUnreserved(byte) {
        out.append(byte)
      } else {
        out.append(UInt8(ascii: "%"))
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0x0F)])
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Decodes a query string (`a=1&b=x%2By`) into items; `+` is read as a space, as servers do.
  public static func decode(_ query: String) -> [QueryItem] {
    query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let value = parts.count > 1 ? unescape(String(parts[1])) : ""
      return QueryItem(unescape(String(parts[0])), value)
    }
  }

  /// `text` with `%XX` sequences decoded and `+` read as a space; malformed escapes stay as they are.
  public static func unescape(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var out = [UInt8]()
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
        let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
      {
        out.append(high << 4 | low)
        index += 3
      } else {
        out.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
        index += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
      UInt8(ascii: "_"), UInt8(ascii: "~"):
      true
    default: false
    }
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
