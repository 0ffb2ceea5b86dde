import USQBasics

extension LiteralScanner {
  /// Scans a date literal (`ISODate`'s grammar: `YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM]`), or returns
  /// `nil` when the text does not start like a date (four digits, `-`, a digit).
  static func scanDate(_ bytes: [UInt8], from start: Int) -> Scan? {
    guard start + 5 < bytes.count, (0..<4).allSatisfy({ Lexer.isDigit(bytes[start + $0]) }),
      bytes[start + 4] == UInt8(ascii: "-"), Lexer.isDigit(bytes[start + 5])
    else { return nil }
    // A blank ends the token, so `ISODate`'s blank-for-`T` never applies inside a statement.
    let tokenEnd = bytes[start...].firstIndex(of: UInt8(ascii: " ")) ?? bytes.count
    let scan = ISODate.scan(bytes, from: start, upTo: tokenEnd)
    switch (scan.outcome, isWordContinuation(bytes, at: scan.end)) {
    case (.malformed, _):
      return invalidDate(
        bytes, from: scan.end, reason: "expected 'YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM]'")
    case (_, true):
      return invalidDate(bytes, from: scan.end, reason: "unexpected text after the date")
    case (.outOfRange(let reason), false):
      return invalidDate(bytes, from: scan.end, reason: reason)
    case (.instant(let instant), false):
      let text = String(decoding: bytes[start..<scan.end], as: UTF8.self)
      let literal = DateTimeLiteral(
        epochSeconds: instant.epochSeconds, hasTime: instant.hasTime,
        zoneOffsetSeconds: instant.zoneOffsetSeconds, text: text)
      return Scan(kind: .datetime, end: scan.end, value: .dateTime(literal))
    }
  }

  private static func isWordContinuation(_ bytes: [UInt8], at index: Int) -> Bool {
    index < bytes.count && Lexer.isWordContinuation(bytes[index])
  }

  private static func invalidDate(_ bytes: [UInt8], from index: Int, reason: String) -> Scan {
    var end = index
    while end < bytes.count, Lexer.isWordContinuation(bytes[end]) || bytes[end] == UInt8(ascii: "+")
    {
      end += 1
    }
    return Scan(kind: .invalid, end: end, value: .none, problem: .invalidDate(reason))
  }
}
