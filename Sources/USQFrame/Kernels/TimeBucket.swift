import USQBasics

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
