/// An integer as written (`42`, `1_000_000`), for `top N`, `head N` and option values.
public struct IntegerLiteral: Hashable, Sendable {
  /// The value.
  public var value: Int64
  /// The text as written (underscores kept), for messages.
  public var text: String
  /// Where it was written.
  public var span: Span

  /// Creates an integer literal.
  public init(value: Int64, text: String, span: Span) {
    self.value = value
    self.text = text
    self.span = span
  }
}

/// A percentage as written (`5%`, `2.5%`).
public struct PercentLiteral: Hashable, Sendable {
  /// The number before `%` (so `5%` is `5.0`, on a 0–100 scale).
  public var value: Double
  /// The text as written, `%` included.
  public var text: String
  /// Where it was written.
  public var span: Span

  /// Creates a percentage literal.
  public init(value: Double, text: String, span: Span) {
    self.value = value
    self.text = text
    self.span = span
  }
}

/// The unit of a duration literal.
public enum DurationUnit: String, Hashable, Sendable, CaseIterable {
  /// `s`, 1 second.
  case second = "s"
  /// `m`, 60 seconds.
  case minute = "m"
  /// `h`, 3,600 seconds.
  case hour = "h"
  /// `d`, 86,400 seconds.
  case day = "d"
  /// `w`, 604,800 seconds.
  case week = "w"

  /// The unit's length in seconds.
  public var seconds: Int64 {
    switch self {
    case .second: 1
    case .minute: 60
    case .hour: 3_600
    case .day: 86_400
    case .week: 604_800
    }
  }
}

/// A duration as written (`90m`, `36h`, `7d`, `2w`); negative only in relative option values (`-7d`).
public struct DurationLiteral: Hashable, Sendable {
  /// The number before the unit (negative for `-7d`).
  public var amount: Int64
  /// The unit.
  public var unit: DurationUnit
  /// The text as written.
  public var text: String

  /// Creates a duration literal.
  public init(amount: Int64, unit: DurationUnit, text: String) {
    self.amount = amount
    self.unit = unit
    self.text = text
  }

  /// The length in seconds (`amount × unit`), negative for a negative amount.
  public var seconds: Int64 { amount.multipliedReportingOverflow(by: unit.seconds).partialValue }
}

/// A date or date-time as written (`2026-11-01`, `2026-11-01T08:00`, `…T08:00:00Z`,
/// `…T08:00+02:00`); without a zone it is UTC.
public struct DateTimeLiteral: Hashable, Sendable {
  /// The instant in seconds since the epoch, UTC, with the written zone offset applied.
  public var epochSeconds: Int64
  /// Whether a time of day was written (`false` for a plain date).
  public var hasTime: Bool
  /// The zone offset written, in seconds east of UTC (`nil` when none or `Z` was written).
  public var zoneOffsetSeconds: Int?
  /// The text as written.
  public var text: String

  /// Creates a date-time literal.
  public init(epochSeconds: Int64, hasTime: Bool, zoneOffsetSeconds: Int?, text: String) {
    self.epochSeconds = epochSeconds
    self.hasTime = hasTime
    self.zoneOffsetSeconds = zoneOffsetSeconds
    self.text = text
  }
}
