/// A shell command: `help`, `fields`, `describe`, `explain`, `set`, `settings`, `frames`, `run`,
/// `cache`, `history`, `quit`, `exit`.
public struct CommandSyntax: Hashable, Sendable {
  /// Every command, with its arguments.
  public enum Kind: Hashable, Sendable {
    /// `help [TOPIC]`; the topic is the rest of the line, trimmed (`chart pie`).
    case help(topic: Name?)
    /// `fields [ENDPOINT [FIELD]]`.
    case fields(endpoint: Name?, field: Name?)
    /// `describe [NAME]` (`_` by default).
    case describe(frame: Name?)
    /// `explain PIPELINE`.
    case explain(PipelineSyntax)
    /// `set NAME=VALUE`.
    case set(name: Name, value: OptionValue)
    /// `settings`.
    case settings
    /// `frames`.
    case frames
    /// `run FILE [NAME=VALUE …]`.
    case run(path: PathSyntax, arguments: [OptionSyntax])
    /// `cache info` or `cache clear`.
    case cache(CacheAction)
    /// `history`.
    case history
    /// `quit` or `exit`.
    case quit
    /// `watch [every=DURATION] PIPELINE`; `every` is the refresh interval (checked: 10 s or more).
    case watch(every: WatchInterval?, pipeline: PipelineSyntax)
  }

  /// What the command does.
  public var kind: Kind
  /// The command word as written.
  public var verb: Name
  /// The whole command.
  public var span: Span

  /// Creates a command.
  public init(kind: Kind, verb: Name, span: Span) {
    self.kind = kind
    self.verb = verb
    self.span = span
  }

  /// Every command word (for "did you mean" and completion).
  public static let verbs: [String] = [
    "help", "fields", "describe", "explain", "set", "settings", "frames", "run", "cache",
    "history", "quit", "exit", "watch",
  ]
}

/// The argument of `cache`.
public enum CacheAction: String, Hashable, Sendable, CaseIterable {
  /// Show the cache's location and size.
  case info
  /// Delete the cached pages.
  case clear
}

/// `every=DURATION` of `watch`.
public struct WatchInterval: Hashable, Sendable {
  /// Seconds between refreshes.
  public var seconds: Int64
  /// The value as written.
  public var span: Span

  /// Creates an interval.
  public init(seconds: Int64, span: Span) {
    self.seconds = seconds
    self.span = span
  }

  /// The default interval.
  public static let defaultSeconds: Int64 = 60
  /// The shortest interval `watch` accepts (a refresh makes requests).
  public static let minimumSeconds: Int64 = 10
}
