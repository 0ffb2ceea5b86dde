/// Scans number, percentage, duration and date literals from UTF-8 bytes.
///
/// Shared by the lexer and by `Literal`, which reads option values (`days=30`, `since=-7d`).
enum LiteralScanner {
  /// The outcome of scanning a literal that starts with a digit.
  struct Scan {
    var kind: Token.Kind
    var end: Int
    var value: Token.Value
    /// Why the text is not a valid literal (then `kind` is `.invalid`).
    var problem: Problem?
  }

  enum Problem: Equatable {
    case malformedNumber
    case tooLarge
    case invalidDate(String)
  }

  static func scan(_ bytes: [UInt8], from start: Int) -> Scan {
    if let date = scanDate(bytes, from: start) { return date }
    var index = start
    var isFloat = false
    skipDigits(bytes, &index)
    if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), Lexer.isDigit(bytes[index + 1]) {
      isFloat = true
      index += 1
      skipDigits(bytes, &index)
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      var exponent = index + 1
      if exponent < bytes.count,
        bytes[exponent] == UInt8(ascii: "+") || bytes[exponent] == UInt8(ascii: "-")
      {
        exponent += 1
      }
      if exponent < bytes.count, Lexer.isDigit(bytes[exponent]) {
        isFloat = true
        index = exponent
        skipDigits(bytes, &index)
      }
    }
    let digits = String(decoding: bytes[start..<index], as: UTF8.self).filter { $0 != "_" }
    return suffix(bytes, start: start, numberEnd: index, digits: digits, isFloat: isFloat)
  }

  private static func suffix(
    _ bytes: [UInt8], start: Int, numberEnd: Int, digits: String, isFloat: Bool
  ) -> Scan {
    let next = numberEnd < bytes.count ? bytes[numberEnd] : 0
    let afterNext = numberEnd + 1 < bytes.count ? bytes[numberEnd + 1] : 0
    if next == UInt8(ascii: "%") {
      guard let value = Double(digits) else { return malformed(bytes, from: numberEnd + 1) }
      return Scan(kind: .percent, end: numberEnd + 1, value: .percent(value))
    }
    if !isFloat, let unit = DurationUnit(rawValue: String(UnicodeScalar(next))),
      !Lexer.isWordContinuation(afterNext)
    {
      guard let amount = Int64(digits) else {
        return Scan(kind: .invalid, end: numberEnd + 1, value: .none, problem: .tooLarge)
      }
      let text = String(decoding: bytes[start...numberEnd], as: UTF8.self)
      let literal = DurationLiteral(amount: amount, unit: unit, text: text)
      return Scan(kind: .duration, end: numberEnd + 1, value: .duration(literal))
    }
    if Lexer.isWordContinuation(next) { return malformed(bytes, from: numberEnd) }
    if isFloat {
      guard let value = Double(digits), value.isFinite else {
        return Scan(kind: .invalid, end: numberEnd, value: .none, problem: .tooLarge)
      }
      return Scan(kind: .float, end: numberEnd, value: .float(value))
    }
    guard let value = Int64(digits) else {
      let isDigitsOnly = digits.utf8.allSatisfy(Lexer.isDigit)
      return Scan(
        kind: .invalid, end: numberEnd, value: .none,
        problem: isDigitsOnly ? .tooLarge : .malformedNumber)
    }
    return Scan(kind: .integer, end: numberEnd, value: .integer(value))
  }

  /// Consumes the rest of a word-like run after a number that went wrong.
  private static func malformed(_ bytes: [UInt8], from index: Int) -> Scan {
    var end = index
    while end < bytes.count, Lexer.isWordContinuation(bytes[end]) || bytes[end] == UInt8(ascii: "%")
    {
      end += 1
    }
    return Scan(kind: .invalid, end: end, value: .none, problem: .malformedNumber)
  }

  /// Digits and underscores (an underscore only between digits is meaningful; others stay and
  /// make the number malformed).
  private static func skipDigits(_ bytes: [UInt8], _ index: inout Int) {
    while index < bytes.count, Lexer.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") {
      index += 1
    }
  }
}
