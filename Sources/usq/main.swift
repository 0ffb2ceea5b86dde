// TEMPORARY (branch `shell`): a stand-in for the real Session so the terminal tests
// (Tests/USQShellTests/TerminalTests.swift) can drive the REPL before the language and
// engine land. The lead replaces this whole file with the real command line.
import Foundation
import USQShell

/// Echoes statements; `load …` takes 2 s (cancellable) to stand in for a slow fetch.
@MainActor
final class TemporaryEchoHandler: StatementHandler {
  var completion: any CompletionSource { TemporaryCompletion() }

  func handle(_ statement: String) async -> HandleResult {
    if statement.hasPrefix("load") {
      do {
        try await Task.sleep(for: .seconds(2))
      } catch {
        return .failed(exitCode: 1)
      }
    }
    if statement.hasPrefix("fail") {
      FileHandle.standardError.write(Data("error: \(statement)\n".utf8))
      return .failed(exitCode: 1)
    }
    print("echo: " + statement.replacingOccurrences(of: "\n", with: " ⏎ "))
    return .continue
  }
}

/// A few fixed words in the places the real completion provider will offer them.
struct TemporaryCompletion: CompletionSource {
  func complete(line: String, cursor: Int) -> [String] {
    let before = String(decoding: Array(line.utf8).prefix(cursor), as: UTF8.self)
    let start = wordStart(line: line, cursor: cursor)
    let partial = String(decoding: Array(line.utf8)[start..<cursor], as: UTF8.self)
    let head = String(decoding: Array(line.utf8).prefix(start), as: UTF8.self)
    let words: [String]
    if head.hasSuffix("group=") || head.hasSuffix(",") && head.contains("group=") {
      words = ["project_id", "user_id", "api_key_id", "model", "batch", "service_tier"]
    } else if head.trimmingCharacters(in: .whitespaces).hasSuffix("|") || head.isEmpty {
      words = head.isEmpty ? ["load", "let", "help", "history", "quit"] : ["where", "sort", "sum", "select", "top", "chart"]
    } else if head.hasSuffix("load ") {
      words = ["completions", "costs", "embeddings", "moderations", "images"]
    } else if before.contains("|") {
      words = ["input_tokens", "output_tokens", "input_cached_tokens", "num_model_requests", "model", "project_id"]
    } else {
      words = ["days=", "hours=", "group=", "bucket="]
    }
    return words.filter { $0.hasPrefix(partial) }
  }
}

let environment = ProcessInfo.processInfo.environment
let facts = TerminalFacts.read(environment: environment)
if facts.stdinIsTTY {
  print("usq shell harness (temporary) · type statements, they are echoed · quit with Ctrl-D")
}
let reader = REPL.makeReader(facts: facts, historyPath: HistoryPath.resolve(environment: environment))
let code = await REPL(reader: reader, handler: TemporaryEchoHandler()).run()
exit(code)
