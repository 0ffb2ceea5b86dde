/// A width to floor timestamps to: a calendar unit (UTC) or a fixed number of seconds.
public enum TimeBucket: Sendable, Hashable, CustomStringConvertible {
  case hour
  case day
  /// Weeks start on Monday, 00:00 UTC.
  case week
  /// Calendar months, UTC.
  case month
  /// A fixed width in seconds (> 0), aligned to the Unix epoch.
  case seconds(Int64)

  public var description: String {
    switch self {
    case .hour: "hour"
    case .day: "day"
    case .week: "week"
    case .month: "month"
    case .seconds(let width): "\(width)s"
    }
  }

  /// The width in seconds of a bucket that is a fixed multiple from the epoch (hour, day, N
  /// seconds); nil for weeks and months.
  var fixedWidth: Int64? {
    switch self {
    case .hour: 3_600
    case .day: 86_400
    case .seconds(let width): Swift.max(width, 1)
    case .week, .month: nil
    }
  }

  /// The start of the bucket holding `time` (seconds since the epoch, UTC).
  @inlinable
  public func floor(_ time: Int64) -> Int64 {
    switch self {
    case .hour: return floorMultiple(time, 3_600)
    case .day: return floorMultiple(time, 86_400)
    case .week:
      // 1970-01-01 was a Thursday: Monday-based weekday = (days + 3) mod 7.
      let days = floorDivide(time, 86_400)
      return (days &- floorModulo(days &+ 3, 7)) &* 86_400
    case .month:
      let date = CivilDate(days: floorDivide(time, 86_400))
      return CivilDate(year: date.year, month: date.month, day: 1).days &* 86_400
    case .seconds(let width): return floorMultiple(time, Swift.max(width, 1))
    }
  }

  /// The start of the bucket after the one starting at `start` (a bucket start).
  /// Wraps instead of trapping at the top of the Int64 range.
  public func next(after start: Int64) -> Int64 {
    switch self {
    case .hour: return start &+ 3_600
    case .day: return start &+ 86_400
    case .week: return start &+ 7 * 86_400
    case .month:
      let date = CivilDate(days: floorDivide(start, 86_400))
      let (year, month) = date.month == 12 ? (date.year + 1, 1) : (date.year, date.month + 1)
      return CivilDate(year: year, month: month, day: 1).days &* 86_400
    case .seconds(let width): return start &+ Swift.max(width, 1)
    }
  }
}

@inlinable func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
  let quotient = value / divisor
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
}

@inlinable func floorModulo(_ value: Int64, _ divisor: Int64) -> Int64 {
  value - floorDivide(value, divisor) * divisor
}

/// `value` rounded down to a multiple of `width` (> 0); wraps instead of trapping at the very
/// bottom of the Int64 range (no real timestamp is there).
@inlinable func floorMultiple(_ value: Int64, _ width: Int64) -> Int64 {
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
