import USQEngine
import USQLanguage
import USQVocabulary

extension Session {
  /// `help [TOPIC]`.
  func help(_ topic: Name?, source: SourceFile, origin: Origin) -> Outcome {
    answer(
      HelpCatalog(endpoints: configuration.endpoints).answer(topic), source: source, origin: origin)
  }

  /// `fields [ENDPOINT [FIELD]]`.
  func fields(_ endpoint: Name?, _ field: Name?, source: SourceFile, origin: Origin) -> Outcome {
    let catalog = FieldsCatalog(endpoints: configuration.endpoints)
    return answer(catalog.answer(endpoint: endpoint, field: field), source: source, origin: origin)
  }

  /// `explain PIPELINE`: the plan with the schema after each stage, and the HTTP requests.
  func explain(_ pipeline: PipelineSyntax, source: SourceFile, origin: Origin) -> Outcome {
    let (plan, diagnostics) = Binder(environment: environment(origin: origin)).bind(pipeline)
    report(diagnostics, in: source, origin: origin)
    guard let plan else { return .failed(exitCode: 1) }
    var text = plan.explain(dataSource: dataSource)
    if !text.hasSuffix("\n") { text += "\n" }
    if let client = dataSource as? ClientDataSource {
      let commands = plan.sourceRequests.flatMap(client.curlCommands)
      if !commands.isEmpty {
        text += "as curl\n" + commands.map { "  " + $0 + "\n" }.joined()
      }
    }
    console.out(text)
    return .ok
  }

  /// Tab-completion candidates for the line so far, from the session's current state.
  public func completionProvider() -> CompletionProvider {
    CompletionProvider(environment: environment(origin: .prompt))
  }

  private func answer(_ answer: CatalogAnswer, source: SourceFile, origin: Origin) -> Outcome {
    switch answer {
    case .text(let text):
      console.out(TextWrapping.wrapped(text, to: outputWidth))
      return .ok
    case .error(let diagnostic):
      report([diagnostic], in: source, origin: origin)
      return .failed(exitCode: 1)
    }
  }
}

/// Tab completion through the engine's completion provider.
struct EngineCompletion: CompletionSource {
  let provider: CompletionProvider

  func complete(line: String, cursor: Int) -> [String] {
    if Self.expectsPath(line: line, cursor: cursor) {
      return PathCompletion.candidates(line: line, cursor: cursor)
    }
    return provider.complete(line: line, cursor: cursor).candidates
  }

  func wordStart(line: String, cursor: Int) -> Int {
    if Self.expectsPath(line: line, cursor: cursor) {
      return PathCompletion.wordStart(line: line, cursor: cursor)
    }
    return provider.complete(line: line, cursor: cursor).replacing.start
  }

  /// Paths (after `read`, `export`, `run`) are completed from the file system.
  static func expectsPath(line: String, cursor: Int) -> Bool {
    let before = String(
      decoding: Array(line.utf8).prefix(PathCompletion.wordStart(line: line, cursor: cursor)),
      as: UTF8.self)
    if case .path = Completion.request(line: before, cursor: before.utf8.count).expected {
      return true
    }
    return false
  }
}
