import USQLanguage

/// A failure while running a plan that is not the data source's own error.
public enum ExecutionError: Error, Sendable, CustomStringConvertible {
  /// Problems found when binding a stage at run time (its input's columns were unknown before:
  /// after `read` or `pivot`). Resolution: fix the statement as the diagnostics say.
  case diagnostics([Diagnostic])
  /// A stage failed (a kernel's type error or overflow). Resolution: the message says which
  /// column or value; change the stage.
  case stage(Diagnostic)
  /// A file could not be read (`read`). Resolution: check the path and the file's format.
  case read(path: String, reason: String)
  /// Anything else, as a message. Resolution: as the message says.
  case message(String)

  public var description: String {
    switch self {
    case .diagnostics(let diagnostics): diagnostics.map(\.message).joined(separator: "; ")
    case .stage(let diagnostic): diagnostic.message
    case .read(let path, let reason): "cannot read '\(path)': \(reason)"
    case .message(let message): message
    }
  }

  /// The diagnostics to print (with spans), when the error has them.
  public var diagnostics: [Diagnostic] {
    switch self {
    case .diagnostics(let diagnostics): diagnostics
    case .stage(let diagnostic): [diagnostic]
    default: []
    }
  }
}
