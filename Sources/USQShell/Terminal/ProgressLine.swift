import CLibEdit
import Synchronization

/// The state of a running load, as the fetcher reports it.
public struct FetchProgress: Sendable, Equatable {
  /// The endpoint being fetched, e.g. `completions`.
  public var endpoint: String
  public var pagesDone: Int
  /// Pages expected in total, when the window planner knows.
  public var pagesExpected: Int?
  public var inFlight: Int
  public var retries: Int

  public init(
    endpoint: String, pagesDone: Int, pagesExpected: Int? = nil, inFlight: Int = 0, retries: Int = 0
  ) {
    self.endpoint = endpoint
    self.pagesDone = pagesDone
    self.pagesExpected = pagesExpected
    self.inFlight = inFlight
    self.retries = retries
  }

  /// `fetching completions: 3/12 pages · 4 in flight · 1 retry`; parts that are zero are left
  /// out, and `ascii` uses ` - ` instead of ` · `.
  public func text(ascii: Bool = false) -> String {
    var parts: [String] = []
    if let expected = pagesExpected {
      parts.append("\(pagesDone)/\(expected) \(expected == 1 ? "page" : "pages")")
    } else {
      parts.append("\(pagesDone) \(pagesDone == 1 ? "page" : "pages")")
    }
    if inFlight > 0 { parts.append("\(inFlight) in flight") }
    if retries > 0 { parts.append("\(retries) \(retries == 1 ? "retry" : "retries")") }
    return "fetching \(endpoint): " + parts.joined(separator: ascii ? " - " : " · ")
  }
}

/// One self-rewriting line on stderr showing a load's progress. It appears only when enabled
/// (stderr is a terminal) and the work has lasted longer than `delay`, and is erased by `finish()`.
/// Safe to update from any task.
public final class ProgressLine: Sendable {
  private struct State {
    var latest: FetchProgress?
    var drawn: String?
    var finished = false
  }

  private let enabled: Bool
  private let width: Int
  private let ascii: Bool
  private let delay: Duration
  private let started: ContinuousClock.Instant
  private let write: @Sendable (String) -> Void
  private let state = Mutex(State())

  /// - Parameters:
  ///   - enabled: pass `TerminalFacts.stderrIsTTY`; when false every call does nothing.
  ///   - width: terminal columns; the line is cut to `width - 1`.
  ///   - write: where the escape sequences go (stderr by default; tests capture them).
  public init(
    enabled: Bool, width: Int, ascii: Bool = false, delay: Duration = .milliseconds(500),
    write: @escaping @Sendable (String) -> Void = ProgressLine.writeToStderr
  ) {
    self.enabled = enabled
    self.width = max(width, 10)
    self.ascii = ascii
    self.delay = delay
    self.started = .now
    self.write = write
    guard enabled else { return }
    Task.detached { [weak self, delay] in
      try? await Task.sleep(for: delay)
      while let line = self, !Task.isCancelled {
        if !line.redraw() { return }
        try? await Task.sleep(for: .milliseconds(100))
      }
    }
  }

  /// Records the latest progress, and shows it once `delay` has passed.
  public func update(_ progress: FetchProgress) {
    guard enabled else { return }
    state.withLock { $0.latest = progress }
    if ContinuousClock.now - started >= delay { _ = redraw() }
  }

  /// Erases the line if it was shown; later updates are ignored.
  public func finish() {
    guard enabled else { return }
    state.withLock { state in
      guard !state.finished else { return }
      state.finished = true
      if state.drawn != nil { write("\r\u{1B}[K") }
    }
  }

  /// Draws the latest progress if it changed; false once finished.
  private func redraw() -> Bool {
    state.withLock { state in
      guard !state.finished else { return false }
      guard let latest = state.latest else { return true }
      let text = String(latest.text(ascii: ascii).prefix(width - 1))
      if text != state.drawn {
        write("\r" + text + "\u{1B}[K")
        state.drawn = text
      }
      return true
    }
  }

  /// Writes to stderr and flushes.
  public static let writeToStderr: @Sendable (String) -> Void = { text in
    var error: Int32 = 0
    _ = usq_write(usq_stderr(), text, &error)
  }
}
