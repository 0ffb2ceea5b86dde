/// One statement of a script after joining continuation lines and replacing `$NAME`s, with the
/// map from its text back to the script file.
public struct ScriptStatement: Hashable, Sendable {
  /// A run of statement text and the script text it came from.
  struct Segment: Hashable, Sendable {
    /// Where the run starts in the statement text (UTF-8 offset).
    var statementStart: Int
    var statementLength: Int
    /// Where the run came from in the script file (UTF-8 offset).
    var fileStart: Int
    var fileLength: Int
  }

  /// The statement's text, named like the script, to hand to `Parser.parse`.
  public let source: SourceFile
  /// The 1-based line of the script on which the statement starts.
  public let line: Int
  let segments: [Segment]

  /// The span in the script file that `span` (in `source`) came from; a span inside a replaced
  /// `$NAME` maps to the whole `$NAME`.
  public func fileSpan(_ span: Span) -> Span {
    Span(start: fileOffset(span.start, isEnd: false), end: fileOffset(span.end, isEnd: true))
  }

  /// `diagnostic` with its span moved into the script file, for `DiagnosticFormatter(style: .script)`.
  public func mapped(_ diagnostic: Diagnostic) -> Diagnostic {
    var copy = diagnostic
    copy.span = fileSpan(diagnostic.span)
    return copy
  }

  func fileOffset(_ offset: Int, isEnd: Bool) -> Int {
    guard let first = segments.first, let last = segments.last else { return 0 }
    if offset <= first.statementStart { return first.fileStart }
    for segment in segments {
      let end = segment.statementStart + segment.statementLength
      let inside = isEnd ? offset > segment.statementStart && offset <= end : offset < end
      guard inside else { continue }
      if segment.statementLength == segment.fileLength {
        return segment.fileStart + (offset - segment.statementStart)
      }
      return isEnd ? segment.fileStart + segment.fileLength : segment.fileStart
    }
    return last.fileStart + last.fileLength
  }
}
