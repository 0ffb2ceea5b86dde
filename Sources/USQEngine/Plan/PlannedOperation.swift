import USQFrame

/// Every operation a plan can hold: one case per stage, plus the nodes only the optimizer makes
/// (`bucketWhere`). The compiler checks that every consumer of a plan — the optimizer, the
/// executor, `explain` — handles each case.
enum PlannedOperation: Sendable {
  case `where`(WhereOperation)
  case select(SelectOperation)
  case drop(DropOperation)
  case rename(RenameOperation)
  case derive(DeriveOperation)
  /// `sum`, `avg`, `min`, `max`.
  case aggregate(SumOperation)
  case count(CountOperation)
  case agg(AggOperation)
  case sort(SortOperation)
  case top(TopOperation)
  case head(HeadOperation)
  case tail(TailOperation)
  case bucket(BucketOperation)
  case fill(FillOperation)
  case share(ShareOperation)
  case other(OtherOperation)
  case pivot(PivotOperation)
  case join(JoinOperation)
  case names(NamesOperation)
  case distinct(DistinctOperation)
  /// `where` then `bucket`, fused by the optimizer: the filtered frame is never built.
  case bucketWhere(BucketWhereOperation)

  /// The operation as one value, for what every operation does alike.
  var operation: any PipelineOperation {
    switch self {
    case .where(let operation): operation
    case .select(let operation): operation
    case .drop(let operation): operation
    case .rename(let operation): operation
    case .derive(let operation): operation
    case .aggregate(let operation): operation
    case .count(let operation): operation
    case .agg(let operation): operation
    case .sort(let operation): operation
    case .top(let operation): operation
    case .head(let operation): operation
    case .tail(let operation): operation
    case .bucket(let operation): operation
    case .fill(let operation): operation
    case .share(let operation): operation
    case .other(let operation): operation
    case .pivot(let operation): operation
    case .join(let operation): operation
    case .names(let operation): operation
    case .distinct(let operation): operation
    case .bucketWhere(let operation): operation
    }
  }

  /// The stage as `explain` prints it (`sum input_tokens by model`).
  var summary: String { operation.summary }

  /// The columns of `input` the operation reads to produce `demand` (see `ColumnPruning`);
  /// `nil`: every column (`join` names clashing columns by the whole left side).
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String>? {
    switch self {
    case .join: nil
    case .where(let operation): operation.inputColumns(for: demand, input: input)
    case .select(let operation): operation.inputColumns(for: demand, input: input)
    case .drop(let operation): operation.inputColumns(for: demand, input: input)
    case .rename(let operation): operation.inputColumns(for: demand, input: input)
    case .derive(let operation): operation.inputColumns(for: demand, input: input)
    case .aggregate(let operation): operation.inputColumns(for: demand, input: input)
    case .count(let operation): operation.inputColumns(for: demand, input: input)
    case .agg(let operation): operation.inputColumns(for: demand, input: input)
    case .sort(let operation): operation.inputColumns(for: demand, input: input)
    case .top(let operation): operation.inputColumns(for: demand, input: input)
    case .head(let operation): operation.inputColumns(for: demand, input: input)
    case .tail(let operation): operation.inputColumns(for: demand, input: input)
    case .bucket(let operation): operation.inputColumns(for: demand, input: input)
    case .fill(let operation): operation.inputColumns(for: demand, input: input)
    case .share(let operation): operation.inputColumns(for: demand, input: input)
    case .other(let operation): operation.inputColumns(for: demand, input: input)
    case .pivot(let operation): operation.inputColumns(for: demand, input: input)
    case .names(let operation): operation.inputColumns(for: demand, input: input)
    case .distinct(let operation): operation.inputColumns(for: demand, input: input)
    case .bucketWhere(let operation): operation.inputColumns(for: demand, input: input)
    }
  }

  /// The aggregation of `sum`/`avg`/`min`/`max`, `count` and `agg` (`bucket`'s pruning looks at
  /// it).
  var aggregation: Aggregation? {
    switch self {
    case .aggregate(let operation): operation.aggregation
    case .count(let operation): operation.aggregation
    case .agg(let operation): operation.aggregation
    default: nil
    }
  }

  /// The lists `names` looks up (for `explain`'s requests).
  var listLookups: [NamesOperation.Lookup] {
    if case .names(let operation) = self { return operation.lookups }
    return []
  }
}
