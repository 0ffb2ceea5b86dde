import Foundation
import USQEngine
import USQFrame
import USQLanguage
import USQRender

extension Session {
  /// Runs a shell command (`help`, `set`, `frames`, …).
  func run(_ command: CommandSyntax, source: SourceFile, origin: Origin) async -> Outcome {
    switch command.kind {
    case .quit: return .quit
    case .settings: console.out(settingsTable())
    case .frames: console.out(framesTable())
    case .history:
      // The interactive shell answers `history` from its line editor; scripts have none.
      console.out("history is kept by the interactive shell (USQ_HISTORY)\n")
    case .cache(let action):
      if action == .clear { await listCache.clear() }
      console.out(configuration.cacheCommand(action))
    case .set(let name, let value): return await set(name, value, source: source, origin: origin)
    case .describe(let name): return describe(name, source: source, origin: origin)
    case .run(let path, let arguments):
      return await runScript(
        path: path.text, parameters: arguments.map { ($0.key.text, $0.rawText) }, span: path.span,
        source: source, origin: origin)
    case .help(let topic): return help(topic, source: source, origin: origin)
    case .fields(let endpoint, let field):
      return fields(endpoint, field, source: source, origin: origin)
    case .explain(let pipeline): return explain(pipeline, source: source, origin: origin)
    case .watch(let every, let pipeline):
      return await watch(pipeline, every: every, verb: command.verb, source: source, origin: origin)
    }
    return .ok
  }

  // MARK: - set, settings, frames

  private func set(_ name: Name, _ value: OptionValue, source: SourceFile, origin: Origin) async
    -> Outcome
  {
    if name.text == "report" { return setReport(value, source: source, origin: origin) }
    let previousSource = settings.source
    switch settings.set(name.text, to: value.text) {
    case nil:
      if settings.source != previousSource { await listCache.clear() }
      console.out("\(name.text) = \(settings.value(of: name.text) ?? value.text)\n")
      return .ok
    case .unknownSetting(let unknown):
      var help = "settings are " + Settings.names.map { "'\($0)'" }.joined(separator: ", ")
      if let guess = DidYouMean.best(for: unknown, among: Settings.names) {
        help = "did you mean '\(guess)'?"
      }
      report(
        [
          .error(
            "set.unknown-setting", "unknown setting '\(unknown)'", at: name.span,
            label: "not a setting", help: help)
        ], in: source, origin: origin)
    case .invalidValue(let setting, let bad, let accepted):
      report(
        [
          .error(
            "set.invalid-value", "'\(bad)' is not a value of '\(setting)'", at: value.span,
            label: "expected \(accepted)")
        ], in: source, origin: origin)
    }
    return .failed(exitCode: 1)
  }

  private func settingsTable() -> String {
    let names = Settings.names
    let frame = Frame(unchecked: [
      ("setting", .string(StringColumn(names.map { Optional($0) }))),
      // `auto` says what it is now: the terminal's width follows a resized window.
      (
        "value",
        .string(
          StringColumn(
            names.map { name in
              name == "width" && settings.width == nil
                ? "auto (\(terminalWidth))" : settings.value(of: name)
            }))
      ),
      ("accepts", .string(StringColumn(names.map { Optional(Settings.accepted($0)) }))),
    ])
    return TableRenderer.render(frame, options: renderOptions(), hints: TableHints())
  }

  private func framesTable() -> String {
    var names = frames.keys.sorted()
    if last != nil { names.append("_") }
    guard !names.isEmpty else { return "no stored frames yet: `let NAME = PIPELINE` stores one\n" }
    let chosen = names.map { $0 == "_" ? last ?? .empty : frames[$0] ?? .empty }
    let frame = Frame(unchecked: [
      ("name", .string(StringColumn(names.map { Optional($0) }))),
      ("rows", .int(IntColumn(values: ContiguousArray(chosen.map { Int64($0.rowCount) })))),
      ("columns", .int(IntColumn(values: ContiguousArray(chosen.map { Int64($0.columnCount) })))),
      ("names", .string(StringColumn(chosen.map { Optional($0.names.joined(separator: ", ")) }))),
    ])
    return TableRenderer.render(frame, options: renderOptions(), hints: TableHints())
  }

  // MARK: - describe

  private func describe(_ name: Name?, source: SourceFile, origin: Origin) -> Outcome {
    let frame: Frame?
    if let name, name.text != "_" {
      frame = frames[name.text]
      if frame == nil {
        let stored = frames.keys.sorted()
        let help =
          DidYouMean.best(for: name.text, among: stored).map { "did you mean '\($0)'?" }
          ?? (stored.isEmpty
            ? "no frames are stored yet" : "stored frames: " + stored.joined(separator: ", "))
        report(
          [
            .error(
              "describe.unknown-frame", "no stored frame '\(name.text)'", at: name.span,
              label: "not stored", help: help)
          ], in: source, origin: origin)
        return .failed(exitCode: 1)
      }
    } else {
      frame = last
    }
    guard let frame else {
      console.err("nothing to describe yet: run a pipeline first, or name a stored frame\n")
      return .failed(exitCode: 1)
    }
    console.out("\(Self.size(of: frame))\n")
    console.out(
      TableRenderer.render(
        FrameDescription.describe(frame), options: renderOptions(), hints: TableHints()))
    return .ok
  }
}
