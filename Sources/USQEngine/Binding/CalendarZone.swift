import USQFrame

/// The session's time zone as `bucket` needs it: its name and its offset from UTC at any
/// instant, so that `bucket day` in `Europe/Berlin` starts days at local midnight and a day
/// across a daylight-saving change is 23 or 25 hours long.
///
/// The offset function comes from the shell (Foundation's zone rules); nil in `Environment`
/// means UTC, which `bucket` uses without any shifting.
public struct CalendarZone: Sendable {
  /// The zone as the user wrote it (`Europe/Berlin`, `+02:00`).
  public var name: String
  /// Seconds east of UTC at an instant (seconds since the epoch, UTC).
  public var offset: @Sendable (Int64) -> Int

  /// Creates a zone.
  public init(name: String, offset: @escaping @Sendable (Int64) -> Int) {
    self.name = name
    self.offset = offset
  }

  /// The UTC instant of `local` (local wall-clock seconds counted as if UTC). Near a
  /// daylight-saving change the offset at the first guess may differ; one more step settles it.
  func instant(ofLocal local: Int64) -> Int64 {
    // Wrapping: a null slot's value is arbitrary and must not trap.
    let guess = local &- Int64(offset(local))
    return local &- Int64(offset(guess))
  }

  /// `frame` with `start_time` in local wall-clock seconds, so UTC-based flooring floors to
  /// local midnights, Mondays and first days of the month.
  func toLocal(_ frame: Frame) -> Frame {
    mapStart(frame) { $0 &+ Int64(offset($0)) }
  }

  /// `frame` with `start_time` (local wall-clock, after `toLocal` and bucketing) back in UTC.
  func toUTC(_ frame: Frame) -> Frame {
    mapStart(frame) { instant(ofLocal: $0) }
  }

  private func mapStart(_ frame: Frame, _ transform: (Int64) -> Int64) -> Frame {
    guard let index = frame.index(of: "start_time"), case .time(var column) = frame.columns[index]
    else { return frame }
    column.values = ContiguousArray(column.values.lazy.map(transform))
    var columns = frame.columns
    columns[index] = .time(column)
    return Frame(unchecked: Array(zip(frame.names, columns)))
  }
}
