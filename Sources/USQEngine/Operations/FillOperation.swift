import USQFrame
import USQLanguage

/// `fill`: adds rows of zeros for the buckets of the loaded window that have no rows, per group
/// of the non-numeric columns. Without a `load` window, the window runs from the first
/// `start_time` to the last `end_time` and the width is the shortest bucket.
///
/// ```
/// load completions days=30 group=model | fill
/// ```
struct FillOperation: PipelineOperation {
  var window: Range<Int64>?
  var width: TimeBucket?

  var summary: String { "fill" }

  static let help = HelpTopic(
    name: "fill", aliases: [], kind: .stage, usage: "fill",
    details:
      "Adds rows of zeros for the buckets of the loaded window that have no traffic, per\ngroup of the non-numeric columns.",
    examples: [
      "load completions days=30 group=model | select start_time, end_time, model, input_tokens | fill"
    ])

  static func bind(verb: Name, input: StageSchema, _ state: inout BindState) -> BoundStage? {
    guard let start = input["start_time"], start.kind == .time else {
      state.report(BindMessages.missingTimeColumn(verb, in: input))
      return nil
    }
    return BoundStage(
      operation: .fill(Self(window: input.window, width: input.bucketWidth)), output: input)
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    // The window of the run (not of binding): `compare` runs the stages again over an earlier one.
    guard let width = width ?? Self.inferredWidth(frame),
      let window = window.flatMap({ context.window ?? $0 }) ?? Self.inferredWindow(frame)
    else { return frame }
    return try frame.fill(window: window, width: width)
  }

  /// The shortest `end_time - start_time` as a bucket.
  static func inferredWidth(_ frame: Frame) -> TimeBucket? {
    guard case .time(let starts)? = frame["start_time"], case .time(let ends)? = frame["end_time"]
    else { return nil }
    var shortest = Int64.max
    for row in 0..<frame.rowCount where starts.isValid(row) && ends.isValid(row) {
      let length = ends.values[row] - starts.values[row]
      if length > 0 { shortest = min(shortest, length) }
    }
    switch shortest {
    case .max: return nil
    case 3_600: return .hour
    case 86_400: return .day
    default: return .seconds(shortest)
    }
  }

  static func inferredWindow(_ frame: Frame) -> Range<Int64>? {
    guard case .time(let starts)? = frame["start_time"] else { return nil }
    var low = Int64.max
    var high = Int64.min
    for row in 0..<frame.rowCount where starts.isValid(row) {
      low = min(low, starts.values[row])
      high = max(high, starts.values[row] + 1)
    }
    if case .time(let ends)? = frame["end_time"] {
      for row in 0..<frame.rowCount where ends.isValid(row) { high = max(high, ends.values[row]) }
    }
    return low < high ? low..<high : nil
  }
}

extension FillOperation: ColumnPruning {
  /// The needed columns, the times and every non-numeric column (the groups that get rows).
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    demand.columns.union(["start_time", "end_time"])
      .union(input.columns.filter { !$0.kind.isNumeric }.map(\.name))
  }
}
