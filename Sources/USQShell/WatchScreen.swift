/// The alternate screen of `watch`: a status line (every, last refresh, countdown, requests),
/// a blank line, then the pipeline's output, redrawn in place.
struct WatchScreen {
  /// What ends a wait.
  enum Event: Equatable {
    /// The interval is over: run the pipeline again.
    case refresh
    /// The terminal's size changed: draw the last result again.
    case resize
    /// `q`, `Q`, Esc or Ctrl-C.
    case quit
  }

  /// Rows above the output.
  static let statusRows = 2

  /// Seconds between refreshes.
  let every: Int64
  let keys: RawKeys
  let write: @Sendable (String) -> Void
  private var isActive = false
  private var body = ""
  private var refreshedAt = ""
  private var requests = 0
  private var deadline = ContinuousClock.now
  private var size = TerminalFacts.windowSize()

  init(every: Int64, keys: RawKeys, write: @escaping @Sendable (String) -> Void) {
    self.every = every
    self.keys = keys
    self.write = write
  }

  /// Switches to the alternate screen and hides the cursor.
  mutating func enter() {
    write("\u{1B}[?1049h\u{1B}[?25l")
    isActive = true
  }

  /// Back to the normal screen, cursor and keys as they were (once).
  mutating func leave() {
    guard isActive else { return }
    isActive = false
    write("\u{1B}[?25h\u{1B}[?1049l")
    keys.restore()
  }

  /// Notes a refresh; the next one is due `every` seconds from now.
  mutating func refreshed(at time: String, requests: Int) {
    refreshedAt = time
    self.requests = requests
    deadline = ContinuousClock.now + .seconds(every)
  }

  /// Draws `body` under the status line.
  mutating func show(_ body: String) {
    self.body = body
    size = TerminalFacts.windowSize()
    let rows = size.map { max($0.rows - Self.statusRows, 1) } ?? Int.max
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false).prefix(rows)
    write(
      "\u{1B}[H\u{1B}[2J" + status + "\n\n" + lines.joined(separator: "\n"))
  }

  /// Waits for the next refresh, a resize or a key that quits, updating the countdown.
  mutating func nextEvent() async -> Event {
    var shownSeconds = secondsLeft
    while ContinuousClock.now < deadline {
      let typed = keys.pending()
      if typed.contains(where: { [3, 27, UInt8(ascii: "q"), UInt8(ascii: "Q")].contains($0) }) {
        return .quit
      }
      let current = TerminalFacts.windowSize()
      if current?.columns != size?.columns || current?.rows != size?.rows { return .resize }
      if secondsLeft != shownSeconds {
        shownSeconds = secondsLeft
        write("\u{1B}[H" + status + "\u{1B}[K")
      }
      do {
        try await Task.sleep(for: .milliseconds(100))
      } catch {
        return .quit
      }
    }
    return .refresh
  }

  private var secondsLeft: Int64 {
    let left = deadline - ContinuousClock.now
    return max(0, left.components.seconds + (left.components.attoseconds > 0 ? 1 : 0))
  }

  /// `watch every 10s · refreshed 12:00:10 · next in 7s · 2 requests · q to stop`
  var status: String {
    let noun = requests == 1 ? "request" : "requests"
    return
      "watch every \(every)s · refreshed \(refreshedAt) · next in \(secondsLeft)s · \(requests) \(noun) · q to stop"
  }
}
