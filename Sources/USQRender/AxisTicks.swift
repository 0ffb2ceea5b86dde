import USQBasics

/// Round tick values for axes: 1, 2 or 5 times a power of ten.
enum AxisTicks {
  /// A step of 1, 2, 2.5 or 5 × 10^k at least `rough`.
  static func niceStep(_ rough: Double) -> Double {
    guard rough > 0, rough.isFinite else { return 1 }
    var power = 1.0
    while power * 10 <= rough { power *= 10 }
    while power > rough { power /= 10 }
    for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where power * factor >= rough { return power * factor }
    return power * 10
  }

  /// Ticks covering `low...high` with about `intervals` intervals: (niceLow, niceHigh, step).
  /// With `integral`, the step is at least 1 (counts have no fractional ticks).
  static func range(low: Double, high: Double, intervals: Int, integral: Bool = false)
    -> (low: Double, high: Double, step: Double)
  {
    var low = low
    var high = high
    if low == high {
      if low == 0 { high = 1 } else if low > 0 { low = 0 } else { high = 0 }
    }
    var step = niceStep((high - low) / Double(max(1, intervals)))
    if integral { step = max(1, step.rounded(.up)) }
    let niceLow = (low / step).rounded(.down) * step
    let niceHigh = (high / step).rounded(.up) * step
    // Degenerate spans (denormals, overflow): the plain range in one step, never a runaway stride.
    guard step > 0, step.isFinite, niceLow.isFinite, niceHigh.isFinite,
      (niceHigh - niceLow) / step <= 1000
    else {
      let span = high - low
      return span > 0 && span.isFinite ? (low, high, span) : (low, low + 1, 1)
    }
    return (niceLow, niceHigh == niceLow ? niceLow + step : niceHigh, step)
  }

  /// Candidate time steps, in seconds, from a minute to a year.
  static let timeSteps: [Int64] = [
    60, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800,
    1_209_600, 2_592_000, 7_776_000, 31_536_000,
  ]

  /// Tick instants between `low` and `high` (seconds since the epoch) spaced `step` apart and
  /// aligned in `zone` (days to local midnight).
  static func timeTicks(low: Int64, high: Int64, step: Int64, zone: RenderTimeZone) -> [Int64] {
    let offset = Int64(zone.offset(at: low))
    let low = TimeFormatting.clamped(low)
    let high = TimeFormatting.clamped(high)
    let base: Int64
    if step <= 86_400 {
      let local = low + offset
      base = floorDivide(local + step - 1, step) * step - offset
    } else {
      let local = low + offset
      let midnight = floorDivide(local + 86_399, 86_400) * 86_400 - offset
      base = midnight
    }
    var ticks: [Int64] = []
    var tick = base
    while tick <= high && ticks.count < 1000 {
      ticks.append(tick)
      tick += step
    }
    return ticks
  }
}
