import USQBasics

/// The weekday-aware projection of a daily series (LANGUAGE.md, `forecast`): with at least 28
/// complete days, a day is projected as the mean of the same weekday over the last 4 complete
/// weeks (the last 28 complete days); with fewer, as the mean of every complete day.
///
/// Days are counted from 1970-01-01 (UTC); a day without a value counts as 0.
///
/// ```swift
/// let projection = DailyProjection(values: [20_419: 10, 20_420: 12], completeDays: 20_419...20_420)
/// projection?.value(on: 20_421)  // 11
/// ```
struct DailyProjection: Sendable, Hashable {
  /// The projection of each weekday, 0 = Monday … 6 = Sunday.
  var byWeekday: [Double]
  /// Whether the weekday rule applied (at least 28 complete days).
  var isWeekdayAware: Bool

  /// Complete days needed before the weekday rule applies.
  static let weekdayRuleDays = 28

  /// The projection of `values` (day → value) over the complete days `completeDays`; `nil`
  /// when there is no complete day.
  init?(values: [Int64: Double], completeDays: ClosedRange<Int64>?) {
    guard let completeDays else { return nil }
    let days = Array(completeDays)
    if days.count >= Self.weekdayRuleDays {
      var sums = [Double](repeating: 0, count: 7)
      for day in days.suffix(Self.weekdayRuleDays) {
        sums[Self.weekday(of: day)] += values[day] ?? 0
      }
      byWeekday = sums.map { $0 / Double(Self.weekdayRuleDays / 7) }
      isWeekdayAware = true
    } else {
      let mean = days.reduce(0) { $0 + (values[$1] ?? 0) } / Double(days.count)
      byWeekday = [Double](repeating: mean, count: 7)
      isWeekdayAware = false
    }
  }

  /// The projected value of `day`.
  func value(on day: Int64) -> Double { byWeekday[Self.weekday(of: day)] }

  /// 0 = Monday … 6 = Sunday.
  static func weekday(of day: Int64) -> Int { CivilDate.weekday(ofDays: day) }
}
