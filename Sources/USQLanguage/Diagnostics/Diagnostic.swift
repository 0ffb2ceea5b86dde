/// A problem found in user text (lexing, parsing, binding, scripts), located by a span.
///
/// Rendered by `DiagnosticFormatter` in the one layout of STYLE rule 17.
public struct Diagnostic: Hashable, Sendable {
  /// How serious the problem is.
  public enum Severity: String, Hashable, Sendable, Comparable {
    /// Extra information.
    case note
    /// Something probably unintended; the statement still runs.
    case warning
    /// The statement cannot run.
    case error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }

    /// Notes sort before warnings, warnings before errors.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// Error, warning or note.
  public var severity: Severity
  /// A stable identifier such as `parse.expected-expression`, for tests and documentation.
  public var id: String
  /// One line saying what is wrong: lowercase, no final period, user text in single quotes.
  public var message: String
  /// Where, in UTF-8 byte offsets of the statement's `SourceFile`.
  public var span: Span
  /// A short label printed after the carets (may be empty).
  public var label: String
  /// Extra facts, each printed as `= note: …` (the valid names, for instance).
  public var notes: [String]
  /// What would be right, printed as `= help: …` (a "did you mean", for instance).
  public var help: String?

  /// Creates a diagnostic.
  public init(
    _ severity: Severity, id: String, message: String, span: Span, label: String = "",
    notes: [String] = [], help: String? = nil
  ) {
    self.severity = severity
    self.id = id
    self.message = message
    self.span = span
    self.label = label
    self.notes = notes
    self.help = help
  }

  /// An error.
  public static func error(
    _ id: String, _ message: String, at span: Span, label: String = "", notes: [String] = [],
    help: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, id: id, message: message, span: span, label: label, notes: notes, help: help)
  }

  /// A warning.
  public static func warning(
    _ id: String, _ message: String, at span: Span, label: String = "", notes: [String] = [],
    help: String? = nil
  ) -> Diagnostic {
    Diagnostic(
      .warning, id: id, message: message, span: span, label: label, notes: notes, help: help)
  }
}

extension Array where Element == Diagnostic {
  /// Whether any element is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }
}
