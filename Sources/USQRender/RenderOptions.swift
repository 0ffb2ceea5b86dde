import Foundation

/// Everything a renderer needs to know about where its text goes.
///
/// Renderers never read the terminal, the clock or the environment: the shell reads those once and
/// passes them here as values.
public struct RenderOptions: Sendable, Equatable {
  /// The available width, in display columns. Output never exceeds it.
  public var width: Int
  /// The available height for charts, in lines (nil = unbounded). Charts never exceed it.
  public var height: Int?
  /// Whether ANSI colour escapes may be written.
  public var color: Bool
  /// The glyph set: Unicode (box drawing, blocks, Braille) or plain ASCII.
  public var charset: Charset
  /// The zone timestamps are shown in (tables, chart labels, heatmap days and hours).
  public var timeZone: RenderTimeZone
  /// The most rows a table shows before `… N more rows`.
  public var maxRows: Int
  /// "Now", seconds since the epoch, UTC: a time bucket ending after it is marked in progress
  /// (nil = mark nothing).
  public var now: Int64?
  /// Where the loaded data begins, seconds since the epoch, UTC: a time bucket starting before it
  /// holds only part of its period and is marked partial (nil = the data has no known start).
  public var dataStart: Int64?
  /// The width of the frame's time buckets in seconds when the pipeline knows it (`bucket=1d`,
  /// `bucket week`); nil = inferred from `end_time - start_time`, which a frame of only the
  /// bucket in progress (ending at "now") would get wrong.
  public var bucketSeconds: Int64?

  /// Options with explicit values; the defaults suit an 80-column UTF-8 terminal without colour.
  public init(
    width: Int = 80,
    height: Int? = nil,
    color: Bool = false,
    charset: Charset = .unicode,
    timeZone: RenderTimeZone = .utc,
    maxRows: Int = 40,
    now: Int64? = nil,
    dataStart: Int64? = nil
  ) {
    self.width = width
    self.height = height
    self.color = color
    self.charset = charset
    self.timeZone = timeZone
    self.maxRows = maxRows
    self.now = now
    self.dataStart = dataStart
  }
}

/// The glyphs renderers may use.
public enum Charset: String, Sendable, Equatable, CaseIterable {
  /// Box drawing, block elements, Braille, `…`.
  case unicode
  /// Printable ASCII only.
  case ascii
}

/// The time zone timestamps are shown in: a fixed offset or a Foundation zone (with its daylight rules).
public enum RenderTimeZone: Sendable, Equatable {
  /// A fixed offset east of UTC, in seconds (`+02:00` is 7200).
  case fixed(seconds: Int)
  /// A zone whose offset depends on the instant.
  case zone(TimeZone)

  /// Coordinated Universal Time.
  public static let utc = RenderTimeZone.fixed(seconds: 0)

  /// The offset east of UTC, in seconds, at `instant` (seconds since the epoch, UTC).
  public func offset(at instant: Int64) -> Int {
    switch self {
    case .fixed(let seconds): seconds
    case .zone(let zone):
      zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }
  }
}
