/// `[let NAME =] source { | stage }` — a source followed by stages, run left to right.
public struct PipelineSyntax: Hashable, Sendable {
  /// The `NAME` of `let NAME = …`, when the result is stored rather than printed.
  public var binding: Name?
  /// Where the rows come from (`.continuation` when the statement starts with `|`).
  public var source: SourceSyntax
  /// The stages after the source, in order.
  public var stages: [StageSyntax]
  /// The whole pipeline, `let` included.
  public var span: Span

  /// Creates a pipeline.
  public init(binding: Name?, source: SourceSyntax, stages: [StageSyntax], span: Span) {
    self.binding = binding
    self.source = source
    self.stages = stages
    self.span = span
  }
}
