import Foundation
import USQLanguage

extension Session {
  /// Runs a `.usq` script: statements one by one, stopping at the first error.
  ///
  /// Named on the command line (`usq run FILE`, no `span`), a missing script or an override the
  /// script does not declare is a bad command line (exit 2, LANGUAGE.md "Command line"); from a
  /// `run` statement it is an error in a statement (1).
  ///
  /// - Parameters:
  ///   - parameters: `NAME=VALUE` overrides of the script's `param` defaults.
  ///   - span: where the script was named (for an unreadable file), in `source`.
  public func runScript(
    path: String, parameters: [(String, String)], span: Span? = nil, source: SourceFile? = nil,
    origin: Origin = .commandLine
  ) async -> Outcome {
    let isInvocation = span == nil
    let text: String
    do {
      text = try String(contentsOfFile: resolve(path), encoding: .utf8)
    } catch {
      let message = "cannot read script '\(path)': \(Self.reason(error))"
      if let span, let source {
        report(
          [.error("run.unreadable", message, at: span, label: "no such script")], in: source,
          origin: origin)
      } else {
        console.err("error: \(message)\n")
      }
      return .failed(exitCode: isInvocation ? 2 : 1)
    }
    let file = SourceFile(text, name: path)
    let (script, diagnostics) = Script.parse(
      file, overrides: Dictionary(parameters, uniquingKeysWith: { $1 }))
    if diagnostics.hasErrors {
      let formatter = DiagnosticFormatter(
        style: .script, decorator: useColor(forErrors: true) ? .ansi : nil, width: outputWidth)
      console.err(formatter.format(diagnostics, in: file) + "\n")
      let isBadOverride = diagnostics.contains { $0.id == "script.unknown-override" }
      return .failed(exitCode: isBadOverride && isInvocation ? 2 : 1)
    }
    if depth == 0 {
      // The script the report is about (run from the command line): its parameters in effect.
      recorder?.setParameters(script.parameters.map { ($0.name.text, $0.value ?? "") })
    }
    for statement in script.statements {
      let outcome = await execute(statement.source.text, origin: .script(statement, file: file))
      if outcome != .ok { return outcome == .quit ? .ok : outcome }
    }
    return .ok
  }

  static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError {
      return "no such file"
    }
    return nsError.localizedDescription
  }
}
