/// ISO 8601 dates and date-times as seconds since the epoch, read and written in one place: the
/// lexer's date literals, `read`'s timestamp cells, strings compared with times, `since=`/`until=`
/// values and `USQ_NOW` all read with `scan`/`parse`; `explain`, exports and pivoted column names
/// write with `format`.
///
/// The grammar: `YYYY-MM-DD[(T|t| )HH:MM[:SS[(.|,)digits]][Z|z|±HH:MM|±HHMM]]`. No zone means UTC.
/// A blank may replace `T` because other tools write CSV timestamps that way (a statement never
/// sees it: a blank ends the lexer's token). Fractions of a second are dropped, toward the past.
/// Second 60 (a leap second) is out of range: seconds since the epoch have no place for it.
public enum ISODate {
  /// A date read from text.
  public struct Instant: Sendable, Hashable {
    /// Seconds since the epoch, UTC, with the written zone offset applied.
    public var epochSeconds: Int64
    /// Whether a time of day was written (`false` for a plain date).
    public var hasTime: Bool
    /// The zone offset written, in seconds east of UTC (`nil` when none or `Z` was written).
    public var zoneOffsetSeconds: Int?
  }

  /// What `scan` found.
  public enum Outcome: Sendable, Hashable {
    case instant(Instant)
    /// The text does not have the grammar's shape; reading stopped at `Scan.end`.
    case malformed
    /// The shape is right but a field is not (`month 13 is out of range`).
    case outOfRange(reason: String)
  }

  /// `scan`'s outcome and where reading stopped (after the date when it has the right shape).
  public struct Scan: Sendable, Hashable {
    public var outcome: Outcome
    public var end: Int
  }

  /// Reads the longest date starting at `start` in `bytes[..<limit]` (all of `bytes` when `limit`
  /// is nil); text after it is the caller's to judge.
  public static func scan(_ bytes: [UInt8], from start: Int, upTo limit: Int? = nil) -> Scan {
    var reader = Reader(bytes: bytes, index: start, limit: min(limit ?? bytes.count, bytes.count))
    guard let fields = reader.read() else { return Scan(outcome: .malformed, end: reader.index) }
    if let reason = fields.problem {
      return Scan(outcome: .outOfRange(reason: reason), end: reader.index)
    }
    return Scan(outcome: .instant(fields.instant), end: reader.index)
  }

  /// Seconds since the epoch when all of `text` is a date in the grammar, else `nil`.
  public static func parse(_ text: String) -> Int64? {
    let bytes = Array(text.utf8)
    let scan = scan(bytes, from: 0)
    guard scan.end == bytes.count, case .instant(let instant) = scan.outcome else { return nil }
    return instant.epochSeconds
  }

  /// `2026-11-24T00:00:00Z` for seconds since the epoch (years outside 0…9999 keep their sign
  /// and digits; any Int64 formats without trapping).
  public static func format(_ seconds: Int64) -> String {
    // Remainder first: `days * 86_400` would overflow at the ends of the Int64 range.
    let remainder = seconds % 86_400
    let rest = remainder < 0 ? remainder + 86_400 : remainder
    let days = seconds / 86_400 - (remainder < 0 ? 1 : 0)
    return "\(CivilDate(days: days).isoString)T\(two(rest / 3_600)):\(two(rest / 60 % 60)):"
      + "\(two(rest % 60))Z"
  }

  /// `value` (0…99) in two digits.
  private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }

  /// Reads the fields; `read()` returns `nil` when the shape is wrong.
  private struct Reader {
    struct Fields {
      var instant = Instant(epochSeconds: 0, hasTime: false, zoneOffsetSeconds: nil)
      var problem: String?
    }

    let bytes: [UInt8]
    var index: Int
    let limit: Int

    mutating func read() -> Fields? {
      guard let year = digits(4), skip("-"), let month = digits(2), skip("-"), let day = digits(2)
      else { return nil }
      var fields = Fields()
      var (hour, minute, second, offset): (Int64, Int64, Int64, Int64) = (0, 0, 0, 0)
      if skip("T") || skip("t") || skip(" ") {
        guard let readHour = digits(2), skip(":"), let readMinute = digits(2) else { return nil }
        (hour, minute, fields.instant.hasTime) = (readHour, readMinute, true)
        if skip(":") {
          guard let readSecond = digits(2) else { return nil }
          second = readSecond
          if skip(".") || skip(",") {
            guard digitRun() > 0 else { return nil }
          }
        }
        if skip("Z") || skip("z") {
        } else if peek("+") || peek("-") {
          let sign: Int64 = peek("-") ? -1 : 1
          index += 1
          guard let zoneHour = digits(2) else { return nil }
          _ = skip(":")
          guard let zoneMinute = digits(2) else { return nil }
          offset = sign * (zoneHour * 3_600 + zoneMinute * 60)
          fields.instant.zoneOffsetSeconds = Int(offset)
          if zoneHour > 23 || zoneMinute > 59 {
            fields.problem =
              "the zone offset \(zoneText(sign, zoneHour, zoneMinute)) is out of range"
          }
        }
      }
      if month < 1 || month > 12 {
        fields.problem = "month \(month) is out of range"
      } else if day < 1 || day > CivilDate.daysInMonth(year: year, month: month) {
        let monthText = CivilDate(year: year, month: month, day: 1).isoString.dropLast(3)
        let length = CivilDate.daysInMonth(year: year, month: month)
        fields.problem = "day \(day) is out of range: \(monthText) has \(length) days"
      } else if hour > 23 {
        fields.problem = "hour \(hour) is out of range"
      } else if minute > 59 {
        fields.problem = "minute \(minute) is out of range"
      } else if second > 59 {
        fields.problem = "second \(second) is out of range (leap seconds are not supported)"
      }
      let days = CivilDate(year: year, month: month, day: day).days
      fields.instant.epochSeconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
      return fields
    }

    private func zoneText(_ sign: Int64, _ hours: Int64, _ minutes: Int64) -> String {
      return (sign < 0 ? "-" : "+") + ISODate.two(hours) + ":" + ISODate.two(minutes)
    }

    private func peek(_ character: Unicode.Scalar) -> Bool {
      index < limit && bytes[index] == UInt8(ascii: character)
    }

    private mutating func skip(_ character: Unicode.Scalar) -> Bool {
      guard peek(character) else { return false }
      index += 1
      return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Exactly `count` digits as a number, or `nil` (and nothing consumed).
    private mutating func digits(_ count: Int) -> Int64? {
      guard index + count <= limit else { return nil }
      var value: Int64 = 0
      for byte in bytes[index..<index + count] {
        guard Self.isDigit(byte) else { return nil }
        value = value * 10 + Int64(byte - 0x30)
      }
      index += count
      return value
    }

    /// Skips a run of digits and returns its length.
    private mutating func digitRun() -> Int {
      let start = index
      while index < limit, Self.isDigit(bytes[index]) { index += 1 }
      return index - start
    }
  }
}
