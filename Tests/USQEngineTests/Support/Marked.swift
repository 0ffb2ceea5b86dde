import Testing
import USQLanguage
import USQVocabulary

@testable import USQEngine

/// A source string with `1️⃣`-style markers removed, and the byte offset of each marker.
struct MarkedSource {
  var text: String
  var markers: [String: Int] = [:]

  init(_ marked: String) {
    var output = ""
    var offsets: [String: Int] = [:]
    for character in marked {
      if let marker = Self.markers.first(where: { $0 == String(character) }) {
        offsets[marker] = output.utf8.count
      } else {
        output.append(character)
      }
    }
    text = output
    markers = offsets
  }

  static let markers = ["1️⃣", "2️⃣", "3️⃣"]

  subscript(marker: String) -> Int? { markers[marker] }
}

/// Parses and binds `text` (without markers).
func bind(
  _ text: String, environment: Environment = Fixtures.environment(),
  optimizer: Optimizer = Optimizer()
) -> (Plan?, [Diagnostic]) {
  let (statement, parseDiagnostics) = Parser.parse(SourceFile(text))
  guard !parseDiagnostics.hasErrors else { return (nil, parseDiagnostics) }
  guard case .pipeline(let pipeline) = statement else {
    Issue.record("not a pipeline: \(text)")
    return (nil, parseDiagnostics)
  }
  let (plan, diagnostics) = Binder(environment: environment).bind(pipeline, optimizer: optimizer)
  return (plan, parseDiagnostics + diagnostics)
}

/// Binds a marked source and checks its first error: message and position (`1️⃣`).
func expectError(
  _ marked: String, _ message: String, help: String? = nil, note: String? = nil,
  environment: Environment = Fixtures.environment(),
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let source = MarkedSource(marked)
  let (plan, diagnostics) = bind(source.text, environment: environment)
  #expect(plan == nil, "expected no plan", sourceLocation: sourceLocation)
  guard let error = diagnostics.first(where: { $0.severity == .error }) else {
    Issue.record("no error for \(source.text)", sourceLocation: sourceLocation)
    return
  }
  #expect(error.message == message, sourceLocation: sourceLocation)
  #expect(error.span.start == source["1️⃣"], "span \(error.span)", sourceLocation: sourceLocation)
  if let end = source["2️⃣"] { #expect(error.span.end == end, sourceLocation: sourceLocation) }
  if let help { #expect(error.help == help, sourceLocation: sourceLocation) }
  if let note {
    #expect(error.notes.contains(note), "notes: \(error.notes)", sourceLocation: sourceLocation)
  }
}

/// Binds `text` and returns the plan, recording an issue when binding fails.
func bindPlan(
  _ text: String, environment: Environment = Fixtures.environment(),
  optimizer: Optimizer = Optimizer(), sourceLocation: SourceLocation = #_sourceLocation
) -> Plan? {
  let (plan, diagnostics) = bind(text, environment: environment, optimizer: optimizer)
  if plan == nil {
    Issue.record("bind failed: \(diagnostics.map(\.message))", sourceLocation: sourceLocation)
  }
  return plan
}

extension Plan {
  /// The load request, if the source is a `load`.
  var request: UsageQuery? {
    if case .load(let request, _) = source { return request }
    return nil
  }
}
