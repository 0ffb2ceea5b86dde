/// Parses one statement into a syntax tree plus diagnostics; never throws.
public struct Parser {
  /// Parses `source` as one statement (a pipeline or a shell command).
  ///
  /// - Returns: the best-effort statement and every diagnostic, in source order. When any
  ///   diagnostic is an error the tree may hold `.missing` placeholders and must not be run.
  public static func parse(_ source: SourceFile) -> (Statement, [Diagnostic]) {
    (.empty, [])
  }
}
