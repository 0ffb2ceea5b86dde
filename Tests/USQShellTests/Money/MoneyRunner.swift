import Foundation
import USQDemo
import USQEngine
import USQFrame
import USQLanguage
import USQOpenAI
import USQVocabulary

@testable import USQShell

/// Runs statements through the engine against a data source (the demo in-process, or a client
/// of a loopback server) and returns the frame.
struct MoneyRunner {
  let dataSource: any DataSource
  let now: Int64

  /// The demo organization of `seed`, in-process, at "now" = `now`.
  static func demo(seed: UInt64 = DemoOrganization.defaultSeed, now: Int64 = TestSession.now)
    -> MoneyRunner
  {
    let transport = DemoTransport(seed: seed, fixedNow: now)
    return MoneyRunner(
      dataSource: SessionSetup.demoDataSource(transport: transport, now: { now }), now: now)
  }

  var environment: Environment { Environment(endpoints: EndpointCatalog.all, now: now) }

  /// The result of `text`.
  func result(_ text: String) async throws -> ExecutionResult {
    let (statement, parseErrors) = Parser.parse(SourceFile(text))
    guard !parseErrors.hasErrors, case .pipeline(let pipeline) = statement else {
      throw MoneyError.statement(text, parseErrors.map(\.message))
    }
    let (plan, diagnostics) = Binder(environment: environment).bind(pipeline)
    guard let plan else { throw MoneyError.statement(text, diagnostics.map(\.message)) }
    return try await Executor(environment: environment, dataSource: dataSource).run(plan)
  }

  func frame(_ text: String) async throws -> Frame { try await result(text).frame }

  /// `column` of `frame` as doubles keyed by the string column `key` (null keys as "null").
  static func values(_ frame: Frame, key: String, column: String) -> [String: Double] {
    var result: [String: Double] = [:]
    for row in 0..<frame.rowCount {
      let name = frame[key]?[row].description ?? "null"
      result[name, default: 0] += frame[column]?[row].doubleValue ?? 0
    }
    return result
  }

  enum MoneyError: Error { case statement(String, [String]) }
}
