import USQFrame

/// What running a statement gave, and what the shell should do with it.
public struct ExecutionResult: Sendable {
  /// The final frame (before any output stage).
  public var frame: Frame
  /// What to output.
  public var output: ExecutionOutput
  /// One entry per source and stage, in order.
  public var timings: [StageTiming]
  /// The plan that ran: optimized, and with the stages bound late (after `read`, `pivot`)
  /// bound and optimized too.
  public var plan: Plan
  /// The currency of each money column of the frame the statement started from
  /// (`MoneyColumns.currencies(in:)`), for the stages that drop the `currency` column.
  public var sourceCurrencies: [String: String] = [:]

  /// `time: load 812.4 ms · sum 9.1 ms · top 0.1 ms · total 823.0 ms` (for `timer=on`).
  public var timerLine: String { StageTiming.line(timings) }
}

/// What the shell outputs for a result.
public enum ExecutionOutput: Sendable {
  /// Print the frame as a table (or in the session's `format`).
  case table(Frame)
  /// Draw the chart of the frame.
  case chart(ChartRequest, Frame)
  /// Write the frame (or, for `svg`, the chart) to a file and say what was written.
  case export(ExportRequest, Frame, chart: ChartRequest?)
  /// `let NAME = …`: store the frame under NAME and print `NAME: 1,234 rows × 7 columns`.
  case stored(name: String, Frame)
}

/// How long one stage took.
public struct StageTiming: Sendable, Hashable {
  /// The stage's verb (`load`, `sum`, `top`).
  public var verb: String
  /// Wall-clock seconds.
  public var seconds: Double

  /// Creates a timing.
  public init(verb: String, seconds: Double) {
    self.verb = verb
    self.seconds = seconds
  }

  /// `time: load 812.4 ms · sum 9.1 ms · total 821.5 ms`; `extra` timings (e.g. the shell's
  /// rendering) are appended before the total.
  public static func line(_ timings: [StageTiming], extra: [StageTiming] = []) -> String {
    let all = timings + extra
    let total = all.reduce(0) { $0 + $1.seconds }
    let parts =
      all.map { "\($0.verb) \(milliseconds($0.seconds))" } + ["total \(milliseconds(total))"]
    return "time: " + parts.joined(separator: " · ")
  }

  /// `812.4 ms` (one decimal).
  static func milliseconds(_ seconds: Double) -> String {
    let tenths = (seconds * 10_000).rounded()
    let whole = Int64(tenths) / 10
    let fraction = Int64(tenths) % 10
    return "\(whole).\(fraction) ms"
  }
}
