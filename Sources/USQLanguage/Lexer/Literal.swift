/// Reads literals from option values and other raw text (`days=30`, `since=-7d`, `bucket=1h`).
///
/// Each function accepts exactly the syntax of the lexer's literal of the same kind and returns
/// `nil` for anything else (surrounding blanks included).
public enum Literal {
  /// An integer: `42`, `1_000_000`, `-3`.
  public static func integer(_ text: String) -> Int64? {
    let (sign, body) = splitSign(text)
    guard case .integer(let value) = scanWhole(body)?.value else { return nil }
    return sign * value
  }

  /// A number: an integer or a float (`2.5`, `1e6`), as a `Double`.
  public static func number(_ text: String) -> Double? {
    let (sign, body) = splitSign(text)
    switch scanWhole(body)?.value {
    case .integer(let value): return Double(sign) * Double(value)
    case .float(let value): return Double(sign) * value
    default: return nil
    }
  }

  /// A percentage: `5%`, `2.5%` (the number before `%`).
  public static func percent(_ text: String) -> Double? {
    guard case .percent(let value) = scanWhole(text)?.value else { return nil }
    return value
  }

  /// A duration: `90m`, `36h`, `7d`, `2w`, `30s`; a leading `-` makes it negative (`-7d`).
  public static func duration(_ text: String) -> DurationLiteral? {
    let (sign, body) = splitSign(text)
    guard case .duration(var literal) = scanWhole(body)?.value else { return nil }
    literal.amount *= sign
    literal.text = text
    return literal
  }

  /// A date or date-time: `2026-11-01`, `2026-11-01T08:00`, `…T08:00:00Z`, `…T08:00+02:00`.
  public static func dateTime(_ text: String) -> DateTimeLiteral? {
    guard case .dateTime(let literal) = scanWhole(text)?.value else { return nil }
    return literal
  }

  /// `true` or `false`.
  public static func bool(_ text: String) -> Bool? {
    switch text {
    case "true": true
    case "false": false
    default: nil
    }
  }

  private static func splitSign(_ text: String) -> (Int64, String) {
    text.hasPrefix("-") ? (-1, String(text.dropFirst())) : (1, text)
  }

  private static func scanWhole(_ text: String) -> LiteralScanner.Scan? {
    let bytes = Array(text.utf8)
    guard let first = bytes.first, Lexer.isDigit(first) else { return nil }
    let scan = LiteralScanner.scan(bytes, from: 0)
    guard scan.problem == nil, scan.end == bytes.count else { return nil }
    return scan
  }
}
