import Foundation
import USQEngine
import USQFrame
import USQLanguage
import USQRender

/// One usq session: settings, stored frames, `_`, and the statements run so far.
///
/// The REPL, `usq -c` and scripts all run statements through `execute`. A session runs one
/// statement at a time; cancelling the task that runs it (Ctrl-C) cancels the statement,
/// fetches included, and leaves the stored frames as they were.
public actor Session {
  /// How a statement ended.
  public enum Outcome: Sendable, Equatable {
    case ok
    /// The statement failed; the exit code a script or `-c` ends with (1 or 3).
    case failed(exitCode: Int32)
    /// `quit` or `exit`.
    case quit
  }

  /// Where a statement's text came from, for diagnostics.
  public enum Origin: Sendable {
    /// Typed at the prompt (endpoint prefixes allowed).
    case prompt
    /// `usq -c`.
    case commandLine
    /// A script statement, mapped back to its file.
    case script(ScriptStatement, file: SourceFile)
  }

  let configuration: SessionConfiguration
  public internal(set) var settings: Settings
  var frames: [String: Frame] = [:]
  var last: Frame?
  /// The currency of the money columns of each stored frame and of `_` (see `MoneyTracking`).
  var frameCurrencies: [String: [String: String]] = [:]
  var lastCurrencies: [String: String] = [:]
  /// Project, user and key lists behind `names`, fetched once per source.
  let listCache = ListCache()
  /// The HTML report being recorded (`--report`, `set report=PATH`), if any.
  var recorder: ReportRecorder?
  /// The report's path as the user wrote it.
  var reportPath: String?
  /// Statements running (a script's statements run inside its `run`): the report is written when
  /// the outermost one ends.
  var depth = 0

  public init(configuration: SessionConfiguration, settings: Settings) {
    self.configuration = configuration
    self.settings = settings
  }

  /// Where statements write; while a report is on, a copy goes into it.
  var console: Console {
    guard let recorder else { return configuration.console }
    let console = configuration.console
    return Console(
      out: {
        console.out($0)
        recorder.output($0)
      },
      err: {
        console.err($0)
        recorder.diagnostic($0)
      })
  }

  /// Runs one statement (pipeline or shell command) and prints its result.
  public func execute(_ text: String, origin: Origin = .prompt) async -> Outcome {
    let source: SourceFile
    switch origin {
    case .script(let statement, _): source = statement.source
    default: source = SourceFile(text)
    }
    beginReportEntry(text, origin: origin)
    depth += 1
    defer {
      depth -= 1
      if depth == 0 { writeReport() }
    }
    let (statement, diagnostics) = Parser.parse(source)
    if diagnostics.hasErrors {
      report(diagnostics, in: source, origin: origin)
      return .failed(exitCode: 1)
    }
    switch statement {
    case .empty: return .ok
    case .command(let command): return await run(command, source: source, origin: origin)
    case .pipeline(let pipeline): return await run(pipeline, source: source, origin: origin)
    }
  }

  /// The engine's view of this session.
  func environment(origin: Origin) -> Environment {
    var acceptsPrefixes = false
    if case .prompt = origin { acceptsPrefixes = true }
    var environment = Environment(
      endpoints: configuration.endpoints, frames: frames, lastResult: last,
      now: configuration.now(),
      acceptsPrefixes: acceptsPrefixes, workingDirectory: configuration.workingDirectory,
      files: LocalFiles())
    if let zone = Settings.parseTimeZone(settings.timeZone), zone != .utc {
      environment.calendarZone = CalendarZone(name: settings.timeZone) { zone.offset(at: $0) }
    }
    return environment
  }

  var dataSource: any DataSource {
    configuration.dataSource(settings)
  }

  // MARK: - Pipelines

  private func run(_ pipeline: PipelineSyntax, source: SourceFile, origin: Origin) async -> Outcome
  {
    let (plan, diagnostics) = Binder(environment: environment(origin: origin)).bind(pipeline)
    var warnings = diagnostics
    if let plan {
      warnings += PipelineLints.check(pipeline, plan: plan, timeZoneOffset: timeZoneOffset)
    }
    report(warnings, in: source, origin: origin)
    guard let plan else { return .failed(exitCode: 1) }
    let result: ExecutionResult
    do {
      result = try await execute(plan, origin: origin)
    } catch {
      return reportFailure(
        error, at: pipeline.source.span, source: source, origin: origin,
        currency: Self.isCosts(plan) ? "usd" : nil)
    }
    report(result.warnings, in: source, origin: origin)
    if let lint = PipelineLints.checkPie(pipeline, rows: result.frame.rowCount) {
      report([lint], in: source, origin: origin)
    }
    let clock = ContinuousClock()
    let started = clock.now
    // The plan that ran: after `read`, its stages and output were bound when it ran.
    let outcome = emit(
      result, origin: origin, source: source, plan: result.plan, pipeline: pipeline)
    if settings.timer {
      let output = Self.outputVerb(result.plan.output).map {
        StageTiming(verb: $0, seconds: Self.seconds(clock.now - started))
      }
      console.err(StageTiming.line(result.timings, extra: output.map { [$0] } ?? []) + "\n")
    }
    return outcome
  }

  /// Runs a bound plan, with a progress line on stderr while it loads.
  private func execute(_ plan: Plan, origin: Origin) async throws -> ExecutionResult {
    let executor = Executor(
      environment: environment(origin: origin), dataSource: dataSource, listCache: listCache)
    let endpoint = Self.endpointName(plan)
    let progress = progressLine(for: plan)
    defer { progress?.finish() }
    progress?.update(FetchProgress(endpoint: endpoint, pagesDone: 0))
    return try await executor.run(plan) { done, total in
      progress?.update(FetchProgress(endpoint: endpoint, pagesDone: done, pagesExpected: total))
    }
  }

  private static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  /// - Parameter currency: the currency of `amount` in a failing row of `assert`.
  private func reportFailure(
    _ error: any Error, at span: Span, source: SourceFile, origin: Origin, currency: String? = nil
  ) -> Outcome {
    if error is CancellationError || Task.isCancelled {
      // The REPL says "cancelled"; a script or -c is simply interrupted.
      return .failed(exitCode: 130)
    }
    if let assertion = error as? AssertionFailed {
      reportAssertion(assertion, currency: currency)
      return .failed(exitCode: AssertionFailed.exitCode)
    }
    if let execution = error as? ExecutionError {
      let diagnostics = execution.diagnostics
      if diagnostics.isEmpty {
        report(
          [Diagnostic.error("run.failed", execution.description, at: span, label: "failed here")],
          in: source, origin: origin)
      } else {
        report(diagnostics, in: source, origin: origin)
      }
      return .failed(exitCode: 1)
    }
    let failure = configuration.describeFailure(error)
    report(
      [
        Diagnostic.error(
          "fetch.failed", failure.message, at: span, label: "while loading", notes: failure.notes,
          help: failure.help)
      ], in: source, origin: origin)
    return .failed(exitCode: failure.exitCode)
  }

  /// A progress line on stderr for loads, when stderr is a terminal.
  private func progressLine(for plan: Plan) -> ProgressLine? {
    guard configuration.terminal.stderrIsTTY else { return nil }
    switch plan.source {
    case .load, .spend: break
    default: return nil
    }
    return ProgressLine(
      enabled: true, width: terminalWidth, write: ProgressLine.writeToStderr)
  }

  static func endpointName(_ plan: Plan) -> String {
    if case .load(let request, _) = plan.source { return request.endpoint.name }
    if case .spend = plan.source { return "spend" }
    return plan.source.verb
  }

  /// The display time zone's offset from UTC now, in seconds.
  var timeZoneOffset: Int {
    (Settings.parseTimeZone(settings.timeZone) ?? .utc).offset(at: configuration.now())
  }

  static func outputVerb(_ output: PlanOutput) -> String? {
    switch output {
    case .table: nil
    case .chart: "chart"
    case .export: "export"
    }
  }

  // MARK: - Diagnostics

  /// `assertion failed: MESSAGE` and the first failing row, on stderr.
  private func reportAssertion(_ failure: AssertionFailed, currency: String?) {
    let rows = failure.failingRows == 1 ? "1 row fails" : "\(failure.failingRows) rows fail"
    var options = renderOptions()
    options.color = useColor(forErrors: true)
    var hints = tableHints
    hints.defaultCurrency = currency
    console.err(
      "\(failure.description)\nfirst failing row (row \(failure.rowNumber); \(rows)):\n"
        + TableRenderer.render(failure.row, options: options, hints: hints))
  }

  func report(_ diagnostics: [Diagnostic], in source: SourceFile, origin: Origin) {
    guard !diagnostics.isEmpty else { return }
    var file = source
    var shown = diagnostics
    var style = DiagnosticFormatter.Style.prompt
    if case .script(let statement, let scriptFile) = origin {
      file = scriptFile
      shown = diagnostics.map(statement.mapped)
      style = .script
    }
    let formatter = DiagnosticFormatter(
      style: style, decorator: useColor(forErrors: true) ? .ansi : nil, width: outputWidth)
    console.err(formatter.format(shown, in: file) + "\n")
  }

  func useColor(forErrors: Bool = false) -> Bool {
    switch settings.color {
    case .always: true
    case .never: false
    case .auto:
      configuration.terminal.color
        && (forErrors ? configuration.terminal.stderrIsTTY : configuration.terminal.stdoutIsTTY)
    }
  }
}
