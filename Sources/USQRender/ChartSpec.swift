/// What to draw: the chart kind, the columns it reads, and its title and size.
///
/// Columns left nil or empty take the language's defaults: `x` = the first non-numeric column
/// (`start_time` for time series), `y` = the last numeric column.
public struct ChartSpec: Sendable, Equatable {
  /// The kinds of chart.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// Horizontal bars, one per row; several `y` give grouped bars.
    case bar
    /// Stacked horizontal bars: one per `x`, one segment per `by` value.
    case stack
    /// Time series on a Braille canvas, one line per `by` value (or per `y`).
    case line
    /// A disc with one sector per row (or per `by` value) and a legend.
    case pie
    /// One sparkline per `by` value, with min, max and last.
    case spark
    /// Day × hour-of-day heatmap of `y` from hourly (or finer) rows.
    case heat
  }

  /// What to draw.
  public var kind: Kind
  /// The category or time column (bars, stacks, lines, sparks, heat).
  public var x: String?
  /// The value columns; empty = the last numeric column.
  public var y: [String]
  /// The series column (stack segments, lines, pie sectors, sparklines).
  public var by: String?
  /// Drawn centred above the chart.
  public var title: String?
  /// Display columns; never more than `RenderOptions.width`.
  public var width: Int?
  /// Lines, title and legend included; never more than `RenderOptions.height`.
  public var height: Int?

  /// A chart of `kind`; unnamed columns take the defaults when drawn.
  public init(
    _ kind: Kind, x: String? = nil, y: [String] = [], by: String? = nil, title: String? = nil,
    width: Int? = nil, height: Int? = nil
  ) {
    self.kind = kind
    self.x = x
    self.y = y
    self.by = by
    self.title = title
    self.width = width
    self.height = height
  }
}

/// Why a chart cannot be drawn from a frame.
public enum ChartError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A named column is not in the frame. Use one of `available`.
  case missingColumn(String, role: String, available: [String])
  /// A column has the wrong type for its role (`y` must be numeric, heat's `x` a timestamp).
  /// Choose another column, or convert it with `derive`.
  case wrongType(String, role: String, expected: String, found: String)
  /// No column can play `role` by default (e.g. no numeric column for `y`). Name one with `role=`.
  case noDefault(role: String, expected: String)
  /// The chart needs `by=` (stacked bars). Add `by=COLUMN`.
  case missingBy(ChartSpec.Kind)
  /// A heatmap needs hourly or finer rows. Load with `bucket=1h` (or `hours=N`).
  case needsHourlyData(String)

  /// The message shown to the user: which column, which role, what was expected.
  public var description: String {
    switch self {
    case .missingColumn(let name, let role, let available):
      "chart \(role)=\(name): no column '\(name)'; columns are "
        + available.map { "'\($0)'" }.joined(separator: ", ")
    case .wrongType(let name, let role, let expected, let found):
      "chart \(role)=\(name): expected a \(expected) column, found \(found)"
    case .noDefault(let role, let expected):
      "chart: no \(expected) column to use as \(role); name one with \(role)=COLUMN"
    case .missingBy(let kind):
      "chart \(kind.rawValue) needs by=COLUMN (the column whose values become segments)"
    case .needsHourlyData(let name):
      "chart heat: '\(name)' holds daily or coarser buckets; load with bucket=1h or finer"
    }
  }
}
