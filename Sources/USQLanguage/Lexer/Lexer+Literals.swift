extension Lexer {
  /// A number, percentage, duration or date; a malformed one becomes `.invalid` with a diagnostic.
  mutating func number(from start: Int) -> Token {
    let scan = LiteralScanner.scan(bytes, from: start)
    offset = max(scan.end, start + 1)
    let result = token(scan.kind, from: start, value: scan.value)
    switch scan.problem {
    case nil: break
    case .malformedNumber:
      diagnostics.append(LanguageMessages.invalidNumber(result.text, at: result.span))
    case .tooLarge:
      diagnostics.append(LanguageMessages.numberTooLarge(result.text, at: result.span))
    case .invalidDate(let reason):
      diagnostics.append(LanguageMessages.invalidDate(result.text, reason: reason, at: result.span))
    }
    return result
  }

  /// A quoted string with `\"`, `\'`, `\\`, `\n`, `\t` escapes; it ends at the matching quote.
  ///
  /// An unterminated string runs to the end of the line and is reported.
  mutating func string(from start: Int) -> Token {
    let quote = bytes[start]
    offset = start + 1
    var decoded: [UInt8] = []
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == quote {
        offset += 1
        return token(.string, from: start, value: .string(String(decoding: decoded, as: UTF8.self)))
      }
      if byte == UInt8(ascii: "\n") { break }
      if byte == UInt8(ascii: "\\"), offset + 1 < bytes.count {
        decoded.append(contentsOf: escape(at: offset))
        offset += 1 + Lexer.scalarLength(bytes[offset + 1])
        continue
      }
      decoded.append(byte)
      offset += 1
    }
    let result = token(
      .string, from: start, value: .string(String(decoding: decoded, as: UTF8.self)))
    diagnostics.append(LanguageMessages.unterminatedString(at: result.span))
    return result
  }

  /// The bytes an escape sequence at `index` (the backslash) stands for; reports unknown ones.
  private mutating func escape(at index: Int) -> [UInt8] {
    let escaped = bytes[index + 1]
    switch escaped {
    case UInt8(ascii: "n"): return [UInt8(ascii: "\n")]
    case UInt8(ascii: "t"): return [UInt8(ascii: "\t")]
    case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): return [escaped]
    default:
      let length = Lexer.scalarLength(escaped)
      let end = min(index + 1 + length, bytes.count)
      let span = Span(start: index, end: end)
      diagnostics.append(LanguageMessages.invalidEscape(source.text(of: span), at: span))
      return Array(bytes[(index + 1)..<end])
    }
  }
}
