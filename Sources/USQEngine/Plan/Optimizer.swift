import USQFrame

/// The one optimizer pass: rewrites a bound plan into the plan the executor runs, with the
/// same result.
///
/// In order:
/// 1. **group_by pushdown** (`load` without `group=`): the dimensions later stages use become
///    the request's `group_by`.
/// 2. **filter pushdown** (`load`): the plain equality tests of a leading `where` are also sent
///    as the API's filter parameters.
/// 3. **column pruning**: each stage reads only the columns later stages need (`ColumnPruning`).
/// 4. **where → bucket fusion**: a `where` just before a `bucket` becomes one `bucketWhere`
///    node, and a `where` before any other stage keeps only the columns that stage reads.
///
/// Binding a statement runs it (`Binder.bind`), and so does binding the rest of a pipeline
/// when its columns become known at run time (`read`, after `pivot`).
///
/// ```swift
/// let optimized = Optimizer().optimize(plan)
/// ```
public struct Optimizer: Sendable {
  /// Whether a `load`'s group_by and filters are settled (off only to show the plan as bound).
  var isPushingDown = true
  /// Whether stages drop the columns later stages do not read.
  var isPruning = true
  /// Whether `where` fuses with a `bucket` after it.
  var isFusing = true

  /// The full optimizer.
  public init() {}

  /// An optimizer that only settles what a `load` sends (group_by and filter pushdown): its
  /// plans run every stage as written. Tests compare its results with the full optimizer's.
  public static let literal = Optimizer(isPruning: false, isFusing: false)

  /// No pass at all: the plan as the binder made it (a `load` without `group=` is not
  /// settled, so it is for showing plans, not running them).
  static let asBound = Optimizer(isPushingDown: false, isPruning: false, isFusing: false)

  init(isPushingDown: Bool = true, isPruning: Bool, isFusing: Bool) {
    self.isPushingDown = isPushingDown
    self.isPruning = isPruning
    self.isFusing = isFusing
  }

  /// `plan` (as the binder made it), optimized.
  public func optimize(_ plan: Plan) -> Plan {
    var plan = plan
    if isPushingDown { pushDownLoad(&plan) }
    if isPruning { pruneColumns(&plan) }
    if isFusing { fuseWhereBucket(&plan) }
    return plan
  }
}

// MARK: - Column pruning

extension Optimizer {
  /// Each stage's `inputColumns`, from the stages' operations (see `ColumnPruning`).
  func pruneColumns(_ plan: inout Plan) {
    var needed: Set<String>?  // nil: every column
    for index in plan.stages.indices.reversed() {
      let stage = plan.stages[index]
      plan.stages[index].inputColumns = nil
      let input = index == 0 ? plan.sourceSchema : plan.stages[index - 1].schema
      let consumer = index + 1 < plan.stages.count ? plan.stages[index + 1].operation : nil
      let demand = ColumnDemand(columns: needed ?? Set(stage.schema.names), consumer: consumer)
      guard !input.isOpen, var required = stage.operation.inputColumns(for: demand, input: input)
      else {
        needed = nil
        continue
      }
      required.formIntersection(input.names)
      // A frame without columns has no rows: keep one column so the row count survives.
      if required.isEmpty, let first = input.columns.first { required.insert(first.name) }
      if required.count < input.columns.count {
        plan.stages[index].inputColumns = input.names.filter(required.contains)
      }
      needed = required
    }
  }
}

// MARK: - where → bucket fusion

extension Optimizer {
  /// Fuses each `where` with a `bucket` right after it; any other `where` keeps only the
  /// columns the next stage reads.
  func fuseWhereBucket(_ plan: inout Plan) {
    var fused: [PlannedStage] = []
    var index = 0
    while index < plan.stages.count {
      var stage = plan.stages[index]
      let next = index + 1 < plan.stages.count ? plan.stages[index + 1] : nil
      index += 1
      guard case .where(var filter) = stage.operation else {
        fused.append(stage)
        continue
      }
      if let next, case .bucket(let bucket) = next.operation {
        let node = BucketWhereOperation(
          filter: filter, bucket: bucket, bucketOrigin: next.origin,
          bucketColumns: next.inputColumns)
        stage.operation = .bucketWhere(node)
        stage.schema = next.schema
        index += 1
      } else if let next {
        filter.resultColumns = next.inputColumns
        stage.operation = .where(filter)
      }
      fused.append(stage)
    }
    plan.stages = fused
  }
}
