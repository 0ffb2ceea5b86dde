import Foundation
import USQEngine
import USQFrame
import USQLanguage
import USQRender

extension Session {
  /// Prints (or stores, or writes) a statement's result and makes it `_`.
  func emit(
    _ result: ExecutionResult, origin: Origin, source: SourceFile, plan: Plan,
    pipeline: PipelineSyntax
  ) -> Outcome {
    last = result.frame
    // The plan that ran: late-bound stages (after `read`, `pivot`) have their schemas there.
    lastCurrencies = currencies(of: result, plan: result.plan, pipeline: pipeline)
    switch result.output {
    case .stored(let name, let frame):
      frames[name] = frame
      frameCurrencies[name] = lastCurrencies
      console.out("\(name): \(Self.size(of: frame))\n")
    case .table(let frame):
      var hints = tableHints
      hints.currencies = lastCurrencies
      hints.preferred = NamedColumns.of(
        pipeline, plan: result.plan, source: source, result: frame)
      // The terminal text past the report, which records the table as HTML instead.
      configuration.console.out(render(frame, hints: hints, plan: plan))
      recordTable(frame, options: renderOptions(for: plan), hints: hints)
    case .chart(let request, let frame):
      guard settings.format == .table else {
        var hints = tableHints
        hints.currencies = lastCurrencies
        configuration.console.out(render(frame, hints: hints, plan: plan))
        recordTable(frame, options: renderOptions(for: plan), hints: hints)
        return .ok
      }
      do {
        let spec = Self.spec(Self.withDataInDefaultY(request, frame, pipeline))
        let options = renderOptions(for: plan)
        configuration.console.out(try ChartRenderer.render(frame, spec: spec, options: options))
        recordChart(frame, spec: spec, options: options)
      } catch {
        report([chartDiagnostic(error, plan: plan)], in: source, origin: origin)
        return .failed(exitCode: 1)
      }
    case .export(let request, let frame, let chart):
      return export(
        frame, request: request, chart: chart, source: source, origin: origin, plan: plan)
    }
    return .ok
  }

  /// The frame as the current format asks: a table, or csv/json/ndjson/md text.
  ///
  /// - Parameter hints: money columns' currencies and the columns the statement named.
  func render(_ frame: Frame, hints: TableHints? = nil, plan: Plan? = nil) -> String {
    switch settings.format {
    case .table:
      return TableRenderer.render(
        frame, options: renderOptions(for: plan), hints: hints ?? tableHints)
    case .csv: return Exporter.render(frame, format: .csv)
    case .json: return Exporter.render(frame, format: .json)
    case .ndjson: return Exporter.render(frame, format: .ndjson)
    case .md: return Exporter.render(frame, format: .md)
    }
  }

  /// The terminal's columns now (`SessionConfiguration.currentSize`, else as read at start).
  var terminalWidth: Int { configuration.currentSize()?.columns ?? configuration.terminal.width }

  /// The columns output is fitted to: `set width=N`, else the terminal's.
  var outputWidth: Int { settings.width ?? terminalWidth }

  func renderOptions() -> RenderOptions {
    let size = configuration.currentSize()
    return RenderOptions(
      width: settings.width ?? size?.columns ?? configuration.terminal.width,
      height: configuration.terminal.stdoutIsTTY
        ? size?.rows ?? configuration.terminal.height : nil,
      color: useColor(), charset: settings.charset,
      timeZone: Settings.parseTimeZone(settings.timeZone) ?? .utc, maxRows: settings.rows,
      now: configuration.now())
  }

  /// The render options for a statement's result: where its loaded data starts, so that a
  /// bucket beginning earlier (the first month after `bucket month`) is marked partial.
  func renderOptions(for plan: Plan?) -> RenderOptions {
    var options = renderOptions()
    if let plan, case .load(let request, _) = plan.source, request.bucketWidth != nil {
      options.dataStart = request.startTime
    }
    switch plan?.resultSchema.bucketWidth {
    case .hour?: options.bucketSeconds = 3_600
    case .day?: options.bucketSeconds = 86_400
    case .week?: options.bucketSeconds = 7 * 86_400
    case .seconds(let width)?: options.bucketSeconds = width
    case .month?, nil: break  // months differ in length: inferred from the rows
    }
    return options
  }

  /// All-null dimension columns are hidden with a hint naming the `group=` that fills them.
  var tableHints: TableHints {
    var fill: [String: String] = [:]
    for endpoint in configuration.endpoints {
      for field in endpoint.fields {
        if let key = field.groupKey, fill[field.name] == nil { fill[field.name] = "group=\(key)" }
      }
    }
    // `compare` keeps money money: the earlier amount and the change are dollars too.
    let money = ["amount": "currency", "amount_prev": "currency", "amount_change": "currency"]
    return TableHints(money: money, fill: fill)
  }

  /// The currency of each money column of the result: read from the frame the statement started
  /// from (or recorded for a stored one), then carried through the stages.
  private func currencies(of result: ExecutionResult, plan: Plan, pipeline: PipelineSyntax)
    -> [String: String]
  {
    var start = result.sourceCurrencies
    switch plan.source {
    case .stored(let name): start.merge(frameCurrencies[name] ?? [:]) { own, _ in own }
    case .last: start.merge(lastCurrencies) { own, _ in own }
    case .spend where start["amount"] == nil:
      start["amount"] = "usd"
    case .load(let request, _) where request.endpoint.kind == .costs && start["amount"] == nil:
      // No row to read it from (an empty window): the Costs API bills in US dollars.
      start["amount"] = "usd"
    default: break
    }
    var tracked = MoneyTracking(currencies: start).through(
      pipeline, plan: plan, stored: frameCurrencies, result: result.frame)
    // `compare`: the earlier amount and the change are in the amount's currency.
    for (column, code) in tracked where plan.comparison != nil {
      for suffix in ["_prev", "_change"] where result.frame[column + suffix] != nil {
        tracked[column + suffix] = code
      }
    }
    return tracked
  }

  static func spec(_ request: ChartRequest) -> ChartSpec {
    ChartSpec(
      ChartSpec.Kind(request.kind), x: request.x, y: request.y,
      by: request.by,
      title: request.title, width: request.width, height: request.height)
  }

  /// The chart with its default y moved off columns that hold no values: `load costs | chart bar`
  /// means `amount`, not the trailing `quantity` that only `group=line_item` fills.
  static func withDataInDefaultY(
    _ request: ChartRequest, _ frame: Frame, _ pipeline: PipelineSyntax
  ) -> ChartRequest {
    guard case .chart(_, let options)? = pipeline.stages.last?.kind,
      !options.contains(where: { $0.key.text == "y" }),
      request.y.allSatisfy({ name in frame[name].map { $0.nullCount == $0.count } ?? false }),
      let filled = frame.pairs.last(where: { $0.1.kind.isNumeric && $0.1.nullCount < $0.1.count })
    else { return request }
    var moved = request
    moved.y = [filled.0]
    return moved
  }

  static func size(of frame: Frame) -> String {
    let rows = NumberFormatting.grouped(Int64(frame.rowCount))
    let noun = frame.rowCount == 1 ? "row" : "rows"
    return "\(rows) \(noun) × \(frame.columnCount) \(frame.columnCount == 1 ? "column" : "columns")"
  }

  private func chartDiagnostic(_ error: any Error, plan: Plan) -> Diagnostic {
    let span = plan.stages.last?.span ?? .at(0)
    return Diagnostic.error("chart.failed", "\(error)", at: span, label: "in this chart")
  }

  // MARK: - Export

  private func export(
    _ frame: Frame, request: ExportRequest, chart: ChartRequest?, source: SourceFile,
    origin: Origin,
    plan: Plan
  ) -> Outcome {
    let path = resolve(request.path)
    let text: String
    let what: String
    switch request.format {
    case .svg:
      guard let chart else {
        report(
          [
            Diagnostic.error(
              "export.svg-needs-chart", "an svg export needs a chart stage before it",
              at: plan.stages.last?.span ?? .at(0),
              help: "add `| chart bar` (or another chart) before `| export \(request.path)`")
          ], in: source, origin: origin)
        return .failed(exitCode: 1)
      }
      do {
        text = try SVGChart.render(frame, spec: Self.spec(chart), options: renderOptions(for: plan))
        recorder?.add(.chart(svg: text))
      } catch {
        report([chartDiagnostic(error, plan: plan)], in: source, origin: origin)
        return .failed(exitCode: 1)
      }
      what = "\(chart.kind.rawValue) chart"
    case .data(let dataFormat):
      let format = Exporter.Format(dataFormat)
      text = Exporter.render(frame, format: format)
      what = "\(Self.size(of: frame)) as \(format.rawValue)"
    }
    do {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      let (reason, help) = Self.writeFailure(path: path, written: request.path)
      report(
        [
          Diagnostic.error(
            "export.write-failed", "cannot write '\(request.path)': \(reason)",
            at: request.pathSpan ?? plan.stages.last?.span ?? .at(0), label: reason,
            help: help)
        ], in: source, origin: origin)
      return .failed(exitCode: 1)
    }
    console.out(
      "wrote \(request.path): \(what), \(NumberFormatting.grouped(Int64(text.utf8.count))) bytes\n")
    return .ok
  }

  /// Why `path` could not be written, in plain words (Foundation's text names no cause), and
  /// what to do about it.
  static func writeFailure(path: String, written: String) -> (reason: String, help: String) {
    let folder = (path as NSString).deletingLastPathComponent
    let shown = (written as NSString).deletingLastPathComponent
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if !folder.isEmpty, !manager.fileExists(atPath: folder, isDirectory: &isDirectory) {
      return ("no folder '\(shown)'", "create it first (mkdir -p \(shown)), or export elsewhere")
    }
    if !folder.isEmpty, !isDirectory.boolValue {
      return ("'\(shown)' is a file, not a folder", "export into a folder")
    }
    if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      return ("it is a folder", "give a file name, e.g. \(written)/out.csv")
    }
    return ("permission denied", "check that the folder is writable")
  }

  /// `path` relative to the session's working folder.
  func resolve(_ path: String) -> String {
    guard !path.hasPrefix("/"), let base = configuration.workingDirectory else { return path }
    return base + "/" + path
  }
}
