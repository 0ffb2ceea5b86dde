import Synchronization
import Testing

@testable import USQShell

/// Collects what a ProgressLine writes.
final class Captured: Sendable {
  private let text = Mutex("")
  var value: String { text.withLock { $0 } }
  var write: @Sendable (String) -> Void { { piece in self.text.withLock { $0 += piece } } }
}

@Suite struct ProgressLineTests {
  @Test("the progress text names pages, requests in flight and retries")
  func text() {
    #expect(
      FetchProgress(
        endpoint: "completions", pagesDone: 3, pagesExpected: 12, inFlight: 4, retries: 1
      ).text()
        == "fetching completions: 3/12 pages · 4 in flight · 1 retry")
    #expect(
      FetchProgress(endpoint: "costs", pagesDone: 2, pagesExpected: 12, inFlight: 0, retries: 3)
        .text()
        == "fetching costs: 2/12 pages · 3 retries")
    #expect(FetchProgress(endpoint: "costs", pagesDone: 1).text() == "fetching costs: 1 page")
    #expect(
      FetchProgress(endpoint: "costs", pagesDone: 0, pagesExpected: 1, inFlight: 1).text(
        ascii: true)
        == "fetching costs: 0/1 page - 1 in flight")
  }

  @Test("once the delay has passed, updates redraw the line and finish erases it")
  func drawsAndClears() {
    let out = Captured()
    let line = ProgressLine(enabled: true, width: 80, delay: .zero, write: out.write)
    line.update(FetchProgress(endpoint: "completions", pagesDone: 1, pagesExpected: 2, inFlight: 1))
    line.update(FetchProgress(endpoint: "completions", pagesDone: 1, pagesExpected: 2, inFlight: 1))
    line.finish()
    line.update(FetchProgress(endpoint: "completions", pagesDone: 2, pagesExpected: 2))
    #expect(
      out.value == "\r" + "fetching completions: 1/2 pages · 1 in flight" + "\u{1B}[K"
        + "\r\u{1B}[K")
  }

  @Test("work shorter than the delay shows nothing")
  func quickWorkIsSilent() {
    let out = Captured()
    let line = ProgressLine(enabled: true, width: 80, delay: .seconds(30), write: out.write)
    line.update(FetchProgress(endpoint: "completions", pagesDone: 1, pagesExpected: 2))
    line.finish()
    #expect(out.value == "")
  }

  @Test("disabled (stderr not a terminal) writes nothing")
  func disabled() {
    let out = Captured()
    let line = ProgressLine(enabled: false, width: 80, delay: .zero, write: out.write)
    line.update(FetchProgress(endpoint: "completions", pagesDone: 1))
    line.finish()
    #expect(out.value == "")
  }

  @Test("the line is cut to the width minus one")
  func cut() {
    let out = Captured()
    let line = ProgressLine(enabled: true, width: 20, delay: .zero, write: out.write)
    line.update(FetchProgress(endpoint: "completions", pagesDone: 3, pagesExpected: 12))
    line.finish()
    #expect(out.value == "\rfetching completion\u{1B}[K\r\u{1B}[K")
  }

  @Test("after the delay the line appears even without a new update")
  func appearsAfterDelay() async throws {
    let out = Captured()
    let line = ProgressLine(enabled: true, width: 80, delay: .milliseconds(50), write: out.write)
    line.update(FetchProgress(endpoint: "costs", pagesDone: 0, pagesExpected: 3, inFlight: 3))
    #expect(out.value == "")
    // Wait for the line rather than for a fixed time: a loaded machine may delay the timer.
    for _ in 0..<3_000 where out.value.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
    #expect(out.value == "\rfetching costs: 0/3 pages · 3 in flight\u{1B}[K")
    line.finish()
  }
}
