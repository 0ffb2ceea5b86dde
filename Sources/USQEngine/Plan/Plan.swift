import USQFrame
import USQLanguage
import USQVocabulary

/// A bound pipeline: where its frame comes from, each stage with the schema after it, and what
/// to do with the result.
///
/// The binder makes it; `Optimizer.optimize` rewrites it (group_by and filter pushdown, column
/// pruning, where → bucket fusion); the executor interprets the optimized plan. Stages after a
/// point where the columns are only known at run time (`read`, after `pivot`) stay as syntax in
/// `lateStages`, and are bound and optimized as soon as that frame exists.
public struct Plan: Sendable {
  /// `NAME` of `let NAME = …`: the result is stored, not printed.
  public var binding: String?
  /// The source.
  public var source: PlannedSource
  /// The schema the source gives (open for `read`).
  public var sourceSchema: StageSchema
  /// The bound frame stages, in order (output stages excluded).
  public var stages: [PlannedStage]
  /// What the last stage asks for (`.table` while `lateStages` is not empty).
  public var output: PlanOutput
  /// The stages (frame and output) bound when the statement runs, because the schema before
  /// them is known only then.
  public var lateStages: [StageSyntax] = []
  /// Warnings found while binding (e.g. a dimension outside an explicit `group=`).
  public var warnings: [Diagnostic]
  /// What the optimizer needs to settle a `load`'s `group_by` and filters.
  var loadFacts: LoadFacts?
  /// `compare`: the pipeline's second run over an earlier window, joined after the stages.
  public var comparison: PlannedComparison? = nil

  /// The schema of the result (after the last bound stage, and the comparison).
  public var resultSchema: StageSchema {
    comparison?.schema ?? stages.last?.schema ?? sourceSchema
  }

  /// Whether part of the pipeline is bound only when it runs.
  public var isBoundLate: Bool { !lateStages.isEmpty }
}

/// A bound `compare`. The earlier run's source and stages are derived from the plan's own when
/// it runs (after the `load`'s `group_by` and filters are settled), so both runs ask the same.
public struct PlannedComparison: Sendable {
  /// How far back, and how rows join.
  var operation: CompareOperation
  /// The schema after the comparison.
  public var schema: StageSchema
  /// The `compare` stage, for runtime errors.
  public var span: Span
  /// "Now" when the statement was bound: an open window's end moves back from it.
  public var now: Int64

  /// `compare prev`, as written.
  public var summary: String { operation.text }

  /// The `load` of the earlier window, for a plan whose source is `source`.
  public func earlierSource(_ source: PlannedSource) -> PlannedSource? {
    guard case .load(let request, let pushed) = source else { return nil }
    return .load(operation.previous(request, now: now), pushedDown: pushed)
  }

  /// The stages of the earlier run: those of `stages` but the ones that pick rows by rank.
  public func earlierStages(_ stages: [PlannedStage]) -> [PlannedStage] {
    operation.previousStages(stages)
  }
}

/// The facts about a `load` the binder found and the optimizer uses: the endpoint, whether
/// `group=` was written, and the dimensions later stages use (the implicit `group_by`).
struct LoadFacts: Sendable {
  var endpoint: Endpoint
  var hasExplicitGroup: Bool
  var usedDimensions: [String]
}

/// Where a pipeline's frame comes from.
public enum PlannedSource: Sendable {
  /// `load`: the request sent to the data source; `pushedDown` lists the `where` conditions
  /// also sent as API filters.
  case load(UsageQuery, pushedDown: [String])
  /// `load spend`: the costs and usage requests, attributed (`SpendAttribution`).
  case spend(SpendRequest)
  /// `read PATH`.
  case read(path: String)
  /// `from NAME`.
  case stored(name: String)
  /// `_` or a leading `|`.
  case last

  /// The verb the timer line uses.
  public var verb: String {
    switch self {
    case .load, .spend: "load"
    case .read: "read"
    case .stored: "from"
    case .last: "_"
    }
  }
}

/// One stage of a plan: a bound operation (or, after fusion, two stages run as one).
public struct PlannedStage: Sendable {
  /// The stage as written: its verb (`sum`, for the timer line) and span (for runtime errors).
  public var origin: StageOrigin
  /// The bound operation.
  var operation: PlannedOperation
  /// The schema after this stage.
  public var schema: StageSchema
  /// The columns of its input the stage reads, in the input's order, when fewer than all
  /// (projection pushdown, see `ColumnPruning`): the executor drops the others first.
  public var inputColumns: [String]? = nil

  /// The verb as written (`sum`).
  public var verb: String { origin.verb }
  /// The stage's span.
  public var span: Span { origin.span }

  /// Every stage as written that this one runs (two after a fusion), in order.
  public var origins: [StageOrigin] {
    if case .bucketWhere(let fused) = operation { return [origin, fused.bucketOrigin] }
    return [origin]
  }
}

/// A stage as the user wrote it: its verb and where.
public struct StageOrigin: Sendable, Hashable {
  /// The verb as written (`sum`, `avg`).
  public var verb: String
  /// The whole stage.
  public var span: Span
}

/// What to do with the final frame.
public enum PlanOutput: Sendable, Hashable {
  /// Print the table.
  case table
  /// Draw a chart.
  case chart(ChartRequest)
  /// Write a file; `chart` is set when a `chart` stage came before (`export x.svg`).
  case export(ExportRequest, chart: ChartRequest?)
}

/// A resolved `chart` stage: defaults filled in, columns checked.
public struct ChartRequest: Sendable, Hashable {
  /// `bar stack line pie spark heat`.
  public var kind: ChartKind
  /// The x column (`nil` for `pie`, `spark`, `heat`, which do not use it).
  public var x: String?
  /// The y columns (at least one).
  public var y: [String]
  /// The series column (`by=`), if any.
  public var by: String?
  /// `title=`.
  public var title: String?
  /// `width=`, in display columns.
  public var width: Int?
  /// `height=`, in rows.
  public var height: Int?

  /// Creates a chart request (the binder fills defaults; renderers and tests may build one).
  public init(
    kind: ChartKind, x: String?, y: [String], by: String?, title: String? = nil, width: Int? = nil,
    height: Int? = nil
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

/// A resolved `export` stage.
public struct ExportRequest: Sendable, Hashable {
  /// The path as written (relative to the working folder).
  public var path: String
  /// The format: `format=` or from the extension (csv by default); `svg` when the path ends in
  /// `.svg` after a chart.
  public var format: Format
  /// Where the path was written, for an error writing it.
  public var pathSpan: Span?

  /// What `export` writes.
  public enum Format: Sendable, Hashable, CustomStringConvertible {
    /// The frame's rows in a data format.
    case data(ExportFormat)
    /// The chart before it, as SVG.
    case svg

    public var description: String {
      switch self {
      case .data(let format): format.rawValue
      case .svg: "svg"
      }
    }
  }

  /// Creates an export request.
  public init(path: String, format: Format, pathSpan: Span? = nil) {
    self.path = path
    self.format = format
    self.pathSpan = pathSpan
  }

  /// Requests are equal when they write the same file the same way; where the path was written
  /// does not matter.
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.path == rhs.path && lhs.format == rhs.format
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(path)
    hasher.combine(format)
  }
}

extension Plan {
  /// The source columns the stages read, when fewer than the source gives.
  public var usedSourceColumns: [String]? { stages.first?.inputColumns }
}
