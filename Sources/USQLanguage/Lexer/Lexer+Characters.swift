extension Lexer {
  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  /// `[A-Za-z_]`.
  static func isWordStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == UInt8(ascii: "_") }

  /// `[A-Za-z0-9_.:-]`.
  static func isWordContinuation(_ byte: UInt8) -> Bool {
    isWordStart(byte) || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
      || byte == UInt8(ascii: "-")
  }

  /// A space or a tab (line breaks are handled apart, since they end option values).
  static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// Whether some ordinary token (or trivia) can start with `byte`.
  static func startsToken(_ byte: UInt8) -> Bool {
    if isWordStart(byte) || isDigit(byte) || isBlank(byte) { return true }
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "|"), UInt8(ascii: ","),
      UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"),
      UInt8(ascii: "!"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"),
      UInt8(ascii: "~"), UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
      return true
    default:
      return false
    }
  }

  /// The length of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
  static func scalarLength(_ byte: UInt8) -> Int {
    switch byte {
    case 0xF0...0xF7: 4
    case 0xE0...0xEF: 3
    case 0xC0...0xDF: 2
    default: 1
    }
  }
}
