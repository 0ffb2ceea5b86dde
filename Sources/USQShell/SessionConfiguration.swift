import USQEngine
import USQLanguage
import USQVocabulary

/// What a session needs from the world, fixed when it starts.
public struct SessionConfiguration: Sendable {
  /// A failure while fetching, described for the user.
  public struct Failure: Sendable {
    public var message: String
    public var notes: [String]
    public var help: String?
    /// 3 for API, network and auth failures.
    public var exitCode: Int32

    public init(message: String, notes: [String] = [], help: String? = nil, exitCode: Int32 = 3) {
      self.message = message
      self.notes = notes
      self.help = help
      self.exitCode = exitCode
    }
  }

  public var console: Console
  public var terminal: TerminalFacts
  /// "Now", seconds since the epoch, UTC (fixed by `USQ_NOW`).
  public var now: @Sendable () -> Int64
  /// The endpoints `load` knows.
  public var endpoints: [Endpoint]
  /// The data source for the current settings (`source=demo|api`, cache, concurrency).
  public var dataSource: @Sendable (Settings) -> any DataSource
  /// Describes an error thrown by a data source.
  public var describeFailure: @Sendable (any Error) -> Failure
  /// Relative paths (`read`, `export`, `run`) are relative to this folder.
  public var workingDirectory: String?
  /// `cache info` and `cache clear`.
  public var cacheCommand: @Sendable (CacheAction) -> String
  /// The one-line banner of the interactive shell.
  public var banner: String
  /// Moves a test clock forward before each `watch` refresh after the first (`USQ_NOW_STEP`);
  /// does nothing with the system clock.
  public var advanceClock: @Sendable () -> Void = {}
  /// The terminal's size now (columns, rows), read again before each statement's output so a
  /// resized window is used at once; nil = `terminal`'s size as read at start (`COLUMNS` set,
  /// not a terminal, tests).
  public var currentSize: @Sendable () -> (columns: Int, rows: Int)? = { nil }

  public init(
    console: Console, terminal: TerminalFacts, now: @escaping @Sendable () -> Int64,
    endpoints: [Endpoint], dataSource: @escaping @Sendable (Settings) -> any DataSource,
    describeFailure: @escaping @Sendable (any Error) -> Failure = { Failure(message: "\($0)") },
    workingDirectory: String? = nil,
    cacheCommand: @escaping @Sendable (CacheAction) -> String = { _ in "the cache is off\n" },
    banner: String = ""
  ) {
    self.console = console
    self.terminal = terminal
    self.now = now
    self.endpoints = endpoints
    self.dataSource = dataSource
    self.describeFailure = describeFailure
    self.workingDirectory = workingDirectory
    self.cacheCommand = cacheCommand
    self.banner = banner
  }
}
