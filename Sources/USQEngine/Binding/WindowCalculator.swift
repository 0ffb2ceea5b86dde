import USQBasics
import USQFrame
import USQLanguage
import USQVocabulary

/// Turns `days= hours= minutes= since= until= bucket= limit=` into `start_time`, `end_time`,
/// `bucket_width` and `limit` (LANGUAGE.md "Sources" and "Precise semantics → Windows").
///
/// `days=N` (`hours=N`, `minutes=N`): the N most recent units, the current one included —
/// start = now floored to the unit, minus N−1 units, then floored to the bucket; no end.
/// `hours=` implies `bucket=1h` and `minutes=` `bucket=1m` unless `bucket=` is given; otherwise
/// the bucket is `1d`. No window means `days=7`. `limit` defaults to the API maximum for the
/// bucket width.
struct WindowCalculator {
  let now: Int64
  let endpoint: Endpoint

  private static let units: [(key: String, seconds: Int64, width: USQVocabulary.BucketWidth)] = [
    ("days", 86_400, .day), ("hours", 3_600, .hour), ("minutes", 60, .minute),
  ]

  func window(_ options: [String: OptionSyntax], _ state: inout BindState)
    -> (LoadOptions.Window, Int)?
  {
    let counted = Self.units.filter { options[$0.key] != nil }
    if counted.count > 1, let second = options[counted[1].key] {
      state.report(LoadMessages.conflictingWindow(second.key, with: counted[0].key))
      return nil
    }
    if let unit = counted.first, let option = options[unit.key] {
      for key in ["since", "until"] where options[key] != nil {
        state.report(LoadMessages.conflictingWindow(option.key, with: key))
        return nil
      }
    }
    guard let (width, widthOption) = bucketWidth(options, implied: counted.first, &state) else {
      return nil
    }
    guard let (start, end) = range(options, unit: counted.first, bucket: width.timeBucket, &state)
    else {
      return nil
    }
    guard let limit = limit(options["limit"], width: width, widthOption: widthOption, &state) else {
      return nil
    }
    return (LoadOptions.Window(start: start, end: end, width: width), limit)
  }

  /// `start_time` and `end_time` from `days=`/`hours=`/`minutes=` or `since=`/`until=`.
  private func range(
    _ options: [String: OptionSyntax],
    unit: (key: String, seconds: Int64, width: USQVocabulary.BucketWidth)?,
    bucket: TimeBucket, _ state: inout BindState
  ) -> (Int64, Int64?)? {
    if let unit, let option = options[unit.key] {
      guard let count = positiveInteger(option, &state) else { return nil }
      let latest = floorMultiple(now, unit.seconds)
      let (product, overflow) = (count - 1).multipliedReportingOverflow(by: unit.seconds)
      guard !overflow, latest - product >= Self.earliestStart else {
        let most = max((latest - Self.earliestStart) / unit.seconds + 1, 0)
        state.report(LoadMessages.windowTooLong(option, most: most))
        return nil
      }
      return (bucket.floor(latest - product), nil)
    }
    var end: Int64?
    if let option = options["until"] {
      guard let value = instant(option, &state) else { return nil }
      end = value
    }
    guard let option = options["since"] else {
      // The default 7 days, never before the earliest start (`until=2020-01-02` alone).
      let start = bucket.floor(floorMultiple(end ?? now, 86_400) - 6 * 86_400)
      return (max(start, Self.earliestStart), end)
    }
    guard let start = instant(option, &state) else { return nil }
    if let end, start >= end, let until = options["until"] {
      state.report(LoadMessages.sinceAfterUntil(option, until))
      return nil
    }
    if start >= now, end == nil || end.map({ $0 > now }) == true {
      state.report(LoadMessages.futureWindow(option))
    }
    return (start, end)
  }

  /// The earliest `start_time` usq asks for: 2020-01-01T00:00:00Z, before the API existed.
  /// Earlier starts are mistakes (`since=-99999999d`, `days=30000`) and would ask the API for
  /// negative or absurd timestamps. Documented in `help load`.
  static let earliestStart: Int64 = 1_577_836_800

  /// A date, date-time, `now`, or relative time, checked against `earliestStart`.
  private func instant(_ option: OptionSyntax, _ state: inout BindState) -> Int64? {
    guard let text = option.singleValue?.text, let value = Self.instant(text, now: now) else {
      state.report(LoadMessages.expectedTime(option))
      return nil
    }
    // An end must leave some time after the earliest start.
    let isEnd = option.key.text == "until"
    guard isEnd ? value > Self.earliestStart : value >= Self.earliestStart else {
      state.report(LoadMessages.timeTooEarly(option))
      return nil
    }
    return value
  }

  // MARK: - Options

  /// `bucket=`, else the width `hours=`/`minutes=` imply, else `1d`; checked against the
  /// endpoint's widths.
  private func bucketWidth(
    _ options: [String: OptionSyntax],
    implied unit: (key: String, seconds: Int64, width: USQVocabulary.BucketWidth)?,
    _ state: inout BindState
  ) -> (USQVocabulary.BucketWidth, OptionSyntax?)? {
    let accepted = endpoint.bucketWidths
    if let option = options["bucket"] {
      guard let value = option.singleValue,
        let width = USQVocabulary.BucketWidth(rawValue: value.text)
      else {
        state.report(LoadMessages.badBucket(option, accepted: accepted))
        return nil
      }
      guard accepted.contains(width) else {
        state.report(
          LoadMessages.unsupportedBucket(option.valueSpan, width, endpoint: endpoint, because: nil))
        return nil
      }
      return (width, option)
    }
    let width = unit?.width ?? .day
    if !accepted.contains(width) {
      let option = unit.flatMap { options[$0.key] }
      if let option {
        state.report(
          LoadMessages.unsupportedBucket(
            option.span, width, endpoint: endpoint, because: option.key.text))
        return nil
      }
      return accepted.first.map { ($0, nil) }
    }
    return (width, nil)
  }

  private func limit(
    _ option: OptionSyntax?, width: USQVocabulary.BucketWidth, widthOption: OptionSyntax?,
    _ state: inout BindState
  ) -> Int? {
    let limits = endpoint.limit(for: width)
    let maximum = limits?.maximum ?? Int.max
    guard let option else { return limits?.maximum }
    guard let value = positiveInteger(option, &state) else { return nil }
    guard value <= maximum else {
      state.report(LoadMessages.limitTooHigh(option, maximum: maximum, width: width))
      return nil
    }
    return Int(value)
  }

  private func positiveInteger(_ option: OptionSyntax, _ state: inout BindState) -> Int64? {
    let text = option.rawText.replacingOccurrences(of: "_", with: "")
    guard let value = Int64(text), value >= 1 else {
      state.report(LoadMessages.expectedPositive(option))
      return nil
    }
    return value
  }

  /// A date, date-time, `now`, or a relative time (`-7d`, `-36h`, `-90m`, `-2w`).
  static func instant(_ text: String, now: Int64) -> Int64? {
    if text == "now" { return now }
    if let date = ISODate.parse(text) { return date }
    guard text.hasPrefix("-"), let unit = text.last,
      let amount = Int64(text.dropFirst().dropLast()), amount >= 0
    else { return nil }
    let seconds: Int64
    switch unit {
    case "s": seconds = 1
    case "m": seconds = 60
    case "h": seconds = 3_600
    case "d": seconds = 86_400
    case "w": seconds = 604_800
    default: return nil
    }
    let (offset, overflow) = amount.multipliedReportingOverflow(by: seconds)
    return overflow ? nil : now - offset
  }
}
