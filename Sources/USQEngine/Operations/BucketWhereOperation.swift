import USQFrame
import USQLanguage

/// `where COND | bucket WIDTH` run as one stage, made only by the optimizer: `bucket` sums the
/// rows the condition keeps without the filtered frame ever being built.
///
/// With plain tests (`column = literal` on string or bool columns joined by `and`), `bucket`
/// tests each row as it sums (`Frame.bucket(_:where:in:)`); otherwise the condition's mask is
/// computed first and `bucket` sums the selected rows (`Frame.bucket(_:selecting:)`).
///
/// ```
/// read pages | where model = "gpt-4o" and batch = false | bucket day | sum input_tokens
/// ```
struct BucketWhereOperation: PipelineOperation {
  var filter: WhereOperation
  var bucket: BucketOperation
  /// The condition as row tests, when it is made of plain tests.
  var tests: RowCondition?
  /// The `bucket` stage as written (timings, errors).
  var bucketOrigin: StageOrigin
  /// The columns `bucket` reads, in the input's order (`nil`: all).
  var bucketColumns: [String]?

  /// Fuses `filter` and `bucket`.
  init(
    filter: WhereOperation, bucket: BucketOperation, bucketOrigin: StageOrigin,
    bucketColumns: [String]?
  ) {
    self.filter = filter
    self.bucket = bucket
    self.tests = filter.rowCondition
    self.bucketOrigin = bucketOrigin
    self.bucketColumns = bucketColumns
  }

  var summary: String { "\(filter.summary) | \(bucket.summary)" }

  /// How the fused stage runs, for `explain`.
  var note: String {
    tests == nil
      ? "fused: bucket sums the rows the condition selects"
      : "fused: bucket tests each row as it sums"
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try bucket(frame, selection(frame))
  }

  /// The rows the condition keeps, when it is not tested row by row: `.none` for the row
  /// tests, `.some(nil)` for a literal condition (every row or none).
  func selection(_ frame: Frame) throws -> BoolColumn?? {
    if tests != nil { return .none }
    return .some(try filter.selection(in: frame))
  }

  /// `bucket` over the rows of `frame` that `selection` (from `selection(_:)`) keeps.
  func bucket(_ frame: Frame, _ selection: BoolColumn??) throws -> Frame {
    let kept = frame.keeping(bucketColumns)
    switch selection {
    case .none:
      guard let tests else { return try bucket.run(kept) }
      return try bucket.run(kept, where: tests, in: frame)
    case .some(.none): return try bucket.run(filter.filter(kept, by: nil))
    case .some(.some(let mask)): return try bucket.run(kept, selecting: mask)
    }
  }
}

extension BucketWhereOperation: ColumnPruning {
  /// What `bucket` reads and what the condition reads.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    Set(bucketColumns ?? input.names).union(filter.condition.columnNames)
  }
}
