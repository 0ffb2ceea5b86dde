import USQFrame

/// Projection pushdown: which input columns a stage reads, so that the executor can drop the
/// others before the stage runs (dropping is free: columns are copy-on-write).
///
/// The optimizer's pruning (`Optimizer.pruneColumns`) walks the plan backwards from the
/// output, which needs every column of the result (the table, the chart, the export and the
/// stored or last result all see the whole frame). Each stage is asked for the columns of its
/// input it reads to produce the columns needed of its output; those become what the stage
/// before must produce. `join`, a stage bound at run time and an open input schema need every
/// column, which is always correct.
///
/// The contract for a conforming operation with input schema `I`: for every frame `F` with the
/// columns of `I`, running it on `F` restricted to `inputColumns(…)` (in `I`'s order) succeeds
/// when running it on `F` does, and gives the columns `demand.columns` with the same values, in
/// the same relative order. (An error that only an unneeded column would raise, such as an int
/// overflow in a sum nobody reads, no longer occurs.)
///
/// ```
/// from usage | where model = "gpt-4o" and batch = false | bucket day | sum input_tokens
///   sum        reads input_tokens
///   bucket     reads start_time, input_tokens (the next stage only sums: how rows were merged
///              cannot show, so the other group columns of `bucket` are not needed)
///   where      reads start_time, input_tokens, model, batch
/// ```
protocol ColumnPruning {
  /// The columns of `input` this stage reads to produce `demand.columns` of its output.
  ///
  /// Names that are not columns of `input` are ignored by the caller, so an operation may
  /// return its output names unchanged.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String>
}

/// What the stage after needs of a stage's output.
struct ColumnDemand {
  /// The output columns read later.
  var columns: Set<String>
  /// The operation of the next stage (`nil` at the end of the bound pipeline); `bucket` looks
  /// at it.
  var consumer: PlannedOperation?
}

extension Frame {
  /// The frame restricted to `names` (in the frame's order; missing names are skipped), or
  /// unchanged for `nil`.
  func keeping(_ names: [String]?) -> Frame {
    guard let names, names.count < columnCount else { return self }
    let kept = Set(names)
    return Frame(unchecked: pairs.filter { kept.contains($0.0) })
  }
}
