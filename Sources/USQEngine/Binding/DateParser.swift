import USQBasics
import USQFrame

/// Reads ISO 8601 dates and date-times: `2026-11-01`, `2026-11-01T08:00`,
/// `2026-11-01T08:00:00Z`, `2026-11-01T08:00:00.250+02:00` (a blank may replace `T`; no zone
/// means UTC; fractions of a second are dropped).
enum DateParser {
  /// Seconds since the epoch, UTC, or `nil` when `text` is not such a date.
  static func parse(_ text: String) -> Int64? {
    var reader = Reader(bytes: Array(text.utf8))
    guard let year = reader.number(digits: 4), reader.skip("-"),
      let month = reader.number(digits: 2), reader.skip("-"),
      let day = reader.number(digits: 2), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    let days = CivilDate(year: year, month: month, day: day).days
    guard CivilDate(days: days) == CivilDate(year: year, month: month, day: day) else { return nil }
    if reader.isAtEnd { return days * 86_400 }
    guard reader.skip("T") || reader.skip("t") || reader.skip(" "),
      let hour = reader.number(digits: 2), reader.skip(":"),
      let minute = reader.number(digits: 2), hour < 24, minute < 60
    else { return nil }
    var second: Int64 = 0
    if reader.skip(":") {
      guard let value = reader.number(digits: 2), value < 61 else { return nil }
      second = value
      if reader.skip(".") || reader.skip(",") {
        guard reader.digits() > 0 else { return nil }
      }
    }
    guard let offset = reader.zoneOffset(), reader.isAtEnd else { return nil }
    return days * 86_400 + hour * 3_600 + minute * 60 + second - offset
  }

  private struct Reader {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
      guard position < bytes.count, let ascii = character.asciiValue, bytes[position] == ascii
      else { return false }
      position += 1
      return true
    }

    mutating func number(digits count: Int) -> Int64? {
      guard position + count <= bytes.count else { return nil }
      var value: Int64 = 0
      for byte in bytes[position..<position + count] {
        guard (48...57).contains(byte) else { return nil }
        value = value * 10 + Int64(byte - 48)
      }
      position += count
      return value
    }

    mutating func digits() -> Int {
      let start = position
      while position < bytes.count, (48...57).contains(bytes[position]) { position += 1 }
      return position - start
    }

    /// The zone offset in seconds east of UTC (0 for none or `Z`); `nil` when malformed.
    mutating func zoneOffset() -> Int64? {
      if isAtEnd || skip("Z") || skip("z") { return 0 }
      let sign: Int64
      if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
      guard let hours = number(digits: 2), hours < 24 else { return nil }
      _ = skip(":")
      guard let minutes = number(digits: 2), minutes < 60 else { return nil }
      return sign * (hours * 3_600 + minutes * 60)
    }
  }
}
