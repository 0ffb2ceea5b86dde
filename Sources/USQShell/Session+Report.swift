import Foundation
import USQEngine
import USQFrame
import USQLanguage
import USQRender

/// HTML reports: `usq run FILE --report out.html`, `set report=PATH`, `set report=off`.
///
/// While a report is on, every statement run at the top level (and each statement of a script it
/// runs) becomes an entry; the page is rewritten after each top-level statement, so it is
/// complete after a failure too, with the error in place of the failed statement's output.
extension Session {
  /// Starts recording into `path` (relative to the working folder).
  ///
  /// - Returns: why it cannot (the folder does not exist), or nil.
  public func startReport(
    path: String, title: String, parameters: [(name: String, value: String)] = []
  ) -> String? {
    let resolved = resolve(path)
    if let folder = ReportRecorder.missingFolder(of: resolved) {
      return "cannot write the report '\(path)': the folder '\(folder)' does not exist"
    }
    recorder = ReportRecorder(
      path: resolved, title: title, parameters: parameters, started: configuration.now())
    reportPath = path
    settings.report = path
    return nil
  }

  /// Writes the report one last time and stops recording.
  ///
  /// - Returns: why the page could not be written, or nil.
  @discardableResult
  public func finishReport() -> String? {
    defer {
      recorder = nil
      reportPath = nil
      settings.report = nil
    }
    return writeReport()
  }

  /// Writes the page as it stands; nil when written (or no report is on), else why not.
  @discardableResult
  func writeReport() -> String? {
    guard let recorder else { return nil }
    do {
      try recorder.write(zone: Settings.parseTimeZone(settings.timeZone) ?? .utc)
      return nil
    } catch {
      let message =
        "cannot write the report '\(reportPath ?? recorder.path)': \(Self.reason(error))"
      configuration.console.err("error: \(message)\n")
      return message
    }
  }

  /// Starts the entry of a statement, when recording.
  func beginReportEntry(_ text: String, origin: Origin) {
    guard let recorder else { return }
    switch origin {
    case .script(let statement, let file):
      // The lines as written in the script (parameters unreplaced, continuations included).
      let span = statement.fileSpan(statement.source.fullSpan)
      recorder.begin(line: statement.line, source: file.text(of: span))
    default:
      recorder.begin(line: nil, source: text)
    }
  }

  /// Records a table in its HTML form.
  func recordTable(_ frame: Frame, options: RenderOptions, hints: TableHints) {
    recorder?.add(.table(html: HTMLTable.render(frame, options: options, hints: hints)))
  }

  /// Records a chart as SVG (nothing when it cannot be drawn: the terminal said why).
  func recordChart(_ frame: Frame, spec: ChartSpec, options: RenderOptions) {
    guard let recorder, let svg = try? SVGChart.render(frame, spec: spec, options: options) else {
      return
    }
    recorder.add(.chart(svg: svg))
  }

  /// `set report=PATH|off`.
  func setReport(_ value: OptionValue, source: SourceFile, origin: Origin) -> Outcome {
    if value.text == "off" {
      finishReport()
      configuration.console.out("report = off\n")
      return .ok
    }
    if let path = reportPath, recorder != nil, resolve(path) == resolve(value.text) {
      configuration.console.out("report = \(path)\n")
      return .ok
    }
    finishReport()
    var title = "usq session"
    if case .script(_, let file) = origin { title = file.name }
    if let problem = startReport(path: value.text, title: title) {
      report(
        [
          .error(
            "set.report-folder", problem, at: value.span, label: "no such folder",
            help: "create the folder first, or write the report elsewhere (`set report=out.html`)")
        ], in: source, origin: origin)
      return .failed(exitCode: 1)
    }
    configuration.console.out(
      "report = \(value.text) (rewritten after each statement; `set report=off` ends it)\n")
    return .ok
  }
}
