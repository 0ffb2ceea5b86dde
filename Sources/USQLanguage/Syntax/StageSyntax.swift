import USQBasics

/// One `| stage` of a pipeline: its verb, its arguments and its span. The verbs and how each
/// parses are the rows of `StageVerb.table`.
public struct StageSyntax: Hashable, Sendable {
  /// Every stage of the language, with its arguments.
  public enum Kind: Hashable, Sendable {
    /// `where EXPR`.
    case `where`(ExpressionSyntax)
    /// `select C, …`.
    case select([Name])
    /// `drop C, …`.
    case drop([Name])
    /// `rename NEW = OLD, …`.
    case rename([RenameSyntax])
    /// `derive NAME = EXPR, …`.
    case derive([DerivationSyntax])
    /// `sum C, … [by K, …]`, and `avg`, `min`, `max` (`function` is one of those four).
    case aggregate(function: AggregateFunction, columns: [Name], by: [Name])
    /// `count [by K, …]`.
    case count(by: [Name])
    /// `agg F(C) [as NAME], … [by K, …]`.
    case agg([AggregateCallSyntax], by: [Name])
    /// `sort C [asc|desc], …`.
    case sort([SortKeySyntax])
    /// `top N [by C]`.
    case top(IntegerLiteral, by: Name?)
    /// `head [N]` (default 10).
    case head(IntegerLiteral?)
    /// `tail [N]` (default 10).
    case tail(IntegerLiteral?)
    /// `bucket WIDTH`.
    case bucket(BucketWidth)
    /// `fill`.
    case fill
    /// `share C [by K, …]`.
    case share(column: Name, by: [Name])
    /// `other P% [of C]`.
    case other(PercentLiteral, of: Name?)
    /// `pivot C values V`.
    case pivot(column: Name, values: Name)
    /// `join NAME on K, … [kind=inner|left]`.
    case join(frame: Name, on: [Name], kind: JoinKind)
    /// `names`.
    case names
    /// `price`: estimated dollars per row from the bill's unit prices.
    case price
    /// `distinct C, …`.
    case distinct([Name])
    /// `chart KIND [key=value …]`; option keys are checked against `ChartKind.optionKeys`.
    case chart(ChartKind, options: [OptionSyntax])
    /// `export PATH [format=…]`; `format` is `nil` when the extension decides.
    case export(path: PathSyntax, format: ExportFormat?, options: [OptionSyntax])
    /// `compare prev` or `compare DURATION`: the pipeline again over an earlier window.
    case compare(CompareShift)
    /// `forecast [to=month|DATE] [y=C]`; option keys are checked by the parser.
    case forecast(options: [OptionSyntax])
    /// `assert EXPR [message="…"]`.
    case assert(ExpressionSyntax, message: OptionValue?)
  }

  /// What the stage does.
  public var kind: Kind
  /// The verb as written (`sum`, `chart`, …), for messages and the timer line.
  public var verb: Name
  /// The whole stage, from its verb to its last argument (the `|` excluded).
  public var span: Span

  /// Creates a stage.
  public init(kind: Kind, verb: Name, span: Span) {
    self.kind = kind
    self.verb = verb
    self.span = span
  }

  /// Whether the stage draws or writes the result (`chart`, `export`).
  public var isOutput: Bool {
    switch kind {
    case .chart, .export: true
    default: false
    }
  }
}

/// `NEW = OLD` in `rename`.
public struct RenameSyntax: Hashable, Sendable {
  /// The new name.
  public var newName: Name
  /// The existing column.
  public var oldName: Name
  /// `NEW = OLD`.
  public var span: Span

  /// Creates a rename item.
  public init(newName: Name, oldName: Name, span: Span) {
    self.newName = newName
    self.oldName = oldName
    self.span = span
  }
}

/// `NAME = EXPR` in `derive`.
public struct DerivationSyntax: Hashable, Sendable {
  /// The column to add or replace.
  public var name: Name
  /// Its value per row.
  public var expression: ExpressionSyntax
  /// `NAME = EXPR`.
  public var span: Span

  /// Creates a derivation.
  public init(name: Name, expression: ExpressionSyntax, span: Span) {
    self.name = name
    self.expression = expression
    self.span = span
  }
}

/// `F(C) [as NAME]` in `agg`.
public struct AggregateCallSyntax: Hashable, Sendable {
  /// The function.
  public var function: AggregateFunction
  /// The function name as written.
  public var functionName: Name
  /// The column, or `nil` for `count()`.
  public var argument: Name?
  /// The name given with `as`, if any.
  public var alias: Name?
  /// `F(C) [as NAME]`.
  public var span: Span

  /// Creates an aggregate call.
  public init(
    function: AggregateFunction, functionName: Name, argument: Name?, alias: Name?, span: Span
  ) {
    self.function = function
    self.functionName = functionName
    self.argument = argument
    self.alias = alias
    self.span = span
  }

  /// The result column's name: the alias, else `F_C`, else `count` for `count()`.
  public var resultName: String {
    if let alias { return alias.text }
    guard let argument else { return function.rawValue }
    return "\(function.rawValue)_\(argument.text)"
  }
}

/// `C [asc|desc]` in `sort`.
public struct SortKeySyntax: Hashable, Sendable {
  /// The column.
  public var column: Name
  /// Whether `desc` was written.
  public var isDescending: Bool
  /// The column and its direction word.
  public var span: Span

  /// Creates a sort key.
  public init(column: Name, isDescending: Bool, span: Span) {
    self.column = column
    self.isDescending = isDescending
    self.span = span
  }
}

/// The width of `bucket WIDTH`.
public struct BucketWidth: Hashable, Sendable {
  /// Calendar units or a fixed duration.
  public enum Kind: Hashable, Sendable {
    /// `hour`.
    case hour
    /// `day` (UTC).
    case day
    /// `month` (calendar months, UTC).
    case month
    /// `week`: weeks start on Monday, UTC.
    case week
    /// A fixed duration (`90m`, `6h`).
    case duration(DurationLiteral)
  }

  /// The width.
  public var kind: Kind
  /// Where it was written.
  public var span: Span

  /// Creates a bucket width.
  public init(kind: Kind, span: Span) {
    self.kind = kind
    self.span = span
  }

  /// The calendar unit words accepted by `bucket`.
  public static let unitWords: [String] = ["hour", "day", "week", "month"]
}

/// The kinds of `chart`.
public enum ChartKind: String, Hashable, Sendable, CaseIterable {
  /// Horizontal bars, grouped when `y` names several columns.
  case bar
  /// Stacked bars: one bar per `x`, one segment per `by` value.
  case stack
  /// A time series, one line per `by` value.
  case line
  /// A disc with a legend, largest share first.
  case pie
  /// One sparkline per `by` value.
  case spark
  /// A day × hour-of-day heatmap.
  case heat

  /// The option keys every chart accepts.
  public static let optionKeys: [String] = ["x", "y", "by", "title", "width", "height"]
}

/// The formats of `export` (and `--format` / `set format=`, `table` aside).
public enum ExportFormat: String, Hashable, Sendable, CaseIterable {
  /// RFC 4180 with a header row.
  case csv
  /// One array of objects.
  case json
  /// One object per line.
  case ndjson
  /// A GitHub-flavoured Markdown table.
  case md
}

/// How far back `compare` looks.
public enum CompareShift: Hashable, Sendable {
  /// `compare prev`: the window of the same length just before.
  case previous(Span)
  /// `compare 7d`: the window shifted back by the duration.
  case duration(DurationLiteral, Span)

  /// Where it was written.
  public var span: Span {
    switch self {
    case .previous(let span), .duration(_, let span): span
    }
  }
}
