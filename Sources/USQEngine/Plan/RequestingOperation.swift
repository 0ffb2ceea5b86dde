/// An operation that loads from the data source when it runs (`names`, `price`): `explain` lists
/// its requests after the source's.
protocol RequestingOperation: PipelineOperation {
  /// The requests it will make.
  var requests: [LoadRequest] { get }
}
