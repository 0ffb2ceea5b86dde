/// One statement: a line at the prompt, a `-c` argument, or a (joined) statement of a script.
///
/// ```
/// statement := pipeline | command | (nothing)
/// ```
public enum Statement: Hashable, Sendable {
  /// A pipeline: `[let NAME =] source { | stage }` or `| stage { | stage }`.
  case pipeline(PipelineSyntax)
  /// A shell command: `help`, `set`, `run`, ….
  case command(CommandSyntax)
  /// A blank line or a comment only.
  case empty
}

extension Statement {
  /// The span of the whole statement (empty at 0 for `.empty`).
  public var span: Span {
    switch self {
    case .pipeline(let pipeline): pipeline.span
    case .command(let command): command.span
    case .empty: .at(0)
    }
  }
}
