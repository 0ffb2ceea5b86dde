import USQFrame
import USQVocabulary

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
  case price(PriceOperation)
  case distinct(DistinctOperation)
  case forecast(ForecastOperation)
  case assert(AssertOperation)
  /// `where` then `bucket`, fused by the optimizer: the filtered frame is never built.
  case bucketWhere(BucketWhereOperation)

  /// The stage as `explain` prints it (`sum input_tokens by model`).
  var summary: String {
    switch self {
    case .where(let operation): operation.summary
    case .select(let operation): operation.summary
    case .drop(let operation): operation.summary
    case .rename(let operation): operation.summary
    case .derive(let operation): operation.summary
    case .aggregate(let operation): operation.summary
    case .count(let operation): operation.summary
    case .agg(let operation): operation.summary
    case .sort(let operation): operation.summary
    case .top(let operation): operation.summary
    case .head(let operation): operation.summary
    case .tail(let operation): operation.summary
    case .bucket(let operation): operation.summary
    case .fill(let operation): operation.summary
    case .share(let operation): operation.summary
    case .other(let operation): operation.summary
    case .pivot(let operation): operation.summary
    case .join(let operation): operation.summary
    case .names(let operation): operation.summary
    case .price(let operation): operation.summary
    case .distinct(let operation): operation.summary
    case .forecast(let operation): operation.summary
    case .assert(let operation): operation.summary
    case .bucketWhere(let operation): operation.summary
    }
  }

  /// Runs the operation over `frame`.
  ///
  /// - Throws: what the operation throws (`FrameError` from kernels, `ExecutionError`, data
  ///   source errors).
  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    switch self {
    case .where(let operation): try await operation.run(frame, context: context)
    case .select(let operation): try await operation.run(frame, context: context)
    case .drop(let operation): try await operation.run(frame, context: context)
    case .rename(let operation): try await operation.run(frame, context: context)
    case .derive(let operation): try await operation.run(frame, context: context)
    case .aggregate(let operation): try await operation.run(frame, context: context)
    case .count(let operation): try await operation.run(frame, context: context)
    case .agg(let operation): try await operation.run(frame, context: context)
    case .sort(let operation): try await operation.run(frame, context: context)
    case .top(let operation): try await operation.run(frame, context: context)
    case .head(let operation): try await operation.run(frame, context: context)
    case .tail(let operation): try await operation.run(frame, context: context)
    case .bucket(let operation): try await operation.run(frame, context: context)
    case .fill(let operation): try await operation.run(frame, context: context)
    case .share(let operation): try await operation.run(frame, context: context)
    case .other(let operation): try await operation.run(frame, context: context)
    case .pivot(let operation): try await operation.run(frame, context: context)
    case .join(let operation): try await operation.run(frame, context: context)
    case .names(let operation): try await operation.run(frame, context: context)
    case .price(let operation): try await operation.run(frame, context: context)
    case .distinct(let operation): try await operation.run(frame, context: context)
    case .forecast(let operation): try await operation.run(frame, context: context)
    case .assert(let operation): try await operation.run(frame, context: context)
    case .bucketWhere(let operation): try await operation.run(frame, context: context)
    }
  }

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
    case .price(let operation): operation.inputColumns(for: demand, input: input)
    case .distinct(let operation): operation.inputColumns(for: demand, input: input)
    case .forecast(let operation): operation.inputColumns(for: demand, input: input)
    case .assert(let operation): operation.inputColumns(for: demand, input: input)
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
  var listLookups: [NamesOperation.ResolvedLookup] {
    if case .names(let operation) = self { return operation.lookups }
    return []
  }

  /// The requests the operation makes when it runs (`names`' lists, `price`'s costs), for
  /// `explain`.
  var requests: [UsageQuery] {
    switch self {
    case .names(let operation):
      operation.lookups.map { UsageQuery(endpoint: $0.list, bucketWidth: nil) }
    case .price(let operation): operation.requests
    default: []
    }
  }
}
