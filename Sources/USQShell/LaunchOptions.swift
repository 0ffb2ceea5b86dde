/// What the command line asked for, before the environment is consulted.
public struct LaunchOptions: Sendable {
  /// How statements arrive.
  public enum Mode: Sendable, Equatable {
    /// The shell on a terminal, or statements read from stdin when it is not one.
    case interactive
    /// `usq -c STATEMENT`.
    case statement(String)
    /// `usq run FILE [NAME=VALUE …]` or `usq FILE.usq …`.
    case script(path: String, parameters: [String])
  }

  public var mode: Mode
  /// `--demo`: the demo organization even when a key is set.
  public var forceDemo: Bool
  /// `--format`.
  public var format: String?
  /// `--tz`.
  public var timeZone: String?
  /// `--no-color`.
  public var noColor: Bool
  /// `--no-cache`.
  public var noCache: Bool
  /// `--timer`.
  public var timer: Bool
  /// `--base-url`.
  public var baseURL: String?
  /// `--key-file`.
  public var keyFile: String?
  /// `--quiet`: nothing on stdout (a guard script in cron or CI speaks only when it fails).
  public var quiet: Bool
  /// `--report PATH`: write an HTML report of the run.
  public var report: String?

  public init(
    mode: Mode, forceDemo: Bool = false, format: String? = nil, timeZone: String? = nil,
    noColor: Bool = false, noCache: Bool = false, timer: Bool = false, baseURL: String? = nil,
    keyFile: String? = nil, report: String? = nil, quiet: Bool = false
  ) {
    self.mode = mode
    self.forceDemo = forceDemo
    self.format = format
    self.timeZone = timeZone
    self.noColor = noColor
    self.noCache = noCache
    self.timer = timer
    self.baseURL = baseURL
    self.keyFile = keyFile
    self.report = report
    self.quiet = quiet
  }
}
