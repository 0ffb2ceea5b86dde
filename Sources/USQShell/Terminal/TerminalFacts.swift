import CLibEdit

/// What usq knows about its terminal, read once at start and passed down as a value.
public struct TerminalFacts: Sendable, Equatable {
  public var stdinIsTTY: Bool
  public var stdoutIsTTY: Bool
  public var stderrIsTTY: Bool
  /// Columns: `COLUMNS`, then the window size of stdout (then stderr, stdin), then 80.
  public var width: Int
  /// Rows: `LINES`, then the window size, then 24.
  public var height: Int
  /// Colour is allowed: stdout is a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`.
  public var color: Bool
  /// The locale from the environment was UTF-8 (before usq switched `LC_CTYPE` to `C.UTF-8`).
  public var localeIsUTF8: Bool

  public init(
    stdinIsTTY: Bool, stdoutIsTTY: Bool, stderrIsTTY: Bool, width: Int, height: Int, color: Bool,
    localeIsUTF8: Bool
  ) {
    self.stdinIsTTY = stdinIsTTY
    self.stdoutIsTTY = stdoutIsTTY
    self.stderrIsTTY = stderrIsTTY
    self.width = width
    self.height = height
    self.color = color
    self.localeIsUTF8 = localeIsUTF8
  }

  /// Reads the facts of this process. Also sets up the locale (see `usq_locale_setup`).
  public static func read(environment: [String: String]) -> TerminalFacts {
    let localeWasUTF8 = usq_locale_setup() == 1
    let stdinTTY = usq_isatty(0) == 1
    let stdoutTTY = usq_isatty(1) == 1
    let stderrTTY = usq_isatty(2) == 1
    let size = windowSize()
    return TerminalFacts(
      stdinIsTTY: stdinTTY,
      stdoutIsTTY: stdoutTTY,
      stderrIsTTY: stderrTTY,
      width: resolveWidth(environment: environment, windowColumns: size?.columns),
      height: resolveHeight(environment: environment, windowRows: size?.rows),
      color: resolveColor(environment: environment, stdoutIsTTY: stdoutTTY),
      localeIsUTF8: localeWasUTF8
    )
  }

  /// `COLUMNS` when it is a positive integer, else the window's columns, else 80.
  public static func resolveWidth(environment: [String: String], windowColumns: Int?) -> Int {
    if let value = environment["COLUMNS"].flatMap({ Int($0.trimmingBlanks()) }), value > 0 {
      return value
    }
    if let columns = windowColumns, columns > 0 { return columns }
    return 80
  }

  /// `LINES` when it is a positive integer, else the window's rows, else 24.
  public static func resolveHeight(environment: [String: String], windowRows: Int?) -> Int {
    if let value = environment["LINES"].flatMap({ Int($0.trimmingBlanks()) }), value > 0 {
      return value
    }
    if let rows = windowRows, rows > 0 { return rows }
    return 24
  }

  /// Colour is on only for a terminal, without `NO_COLOR` (non-empty) and with `TERM` not `dumb`.
  public static func resolveColor(environment: [String: String], stdoutIsTTY: Bool) -> Bool {
    guard stdoutIsTTY else { return false }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    if environment["TERM"] == "dumb" { return false }
    return true
  }

  /// The window size of the first of stdout, stderr, stdin that is a terminal.
  public static func windowSize() -> (columns: Int, rows: Int)? {
    for fd: Int32 in [1, 2, 0] {
      var columns: Int32 = 0
      var rows: Int32 = 0
      var error: Int32 = 0
      if usq_terminal_size(fd, &columns, &rows, &error) == 0 {
        return (Int(columns), Int(rows))
      }
    }
    return nil
  }
}
