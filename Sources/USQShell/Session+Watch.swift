import Foundation
import USQEngine
import USQFrame
import USQLanguage
import USQRender

extension Session {
  /// `watch [every=DURATION] PIPELINE`: the pipeline's table or chart in the terminal's
  /// alternate screen, run again every DURATION (default 60 s), with the time of the last
  /// refresh, a countdown and the requests the refresh made. Only buckets that were not final
  /// are fetched again (`WatchDataSource`). `q` or Ctrl-C returns to the prompt with the last
  /// result as `_`; a resize redraws. Not available in scripts.
  func watch(
    _ pipeline: PipelineSyntax, every interval: WatchInterval?, verb: Name, source: SourceFile,
    origin: Origin
  ) async -> Outcome {
    if let problem = watchProblem(pipeline, verb: verb, origin: origin) {
      report([problem], in: source, origin: origin)
      return .failed(exitCode: 1)
    }
    let (plan, diagnostics) = Binder(environment: environment(origin: origin)).bind(pipeline)
    report(diagnostics, in: source, origin: origin)
    guard plan != nil else { return .failed(exitCode: 1) }
    var screen = WatchScreen(
      // The screen goes to the terminal only: a report being recorded gets no escape codes.
      every: interval?.seconds ?? WatchInterval.defaultSeconds, keys: RawKeys(),
      write: configuration.console.out)
    screen.enter()
    let memory = WatchDataSource.Memory()
    var refreshes = 0
    var latest = WatchRun.failure("")
    var next = WatchScreen.Event.refresh
    while !Task.isCancelled, next != .quit {
      if next == .refresh {
        if refreshes > 0 { configuration.advanceClock() }
        latest = await watchRun(pipeline, source: source, memory: memory)
        refreshes += 1
        screen.refreshed(
          at: watchClockText(configuration.now()), requests: memory.takeRequestCount())
      }
      let size = TerminalFacts.windowSize()
      screen.show(watchText(latest, pipeline: pipeline, columns: size?.columns, rows: size?.rows))
      next = await screen.nextEvent()
    }
    screen.leave()
    let rows = last.map { Self.size(of: $0) } ?? "no result"
    let times = refreshes == 1 ? "1 refresh" : "\(refreshes) refreshes"
    console.out("watch stopped after \(times); `_` is the last result (\(rows))\n")
    return .ok
  }

  /// Why `pipeline` cannot be watched here, if it cannot.
  private func watchProblem(_ pipeline: PipelineSyntax, verb: Name, origin: Origin) -> Diagnostic? {
    if case .script = origin {
      return .error(
        "watch.in-script", "'watch' is not available in scripts", at: verb.span,
        label: "needs the interactive shell",
        help: "run it at the prompt; a script can guard a limit with '| assert …'")
    }
    let terminal = configuration.terminal
    guard terminal.stdinIsTTY, terminal.stdoutIsTTY else {
      return .error(
        "watch.no-terminal", "'watch' needs a terminal (stdin and stdout)", at: verb.span,
        label: "not a terminal", help: "run the pipeline without 'watch', e.g. from cron")
    }
    if let binding = pipeline.binding {
      return .error(
        "watch.let", "'watch' shows a table or chart; 'let \(binding.text) = …' would store it",
        at: binding.span, label: "remove 'let'",
        help: "after 'q', `_` holds the last result: 'let \(binding.text) = _' stores it")
    }
    if let export = pipeline.stages.last(where: {
      if case .export = $0.kind { true } else { false }
    }) {
      return .error(
        "watch.export", "'watch' shows a table or chart, and cannot 'export' on every refresh",
        at: export.verb.span, label: "remove 'export'",
        help: "export after 'q': '_ | export FILE'")
    }
    return nil
  }

  /// Runs the pipeline once (through `memory`), making its frame `_`.
  private func watchRun(
    _ pipeline: PipelineSyntax, source: SourceFile, memory: WatchDataSource.Memory
  ) async -> WatchRun {
    let environment = environment(origin: .prompt)
    let (plan, diagnostics) = Binder(environment: environment).bind(pipeline)
    let formatter = DiagnosticFormatter(style: .prompt, decorator: useColor() ? .ansi : nil)
    guard let plan else { return .failure(formatter.format(diagnostics, in: source)) }
    let dataSource = WatchDataSource(base: dataSource, memory: memory, now: configuration.now)
    let executor = Executor(
      environment: environment, dataSource: dataSource, listCache: listCache)
    do {
      let result = try await executor.run(plan)
      last = result.frame
      return .result(result, isCosts: Self.isCosts(plan))
    } catch let failure as ExecutionError where !failure.diagnostics.isEmpty {
      return .failure(formatter.format(failure.diagnostics, in: source))
    } catch let failure as AssertionFailed {
      return .failure(failure.description)
    } catch {
      return .failure("error: \(configuration.describeFailure(error).message)")
    }
  }

  /// The table or chart of `run` for a screen of `columns` × `rows`, or its error.
  private func watchText(_ run: WatchRun, pipeline: PipelineSyntax, columns: Int?, rows: Int?)
    -> String
  {
    guard case .result(let result, let isCosts) = run else {
      if case .failure(let text) = run { return text }
      return ""
    }
    var options = renderOptions()
    options.width = settings.width ?? columns ?? options.width
    options.height = rows.map { max($0 - WatchScreen.statusRows, 4) }
    switch result.output {
    case .chart(let request, let frame):
      let spec = Self.spec(Self.withDataInDefaultY(request, frame, pipeline))
      return (try? ChartRenderer.render(frame, spec: spec, options: options))
        ?? "error: this chart cannot be drawn at this size"
    case .table(let frame), .stored(_, let frame), .export(_, let frame, _):
      var hints = tableHints
      hints.defaultCurrency = isCosts ? "usd" : nil
      return TableRenderer.render(frame, options: options, hints: hints)
    }
  }

  /// `12:00:10` in the session's time zone.
  private func watchClockText(_ instant: Int64) -> String {
    let zone = Settings.parseTimeZone(settings.timeZone) ?? .utc
    let civil = TimeFormatting.civil(instant, offset: zone.offset(at: instant))
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(two(civil.hour)):\(two(civil.minute)):\(two(civil.second))"
  }
}

/// What one `watch` refresh gave.
enum WatchRun {
  /// The statement's result; `isCosts` shows `amount` in dollars.
  case result(ExecutionResult, isCosts: Bool)
  /// Its errors, as the screen shows them.
  case failure(String)
}

extension Session {
  /// Whether the statement loaded costs (the Costs API bills in US dollars): the currency of
  /// `amount` in a failing row of `assert` and on the `watch` screen.
  static func isCosts(_ plan: Plan) -> Bool {
    if case .load(let request, _) = plan.source { return request.endpoint.kind == .costs }
    return false
  }
}
