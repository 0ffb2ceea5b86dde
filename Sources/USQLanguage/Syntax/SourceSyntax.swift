/// The first element of a pipeline: where its frame comes from.
public struct SourceSyntax: Hashable, Sendable {
  /// The kinds of source.
  public enum Kind: Hashable, Sendable {
    /// `load ENDPOINT [key=value …]`; the endpoint may be a unique prefix at the prompt.
    case load(endpoint: Name, options: [OptionSyntax])
    /// `read PATH` — a file, a directory or a glob.
    case read(path: PathSyntax)
    /// `from NAME` — a stored frame.
    case from(frame: Name)
    /// `_` — the last result.
    case last
    /// The statement starts with `|`: it continues the last result, like `_ | …`.
    case continuation
  }

  /// What kind of source.
  public var kind: Kind
  /// The verb (`load`, `read`, `from`, `_`), or an empty name at the `|` for a continuation.
  public var verb: Name
  /// The whole source, options included (empty at the `|` for a continuation).
  public var span: Span

  /// Creates a source.
  public init(kind: Kind, verb: Name, span: Span) {
    self.kind = kind
    self.verb = verb
    self.span = span
  }
}

/// A path as written after `read`, `export` or `run`: a bare run of non-blank characters or a
/// quoted string.
public struct PathSyntax: Hashable, Sendable {
  /// The path (decoded when quoted); relative paths are relative to the working folder.
  public var text: String
  /// Whether it was written in quotes.
  public var isQuoted: Bool
  /// Where it was written, quotes included.
  public var span: Span

  /// Creates a path.
  public init(text: String, isQuoted: Bool, span: Span) {
    self.text = text
    self.isQuoted = isQuoted
    self.span = span
  }
}
