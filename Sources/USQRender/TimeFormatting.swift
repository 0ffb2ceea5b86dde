import USQBasics

/// Timestamps as calendar text, in UTC or a session's zone, without Foundation's formatters.
public enum TimeFormatting {
  /// A civil date and time of day.
  public struct Civil: Sendable, Equatable {
    /// The proleptic Gregorian year.
    public var year: Int
    /// 1…12.
    public var month: Int
    /// 1…31.
    public var day: Int
    /// 0…23.
    public var hour: Int
    /// 0…59.
    public var minute: Int
    /// 0…59.
    public var second: Int
    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int
  }

  /// The civil date and time of `instant` (seconds since the epoch) shifted by `offset` seconds.
  public static func civil(_ instant: Int64, offset: Int = 0) -> Civil {
    let local = clamped(instant) + Int64(offset)
    let days = floorDivide(local, 86_400)
    let seconds = Int(local - days * 86_400)
    let date = CivilDate(days: days)
    return Civil(
      year: Int(date.year), month: Int(date.month), day: Int(date.day), hour: seconds / 3600,
      minute: seconds / 60 % 60,
      second: seconds % 60, weekday: CivilDate.weekday(ofDays: days))
  }

  /// `2026-03-18`.
  static func date(_ c: Civil) -> String {
    let year = c.year >= 0 && c.year < 10_000 ? four(c.year) : String(c.year)
    return "\(year)-\(two(c.month))-\(two(c.day))"
  }

  /// `2026-03-18 14:05` (with `:SS` when `seconds`).
  static func dateTime(_ c: Civil, seconds: Bool) -> String {
    let time = "\(two(c.hour)):\(two(c.minute))" + (seconds ? ":\(two(c.second))" : "")
    return date(c) + " " + time
  }

  /// How a set of timestamps is shown: dates only when all are midnights of the zone, seconds only
  /// when some need them.
  enum Precision: Int, Comparable {
    case date, minute, second
    static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  static func precision(of instants: some Sequence<Int64>, zone: RenderTimeZone) -> Precision {
    var result = Precision.date
    for instant in instants {
      let local = clamped(instant) + Int64(zone.offset(at: instant))
      let secondOfDay = local - floorDivide(local, 86_400) * 86_400
      if secondOfDay % 60 != 0 { return .second }
      if secondOfDay != 0 { result = .minute }
    }
    return result
  }

  /// `instant` in `zone` at `precision`.
  static func format(_ instant: Int64, zone: RenderTimeZone, precision: Precision) -> String {
    let c = civil(instant, offset: zone.offset(at: instant))
    switch precision {
    case .date: return date(c)
    case .minute: return dateTime(c, seconds: false)
    case .second: return dateTime(c, seconds: true)
    }
  }

  /// `instant` within ±10¹⁴ s (about three million years), so adding an offset cannot overflow.
  static func clamped(_ instant: Int64) -> Int64 {
    min(100_000_000_000_000, max(-100_000_000_000_000, instant))
  }

  static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

  static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

  private static func four(_ value: Int) -> String {
    String(repeating: "0", count: max(0, 4 - String(value).count)) + String(value)
  }

}
