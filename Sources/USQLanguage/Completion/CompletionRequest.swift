/// What the shell should offer when Tab is pressed: the kind of thing expected at the cursor,
/// the partial word already typed, and the span to replace with the chosen candidate.
///
/// The language front end knows only the grammar; the engine/shell fill in candidates (endpoints,
/// option keys, columns of the bound prefix, stored frames, settings, files).
public struct CompletionRequest: Hashable, Sendable {
  /// The kinds of thing that can be expected.
  public enum Expected: Hashable, Sendable {
    /// The first word of a statement: `load read from _ let` and the commands.
    case statementStart
    /// A stage verb, after `|`.
    case stage
    /// An endpoint, after `load` (or `fields`, `help`-style lookups).
    case endpoint
    /// An option key of `load ENDPOINT` (`days`, `group`, …).
    case optionKey(endpoint: String)
    /// The value of option `key` of `load ENDPOINT` (group keys, models, …).
    case optionValue(endpoint: String, key: String)
    /// A column of the frame entering stage `stage`; `pipelinePrefix` is the pipeline text before
    /// that stage's `|` (without `let NAME =` or `explain`), to bind for its schema.
    case column(stage: String, pipelinePrefix: String)
    /// A stored frame name (after `from`, `join`, `describe`).
    case frameName
    /// A setting name, after `set`.
    case setting
    /// The value of setting `name`, after `set NAME=`.
    case settingValue(name: String)
    /// A file path (after `read`, `export`, `run`).
    case path
    /// A chart kind, after `chart`.
    case chartKind
    /// A chart option key (`x= y= by= title= width= height=`).
    case chartOptionKey
    /// A field of `endpoint`, after `fields ENDPOINT`.
    case field(endpoint: String)
    /// A help topic.
    case helpTopic
    /// One of these fixed words (`by`, `asc`/`desc`, `on`, `values`, `info`/`clear`, …).
    case keyword([String])
    /// Nothing sensible can be offered.
    case nothing
  }

  /// What is expected at the cursor.
  public var expected: Expected
  /// The part of the word before the cursor (empty after a blank).
  public var partial: String
  /// The span to replace with the completion (UTF-8 offsets into the line).
  public var partialSpan: Span

  /// Creates a request.
  public init(expected: Expected, partial: String, partialSpan: Span) {
    self.expected = expected
    self.partial = partial
    self.partialSpan = partialSpan
  }
}
