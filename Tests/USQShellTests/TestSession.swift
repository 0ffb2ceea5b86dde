import Foundation
import USQDemo
import USQVocabulary

@testable import USQShell

/// A session on the demo organization with "now" fixed, writing into a buffer.
enum TestSession {
  /// 2026-11-30T12:00:00Z, the "now" of every script test.
  static let now: Int64 = 1_796_040_000

  static func make(output: TextBuffer, workingDirectory: String? = nil, width: Int = 100) -> Session
  {
    let now = Self.now
    let transport = DemoTransport(now: { now })
    let console = Console(out: { output.append($0) }, err: { output.append($0) })
    let terminal = TerminalFacts(
      stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false, width: width, height: 40,
      color: false, localeIsUTF8: true)
    let configuration = SessionConfiguration(
      console: console, terminal: terminal, now: { now }, endpoints: EndpointCatalog.all,
      dataSource: { settings in
        SessionSetup.demoDataSource(
          transport: transport, now: { now }, concurrency: settings.concurrency)
      },
      describeFailure: SessionSetup.describe, workingDirectory: workingDirectory)
    return Session(configuration: configuration, settings: Settings())
  }
}
