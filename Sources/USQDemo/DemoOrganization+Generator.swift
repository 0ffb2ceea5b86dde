import Foundation

// MARK: - Hourly usage

extension DemoOrganization {
  /// Relative traffic by local hour for people (working hours peak).
  static let workdayShape: [Double] = [
    0.06, 0.04, 0.03, 0.03, 0.04, 0.08, 0.2, 0.45, 0.78, 0.95, 1.0, 0.96, 0.82, 0.92, 1.0, 0.97,
    0.88, 0.72, 0.52, 0.38, 0.28, 0.2, 0.13, 0.09,
  ]
  /// Relative traffic by UTC hour for service accounts (flat, nightly jobs).
  static let serviceShape: [Double] = [
    0.9, 1.0, 1.0, 0.95, 0.8, 0.65, 0.6, 0.6, 0.65, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7,
    0.7, 0.7, 0.65, 0.65, 0.7, 0.75, 0.8,
  ]

  /// Organization growth at time `t`: about ×1.06 a month for two years, then slower.
  static func growth(_ t: Int64) -> Double {
    let months = Double(t - DemoCalendar.founded) / (30.44 * 86_400)
    guard months >= 0 else { return 0 }
    if months <= 24 { return 0.3 * exp(0.055 * months) }
    return min(6, 0.3 * exp(0.055 * 24) * exp(0.02 * (months - 24)))
  }

  /// The share of its key's traffic that `stream` carries at time `t` (its model mix).
  func mixShare(_ stream: DemoStream, at t: Int64) -> Double {
    guard let mix = stream.mix else { return 1 }
    var total = 0.0
    for member in mixes[mix] where member.since <= t && t < member.until { total += member.weight }
    return total > 0 ? stream.mixWeight / total : 0
  }

  /// The day-level factor of `stream` on `day` (days since the epoch): growth, model-mix share,
  /// day noise and spikes; 0 on empty days. Model mixes change only at midnight.
  func dayFactor(_ stream: DemoStream, day: Int64) -> Double {
    guard !isEmptyDay(day) else { return 0 }
    let t = day * DemoCalendar.day
    let spike = DemoHash.unit(seed, 0x5A1, UInt64(stream.project), UInt64(bitPattern: day)) < 0.02
    let noise = 0.75 + 0.5 * DemoHash.unit(seed, stream.salt, UInt64(bitPattern: day), 1)
    return Self.growth(t) * mixShare(stream, at: t) * noise * (spike ? 2.5 : 1)
  }

  /// Usage of `stream` during hour `hour` (hours since the epoch).
  /// - Parameter dayFactor: `dayFactor(stream, day:)` of the hour's day, if already known.
  func hourMetrics(_ stream: DemoStream, hour: Int64, dayFactor known: Double? = nil) -> DemoMetrics
  {
    let t = hour * DemoCalendar.hour
    var metrics = DemoMetrics()
    guard t >= stream.since, t < stream.until else { return metrics }
    if stream.product == .vectorStores {
      metrics[0] = storageLevel(stream, hour: hour)
      return metrics
    }
    // Not `known ?? dayFactor(…)`: the autoclosure would copy `self` on every call.
    let factor: Double
    if let known {
      factor = known
    } else {
      factor = dayFactor(stream, day: DemoCalendar.floor(t, DemoCalendar.day))
    }
    guard factor > 0 else { return metrics }
    let expected =
      stream.rate * factor * rhythm(stream, at: t)
      * (0.8 + 0.4 * DemoHash.unit(seed, stream.salt, UInt64(bitPattern: hour), 2))
    let requests = Int64(expected + DemoHash.unit(seed, stream.salt, UInt64(bitPattern: hour), 3))
    guard requests > 0 else { return metrics }
    metrics[0] = requests
    fillQuantities(&metrics, stream: stream, hour: hour)
    return metrics
  }

  /// Daily × weekly rhythm of `stream` at time `t`, in its time zone.
  private func rhythm(_ stream: DemoStream, at t: Int64) -> Double {
    let local = t + stream.timeZoneOffset * DemoCalendar.hour
    let localHour = Int(DemoCalendar.floor(local, DemoCalendar.hour) % 24 + 24) % 24
    let isWeekend = DemoCalendar.weekday(ofDay: DemoCalendar.floor(local, DemoCalendar.day)) >= 5
    switch stream.rhythm {
    case .people: return Self.workdayShape[localHour] * (isWeekend ? 0.28 : 1)
    case .customers: return (0.12 + 0.88 * Self.workdayShape[localHour]) * (isWeekend ? 0.62 : 1)
    case .batch: return Self.serviceShape[localHour] * (isWeekend ? 0.85 : 1)
    }
  }

  /// Derives token, image, character, … counts from the request count in slot 0.
  private func fillQuantities(_ metrics: inout DemoMetrics, stream: DemoStream, hour: Int64) {
    let requests = Double(metrics[0])
    let noise = DemoNoise(seed: seed, salt: stream.salt, hour: UInt64(bitPattern: hour))
    let model = stream.model.map { DemoModel.lineUp[$0] }
    switch stream.product {
    case .completions:
      guard let model else { return }
      fillCompletions(&metrics, stream: stream, model: model, noise: noise)
    case .embeddings, .moderations, .audioSpeeches, .audioTranscriptions:
      let average = model?.averageInput ?? 1
      metrics[1] = Int64(requests * average * stream.sizeFactor * (0.8 + 0.4 * noise(10)))
    case .images:
      let average = model?.averageInput ?? 1
      metrics[1] = max(metrics[0], Int64(requests * average * (0.8 + 0.4 * noise(10))))
    case .webSearchCalls:
      metrics[1] = metrics[0] + Int64(requests * 0.6 * noise(10))
    case .vectorStores, .codeInterpreterSessions, .fileSearchCalls:
      break
    }
  }

  private func fillCompletions(
    _ metrics: inout DemoMetrics, stream: DemoStream, model: DemoModel, noise: DemoNoise
  ) {
    let requests = Double(metrics[0])
    let input = Int64(requests * model.averageInput * stream.sizeFactor * (0.8 + 0.4 * noise(10)))
    let caches = model.cachedPrice < model.inputPrice
    let cached =
      caches ? Int64(Double(input) * min(0.9, stream.cacheShare * (0.85 + 0.3 * noise(11)))) : 0
    let writes = caches ? Int64(Double(input) * 0.02 * noise(12)) : 0
    let uncached = input - cached - writes
    let audioIn = Int64(Double(uncached) * model.audioShare)
    let imageIn = Int64(Double(uncached) * model.imageShare * 2 * noise(13))
    metrics[2] = Int64(Double(cached) * model.audioShare)
    metrics[3] = Int64(Double(cached) * model.imageShare)
    metrics[1] = cached - metrics[2] - metrics[3]
    metrics[4] = writes
    metrics[6] = audioIn
    metrics[7] = imageIn
    metrics[5] = uncached - audioIn - imageIn
    let output = Int64(requests * model.averageOutput * (0.7 + 0.6 * noise(14)))
    metrics[9] = Int64(Double(output) * model.audioShare * 0.9)
    metrics[10] = 0
    metrics[8] = output - metrics[9]
  }

  /// Bytes held by a vector store during `hour`: grows by uploads, stepping once a day.
  func storageLevel(_ stream: DemoStream, hour: Int64) -> Int64 {
    guard let store = stream.vectorStore else { return 0 }
    let created = vectorStores[store].createdAt
    let t = hour * DemoCalendar.hour
    guard t >= created else { return 0 }
    let days = Double(DemoCalendar.floor(t - created, DemoCalendar.day))
    let day = UInt64(bitPattern: DemoCalendar.floor(t, DemoCalendar.day))
    let level =
      Double(vectorStores[store].initialBytes) * pow(1 + 0.03 * days, 0.85)
      * (1 + 0.02 * DemoHash.unit(seed, stream.salt, day, 4))
    return Int64(level / 4_096) * 4_096
  }
}

/// Uniform numbers in [0, 1) for one stream and hour, by slot (no closure: no `self` copy).
struct DemoNoise {
  let seed: UInt64
  let salt: UInt64
  let hour: UInt64

  func callAsFunction(_ slot: UInt64) -> Double { DemoHash.unit(seed, salt, hour, slot) }
}

// MARK: - Minutes and ranges

/// Per-stream memo of the last hour split into minutes.
struct DemoMinuteCache {
  var hour: Int64 = .min
  var hourly = DemoMetrics()
  /// Requests at the end of minute i (cumulative), index 0 = 0.
  var cumulative = [Int64](repeating: 0, count: 61)
}

extension DemoOrganization {
  /// Usage of `stream` in the minutes `minutes` (minutes since the epoch) of one hour.
  func minuteMetrics(
    _ stream: DemoStream, hour: Int64, minutes: Range<Int>, cache: inout DemoMinuteCache
  ) -> DemoMetrics {
    if cache.hour != hour {
      cache.hour = hour
      cache.hourly = hourMetrics(stream, hour: hour)
      splitRequests(total: cache.hourly[0], stream: stream, hour: hour, into: &cache.cumulative)
    }
    let hourly = cache.hourly
    if stream.product == .vectorStores { return minutes.isEmpty ? DemoMetrics() : hourly }
    let total = hourly[0]
    var result = DemoMetrics()
    guard total > 0, !minutes.isEmpty else { return result }
    let low = cache.cumulative[minutes.lowerBound]
    let high = cache.cumulative[minutes.upperBound]
    result[0] = high - low
    for slot in 1..<DemoMetrics.width where hourly[slot] != 0 {
      result[slot] = hourly[slot] * high / total - hourly[slot] * low / total
    }
    return result
  }

  /// Spreads `total` requests over 60 minutes: an even share each, the remainder on evenly
  /// spaced minutes from a hashed offset. Writes cumulative counts.
  private func splitRequests(
    total: Int64, stream: DemoStream, hour: Int64, into cumulative: inout [Int64]
  ) {
    let even = total / 60
    let remainder = Int(total % 60)
    var extra = [Bool](repeating: false, count: 60)
    if remainder > 0 {
      let offset = Int(DemoHash.hash(seed, stream.salt, UInt64(bitPattern: hour), 5) % 60)
      for k in 0..<remainder { extra[(offset + k * 60 / remainder) % 60] = true }
    }
    cumulative[0] = 0
    for minute in 0..<60 {
      cumulative[minute + 1] = cumulative[minute] + even + (extra[minute] ? 1 : 0)
    }
  }

  /// Usage of `stream` over the minutes that start in [start, end) (seconds since the epoch).
  ///
  /// Counts add up exactly across any partition of time; the vector-store level is the value of
  /// the last hour in range.
  func metrics(
    _ stream: DemoStream, from start: Int64, to end: Int64, cache: inout DemoMinuteCache
  ) -> DemoMetrics {
    let firstMinute = DemoCalendar.floor(start + 59, 60)
    let endMinute = DemoCalendar.floor(end + 59, 60)
    var total = DemoMetrics()
    guard firstMinute < endMinute else { return total }
    if stream.product == .vectorStores {
      let lastHour = DemoCalendar.floor(endMinute - 1, 60)
      return minuteMetrics(stream, hour: lastHour, minutes: 0..<1, cache: &cache)
    }
    guard endMinute * 60 > stream.since, firstMinute * 60 < stream.until else { return total }
    var hour = max(DemoCalendar.floor(firstMinute, 60), DemoCalendar.floor(stream.since, 3_600))
    var day = Int64.min
    var factor = 0.0
    while hour * 60 < endMinute, hour * 3_600 < stream.until {
      let low = max(firstMinute, hour * 60) - hour * 60
      let high = min(endMinute, hour * 60 + 60) - hour * 60
      if low == 0 && high == 60 {
        let hourDay = DemoCalendar.floor(hour, 24)
        if hourDay != day {
          day = hourDay
          factor = dayFactor(stream, day: day)
        }
        if factor == 0 {
          hour = (day + 1) * 24  // an idle day: skip to the next
          continue
        }
        total += hourMetrics(stream, hour: hour, dayFactor: factor)
      } else {
        total += minuteMetrics(stream, hour: hour, minutes: Int(low)..<Int(high), cache: &cache)
      }
      hour += 1
    }
    return total
  }
}
