import Testing

@testable import USQLanguage

/// Parses `text` and returns the dump of the statement, recording any diagnostic as an issue.
func dump(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
  let (statement, diagnostics) = Parser.parse(SourceFile(text))
  for diagnostic in diagnostics {
    Issue.record(
      "unexpected diagnostic: \(diagnostic.id) \(diagnostic.message) at \(diagnostic.span)",
      sourceLocation: sourceLocation)
  }
  return SyntaxDump.describe(statement)
}

/// The parsed statement of `text`, which must parse without diagnostics.
func parsed(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Statement {
  let (statement, diagnostics) = Parser.parse(SourceFile(text))
  #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))", sourceLocation: sourceLocation)
  return statement
}

/// Splits a source with `1️⃣` (and `2️⃣`, …) markers into the text without them and the UTF-8
/// offsets where the markers stood.
func markers(_ marked: String) -> (text: String, offsets: [String: Int]) {
  let names = ["1️⃣", "2️⃣", "3️⃣", "4️⃣"]
  var text = ""
  var offsets: [String: Int] = [:]
  var rest = Substring(marked)
  while !rest.isEmpty {
    if let name = names.first(where: { rest.hasPrefix($0) }) {
      offsets[name] = text.utf8.count
      rest = rest.dropFirst(name.count)
    } else {
      text.append(rest.removeFirst())
    }
  }
  return (text, offsets)
}

/// Asserts that parsing `marked` gives exactly one error, starting at `1️⃣` (and ending at `2️⃣`
/// when present), with `message`.
func assertError(
  _ marked: String, _ message: String, id: String? = nil, help: String? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let (text, offsets) = markers(marked)
  let (_, diagnostics) = Parser.parse(SourceFile(text))
  let errors = diagnostics.filter { $0.severity == .error }
  guard errors.count == 1, let error = errors.first else {
    Issue.record(
      "expected one error, got \(diagnostics.map { "\($0.span) \($0.message)" })",
      sourceLocation: sourceLocation)
    return
  }
  #expect(error.message == message, sourceLocation: sourceLocation)
  #expect(error.span.start == offsets["1️⃣"], "span \(error.span)", sourceLocation: sourceLocation)
  if let end = offsets["2️⃣"] {
    #expect(error.span.end == end, "span \(error.span)", sourceLocation: sourceLocation)
  }
  if let id { #expect(error.id == id, sourceLocation: sourceLocation) }
  if let help { #expect(error.help == help, sourceLocation: sourceLocation) }
}
