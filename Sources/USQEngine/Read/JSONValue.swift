import USQBasics

/// A parsed JSON value that keeps object keys in order (records' columns follow first sight).
indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number, as written (so integers stay exact).
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)), (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// The value as compact JSON text.
  var text: String {
    switch self {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .number(let raw): raw
    case .string(let string): JSONValue.quoted(string)
    case .array(let items): "[" + items.map(\.text).joined(separator: ",") + "]"
    case .object(let members):
      "{" + members.map { JSONValue.quoted($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
    }
  }

  static func quoted(_ string: String) -> String { JSONText.quoted(string) }
}

// MARK: - Parser

/// A small recursive-descent JSON parser over UTF-8 bytes (depth-limited, never traps).
struct JSONParser {
  private let bytes: [UInt8]
  private var position = 0
  private var depth = 0

  /// A parse failure with the 0-based byte offset.
  struct Failure: Error {
    var offset: Int
    var reason: String
  }

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Parses one JSON document (surrounding whitespace allowed).
  static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
    var parser = JSONParser(bytes)
    let value = try parser.value()
    parser.skipWhitespace()
    guard parser.position == bytes.count else {
      throw parser.failure("unexpected text after the value")
    }
    return value
  }

  private func failure(_ reason: String) -> Failure { Failure(offset: position, reason: reason) }

  private mutating func skipWhitespace() {
    while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) {
      position += 1
    }
  }

  private mutating func value() throws(Failure) -> JSONValue {
    skipWhitespace()
    guard position < bytes.count else { throw failure("unexpected end of JSON") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return try number()
    }
  }

  private mutating func literal(_ word: String, _ value: JSONValue) throws(Failure) -> JSONValue {
    let expected = Array(word.utf8)
    guard position + expected.count <= bytes.count,
      Array(bytes[position..<position + expected.count]) == expected
    else { throw failure("expected '\(word)'") }
    position += expected.count
    return value
  }

  private mutating func number() throws(Failure) -> JSONValue {
    let start = position
    while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
    guard position > start else { throw failure("unexpected character") }
    let raw = String(decoding: bytes[start..<position], as: UTF8.self)
    guard Double(raw) != nil else { throw Failure(offset: start, reason: "bad number '\(raw)'") }
    return .number(raw)
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    (48...57).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
      || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    guard depth < 512 else { throw failure("nested too deeply") }
    position += 1
  }

  private mutating func array() throws(Failure) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    var items: [JSONValue] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .array(items)
    }
    while true {
      items.append(try value())
      skipWhitespace()
      guard position < bytes.count else { throw failure("unterminated array") }
      if bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .array(items)
      }
      guard bytes[position] == UInt8(ascii: ",") else { throw failure("expected ',' or ']'") }
      position += 1
    }
  }

  private mutating func object() throws(Failure) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    var members: [(String, JSONValue)] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw failure("expected a key")
      }
      let key = try string()
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        throw failure("expected ':'")
      }
      position += 1
      members.append((key, try value()))
      skipWhitespace()
      guard position < bytes.count else { throw failure("unterminated object") }
      if bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .object(members)
      }
      guard bytes[position] == UInt8(ascii: ",") else { throw failure("expected ',' or '}'") }
      position += 1
    }
  }

  private mutating func string() throws(Failure) -> String {
    position += 1
    var chunkStart = position
    var result = ""
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        result += String(decoding: bytes[chunkStart..<position], as: UTF8.self)
        position += 1
        return result
      }
      if byte == UInt8(ascii: "\\") {
        result += String(decoding: bytes[chunkStart..<position], as: UTF8.self)
        try escape(into: &result)
        chunkStart = position
        continue
      }
      position += 1
    }
    throw failure("unterminated string")
  }

  private mutating func escape(into result: inout String) throws(Failure) {
    position += 1
    guard position < bytes.count else { throw failure("unterminated escape") }
    let byte = bytes[position]
    position += 1
    switch byte {
    case UInt8(ascii: "n"): result += "\n"
    case UInt8(ascii: "t"): result += "\t"
    case UInt8(ascii: "r"): result += "\r"
    case UInt8(ascii: "b"): result += "\u{8}"
    case UInt8(ascii: "f"): result += "\u{c}"
    case UInt8(ascii: "u"): result.unicodeScalars.append(try unicodeEscape())
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
      result.unicodeScalars.append(Unicode.Scalar(byte))
    default:
      position -= 2
      throw failure(
        "unknown escape '\\\(Unicode.Scalar(byte))' (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"
      )
    }
  }

  /// The scalar of `\uXXXX` (after the `u`), a surrogate pair joined; a lone or reversed
  /// surrogate is an error (RFC 8259 §8.2: such text is not Unicode).
  private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
    let start = position - 2
    let code = try hex4()
    if (0xDC00..<0xE000).contains(code) {
      throw Failure(
        offset: start, reason: "a low surrogate '\\u\(hex(code))' without a high one before it")
    }
    guard (0xD800..<0xDC00).contains(code) else {
      // Not a surrogate, so a valid scalar.
      return Unicode.Scalar(code) ?? "\u{FFFD}"
    }
    guard position + 6 <= bytes.count, bytes[position] == UInt8(ascii: "\\"),
      bytes[position + 1] == UInt8(ascii: "u")
    else {
      throw Failure(
        offset: start, reason: "a high surrogate '\\u\(hex(code))' without a low one after it")
    }
    position += 2
    let low = try hex4()
    guard (0xDC00..<0xE000).contains(low) else {
      throw Failure(
        offset: start,
        reason:
          "a high surrogate '\\u\(hex(code))' followed by '\\u\(hex(low))', not a low surrogate")
    }
    return Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
  }

  private func hex(_ code: UInt32) -> String {
    let digits = String(code, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// Four hex digits (no sign, unlike `UInt32(_:radix:)` alone).
  private mutating func hex4() throws(Failure) -> UInt32 {
    guard position + 4 <= bytes.count,
      bytes[position..<position + 4].allSatisfy({ Self.isHexDigit($0) }),
      let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
    else { throw failure("expected four hex digits after '\\u'") }
    position += 4
    return value
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
  }
}
