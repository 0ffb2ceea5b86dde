/// Calendar arithmetic on seconds since the epoch, UTC: floor division that rounds toward −∞
/// (times before 1970 are negative) and proleptic Gregorian dates. The frame kernels, the
/// lexer's date literals, the binder's windows, the renderer's axes and the demo organization
/// all use these; `ISODate` reads and writes their ISO 8601 text.

/// `value` ÷ `divisor` rounded toward −∞ (`divisor` ≠ 0).
@inlinable public func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
  let quotient = value / divisor
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
}

/// `value` modulo `divisor`, with the sign of `divisor` (0 ≤ result < divisor for divisor > 0).
@inlinable public func floorModulo(_ value: Int64, _ divisor: Int64) -> Int64 {
  value - floorDivide(value, divisor) * divisor
}

/// `value` rounded down to a multiple of `width` (> 0); wraps instead of trapping at the very
/// bottom of the Int64 range (no real timestamp is there).
@inlinable public func floorMultiple(_ value: Int64, _ width: Int64) -> Int64 {
  floorDivide(value, width) &* width
}

/// A proleptic Gregorian date (UTC), converted to and from days since 1970-01-01
/// (Howard Hinnant's `days_from_civil` / `civil_from_days`).
public struct CivilDate: Sendable, Hashable {
  public var year: Int64
  /// 1…12.
  public var month: Int64
  /// 1…31.
  public var day: Int64

  @inlinable
  public init(year: Int64, month: Int64, day: Int64) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date `days` days after 1970-01-01.
  @inlinable
  public init(days: Int64) {
    let shifted = days + 719_468
    let era = floorDivide(shifted, 146_097)
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthPart = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthPart + 2) / 5 + 1
    month = monthPart < 10 ? monthPart + 3 : monthPart - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Days since 1970-01-01.
  @inlinable
  public var days: Int64 {
    let adjustedYear = month <= 2 ? year - 1 : year
    let era = floorDivide(adjustedYear, 400)
    let yearOfEra = adjustedYear - era * 400
    let monthPart = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * monthPart + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The number of days in `month` (1…12) of `year` (proleptic Gregorian leap years).
  public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// 0 = Monday … 6 = Sunday, for `days` since 1970-01-01 (a Thursday).
  @inlinable
  public static func weekday(ofDays days: Int64) -> Int {
    Int(floorModulo(days + 3, 7))
  }

  /// `YYYY-MM-DD` (years outside 0…9999 keep their sign and digits).
  public var isoString: String {
    func padded(_ value: Int64, _ width: Int) -> String {
      let digits = String(value.magnitude)
      let sign = value < 0 ? "-" : ""
      return sign + String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
  }
}
