/// Finds what is expected at the cursor of a partly typed line, for Tab completion.
public enum Completion {
  /// What kind of thing is expected at `cursor` in `line`, and the partial word before it.
  ///
  /// - Parameters:
  ///   - line: the line being edited.
  ///   - cursor: the 0-based UTF-8 offset of the cursor (clamped to the line).
  ///
  /// ```
  /// Completion.request(line: "load completions | su", cursor: 21)
  /// // expected: .stage, partial: "su"
  /// ```
  public static func request(line: String, cursor: Int) -> CompletionRequest {
    let bytes = Array(line.utf8)
    var cursor = min(max(cursor, 0), bytes.count)
    while cursor > 0, cursor < bytes.count, bytes[cursor] & 0xC0 == 0x80 { cursor -= 1 }
    let prefix = SourceFile(String(decoding: bytes[..<cursor], as: UTF8.self))
    var tokens = Parser.tokens(prefix).filter { $0.kind != .end }
    var partial = ""
    var partialSpan = Span.at(prefix.bytes.count)
    if let last = tokens.last, last.span.end == prefix.bytes.count,
      [.word, .value, .string, .integer, .duration, .invalid].contains(last.kind)
    {
      partial = last.text
      partialSpan = last.span
      tokens.removeLast()
    }
    var context = CompletionContext(source: prefix, tokens: tokens)
    return CompletionRequest(
      expected: context.expected(), partial: partial, partialSpan: partialSpan)
  }
}

/// The tokens before the partial word, and the rules that read them.
struct CompletionContext {
  let source: SourceFile
  var tokens: [Token]

  mutating func expected() -> CompletionRequest.Expected {
    guard let first = tokens.first else { return .statementStart }
    switch first.kind == .word ? first.text : "" {
    case "let":
      guard tokens.count >= 3, tokens[2].kind == .equal else { return .nothing }
      tokens.removeFirst(3)
      return tokens.isEmpty ? .statementStart : expected()
    case "explain":
      tokens.removeFirst()
      return tokens.isEmpty ? .statementStart : expected()
    case "watch":
      // `watch [every=DURATION] PIPELINE`: after the interval, a pipeline as at the prompt.
      tokens.removeFirst()
      if tokens.first?.isWord("every") ?? false {
        guard tokens.count > 3 else { return .nothing }
        tokens.removeFirst(3)
      }
      return tokens.isEmpty ? .statementStart : expected()
    default:
      break
    }
    if let pipe = tokens.lastIndex(where: { $0.kind == .pipe }) {
      return stageExpected(Array(tokens[(pipe + 1)...]), prefixEnd: tokens[pipe].span.start)
    }
    if first.kind == .word, CommandSyntax.verbs.contains(first.text) { return commandExpected() }
    return sourceExpected()
  }

  /// Inside the source part of a pipeline.
  func sourceExpected() -> CompletionRequest.Expected {
    let first = tokens[0]
    switch first.text {
    case "load":
      guard tokens.count >= 2 else { return .endpoint }
      let endpoint = tokens[1].text
      if let key = optionKeyBeforeValue() { return .optionValue(endpoint: endpoint, key: key) }
      return .optionKey(endpoint: endpoint)
    case "read": return tokens.count == 1 ? .path : .keyword(["|"])
    case "from": return tokens.count == 1 ? .frameName : .keyword(["|"])
    case "_": return .keyword(["|"])
    default: return .nothing
    }
  }

  /// The key of a `key=` whose value is being typed, if the cursor is in one.
  func optionKeyBeforeValue() -> String? {
    var index = tokens.count - 1
    while index >= 0,
      tokens[index].kind == .value || tokens[index].kind == .string || tokens[index].kind == .comma
    {
      index -= 1
    }
    guard index >= 1, tokens[index].kind == .equal, tokens[index - 1].kind == .word else {
      return nil
    }
    let valueStart = tokens[index].span.end
    let isAdjacent = !source.text(of: Span(start: valueStart, end: source.bytes.count)).contains(
      " ")
    return isAdjacent ? tokens[index - 1].text : nil
  }

  /// After `help`, `set`, `run`, … .
  func commandExpected() -> CompletionRequest.Expected {
    let verb = tokens[0].text
    let count = tokens.count
    switch verb {
    case "help": return .helpTopic
    case "fields":
      return count == 1 ? .endpoint : (count == 2 ? .field(endpoint: tokens[1].text) : .nothing)
    case "describe": return count == 1 ? .frameName : .nothing
    case "set":
      if let key = optionKeyBeforeValue() { return .settingValue(name: key) }
      return count == 1 ? .setting : .nothing
    case "run": return count == 1 ? .path : .nothing
    case "cache": return count == 1 ? .keyword(CacheAction.allCases.map(\.rawValue)) : .nothing
    default: return .nothing
    }
  }
}
