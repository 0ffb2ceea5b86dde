import USQFrame
import USQLanguage

/// One bound stage of a pipeline (`where`, `sum`, `top` …), ready to run over a frame.
///
/// A plan holds operations as `PlannedOperation`, one case per operation type. Each operation
/// lives in its own file under `Operations/` with its binding (syntax + input
/// schema → operation + output schema), its execution through the frame kernels, and its
/// messages.
public protocol PipelineOperation: Sendable {
  /// The stage as `explain` prints it (`sum input_tokens by model`).
  var summary: String { get }

  /// Runs the operation.
  ///
  /// - Throws: `FrameError` from kernels, `ExecutionError`, data-source errors (`names`).
  func run(_ frame: Frame, context: OperationContext) async throws -> Frame
}

/// What a running operation may need beyond its input frame.
public struct OperationContext: Sendable {
  /// Stored frames (`join`) and "now".
  public var environment: Environment
  /// The data source (`names` loads the organization's lists).
  public var dataSource: any DataSource
  /// The loaded window and bucket width, when the source was a `load` (`fill`).
  public var window: Range<Int64>?
  /// The bucket width of the source, when known.
  public var bucketWidth: TimeBucket?
  /// Where `names` keeps the lists it fetched (`nil`: fetch every time).
  public var listCache: ListCache?
}

/// An operation with the schema it produces.
struct BoundStage {
  var operation: PlannedOperation
  var output: StageSchema
}
