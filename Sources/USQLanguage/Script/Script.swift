/// A `.usq` script split into statements, ready to parse one by one.
///
/// Lines whose first non-blank character is `#` are comments. A line whose first non-blank
/// character is `|` continues the statement above it (joined with a line break, so a `|` line
/// under `let x = …` continues the `let`). `param NAME = DEFAULT` declares a parameter; `$NAME`
/// (or `${NAME}`) is replaced by its value everywhere outside comments, strings included, and
/// `$$` is a literal `$`. Overrides (`usq run FILE NAME=VALUE`) replace defaults.
///
/// ```
/// let (script, problems) = Script.parse(SourceFile(text, name: "report.usq"), overrides: ["days": "7"])
/// for statement in script.statements {
///   let (syntax, diagnostics) = Parser.parse(statement.source)
///   // report statement.mapped(diagnostic) with DiagnosticFormatter(style: .script) in script.file
/// }
/// ```
public struct Script: Hashable, Sendable {
  /// A declared parameter.
  public struct Parameter: Hashable, Sendable {
    /// The name, without `$`.
    public var name: Name
    /// The value in effect: the override if given, else the default (`nil` when neither).
    public var value: String?
  }

  /// The script file.
  public let file: SourceFile
  /// The parameters, in declaration order.
  public internal(set) var parameters: [Parameter] = []
  /// The statements, in order.
  public internal(set) var statements: [ScriptStatement] = []

  /// Splits `file` into statements and replaces parameters.
  ///
  /// - Parameters:
  ///   - file: the script, named as it should appear in `FILE:LINE:COL`.
  ///   - overrides: parameter values from the command line, by name.
  /// - Returns: the script and the problems found (spans in `file`); the script must not run
  ///   when any is an error. An override naming no declared parameter
  ///   (`script.unknown-override`) has no place in the file: print it with
  ///   `DiagnosticFormatter.formatWithoutSource(_:)`.
  public static func parse(
    _ file: SourceFile, overrides: [String: String] = [:]
  ) -> (Script, [Diagnostic]) {
    var builder = ScriptBuilder(file: file, overrides: overrides)
    return builder.build()
  }

  /// Splits a command-line override `NAME=VALUE` at its first `=` (`nil` without one, or with an
  /// empty name). The value is taken as written: `model=gpt-4o,o1` gives `gpt-4o,o1`.
  public static func override(_ argument: String) -> (name: String, value: String)? {
    guard let equal = argument.firstIndex(of: "="), equal != argument.startIndex else { return nil }
    return (String(argument[..<equal]), String(argument[argument.index(after: equal)...]))
  }
}
