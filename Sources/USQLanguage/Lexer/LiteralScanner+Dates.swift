import USQBasics

extension LiteralScanner {
  /// Scans `YYYY-MM-DD[THH:MM[:SS][Z|±HH:MM]]`, or returns `nil` when the text does not start
  /// like a date (four digits, `-`, a digit).
  static func scanDate(_ bytes: [UInt8], from start: Int) -> Scan? {
    guard start + 5 < bytes.count, (0..<4).allSatisfy({ Lexer.isDigit(bytes[start + $0]) }),
      bytes[start + 4] == UInt8(ascii: "-"), Lexer.isDigit(bytes[start + 5])
    else { return nil }
    var reader = DateReader(bytes: bytes, index: start)
    guard let fields = reader.read() else {
      return invalidDate(
        bytes, from: reader.index, reason: "expected 'YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM]'")
    }
    if reader.index < bytes.count, Lexer.isWordContinuation(bytes[reader.index]) {
      return invalidDate(bytes, from: reader.index, reason: "unexpected text after the date")
    }
    if let reason = fields.problem {
      return invalidDate(bytes, from: reader.index, reason: reason)
    }
    let text = String(decoding: bytes[start..<reader.index], as: UTF8.self)
    let literal = DateTimeLiteral(
      epochSeconds: fields.epochSeconds, hasTime: fields.hasTime,
      zoneOffsetSeconds: fields.zoneOffset, text: text)
    return Scan(kind: .datetime, end: reader.index, value: .dateTime(literal))
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

/// Reads the fields of a date literal; `read()` returns `nil` when the shape is wrong.
private struct DateReader {
  struct Fields {
    var epochSeconds: Int64
    var hasTime: Bool
    var zoneOffset: Int?
    var problem: String?
  }

  let bytes: [UInt8]
  var index: Int

  mutating func read() -> Fields? {
    guard let year = digits(4), expect("-"), let month = digits(2), expect("-"),
      let day = digits(2)
    else { return nil }
    var fields = Fields(epochSeconds: 0, hasTime: false, zoneOffset: nil, problem: nil)
    var hour: Int64 = 0
    var minute: Int64 = 0
    var second: Int64 = 0
    if peek("T") {
      index += 1
      guard let readHour = digits(2), expect(":"), let readMinute = digits(2) else { return nil }
      (hour, minute, fields.hasTime) = (readHour, readMinute, true)
      if peek(":") {
        index += 1
        guard let readSecond = digits(2) else { return nil }
        second = readSecond
      }
      if peek("Z") {
        index += 1
      } else if peek("+") || peek("-") {
        let sign: Int64 = peek("-") ? -1 : 1
        index += 1
        guard let zoneHour = digits(2), expect(":"), let zoneMinute = digits(2) else { return nil }
        if zoneHour > 23 || zoneMinute > 59 { fields.problem = "the zone offset is out of range" }
        fields.zoneOffset = Int(sign * (zoneHour * 3_600 + zoneMinute * 60))
      }
    }
    if month < 1 || month > 12 {
      fields.problem = "month \(month) is out of range"
    } else if day < 1 || day > CivilDate.daysInMonth(year: year, month: month) {
      fields.problem = "day \(day) is out of range for the month"
    } else if hour > 23 || minute > 59 || second > 59 {
      fields.problem = "the time of day is out of range"
    }
    let days = CivilDate(year: year, month: month, day: day).days
    fields.epochSeconds =
      days * 86_400 + hour * 3_600 + minute * 60 + second - Int64(fields.zoneOffset ?? 0)
    return fields
  }

  private func peek(_ character: Unicode.Scalar) -> Bool {
    index < bytes.count && bytes[index] == UInt8(ascii: character)
  }

  private mutating func expect(_ character: Unicode.Scalar) -> Bool {
    guard peek(character) else { return false }
    index += 1
    return true
  }

  private mutating func digits(_ count: Int) -> Int64? {
    guard index + count <= bytes.count else { return nil }
    var value: Int64 = 0
    for offset in 0..<count {
      let byte = bytes[index + offset]
      guard Lexer.isDigit(byte) else { return nil }
      value = value * 10 + Int64(byte - 0x30)
    }
    index += count
    return value
  }
}
