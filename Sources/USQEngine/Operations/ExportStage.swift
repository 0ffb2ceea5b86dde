import USQLanguage

/// `export PATH [format=csv|json|ndjson|md]`: the output stage that writes the frame; the
/// format comes from the extension by default (csv when it says nothing); after `chart`,
/// `export PATH.svg` writes the chart as SVG.
///
/// ```
/// load completions days=30 group=model | sum input_tokens by model | export tokens.csv
/// ```
enum ExportStage {
  static let help = HelpTopic(
    name: "export", kind: .stage, usage: "export PATH [format=csv|json|ndjson|md]",
    details:
      "Writes the frame to PATH and says what was written; the format comes from the extension\n(csv by default). After a chart stage, export PATH.svg writes the chart as SVG.",
    examples: [
      "load completions days=30 group=model | sum input_tokens by model | export tokens.csv",
      "load completions | export usage.json format=ndjson",
      "load completions days=30 | chart bar | export usage.svg",
    ])

  static func bind(
    path: PathSyntax, format: ExportFormat?, options: [OptionSyntax], chart: ChartRequest?,
    _ state: inout BindState
  ) -> ExportRequest? {
    for option in options where option.key.text != "format" {
      state.report(unknownOption(option.key))
      return nil
    }
    let lowered = path.text.lowercased()
    if let format {
      return ExportRequest(path: path.text, format: .data(format), pathSpan: path.span)
    }
    if lowered.hasSuffix(".svg") {
      guard chart != nil else {
        state.report(svgWithoutChart(path))
        return nil
      }
      return ExportRequest(path: path.text, format: .svg, pathSpan: path.span)
    }
    let fromExtension = ExportFormat.allCases.first { lowered.hasSuffix(".\($0.rawValue)") }
    let markdown = lowered.hasSuffix(".markdown") ? ExportFormat.md : nil
    return ExportRequest(
      path: path.text, format: .data(fromExtension ?? markdown ?? .csv), pathSpan: path.span)
  }

  fileprivate static func svgWithoutChart(_ path: PathSyntax) -> Diagnostic {
    .error(
      "bind.svg-without-chart", "'export' writes SVG only after a 'chart' stage", at: path.span,
      label: "no chart to write", help: "add '| chart bar' (or another chart) before 'export'")
  }

  fileprivate static func unknownOption(_ key: Name) -> Diagnostic {
    .error(
      "bind.unknown-option", "unknown export option '\(key.text)'", at: key.span,
      label: "not an export option", notes: ["export options: format"])
  }
}
