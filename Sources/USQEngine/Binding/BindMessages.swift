import USQFrame
import USQLanguage

/// The binder's shared messages (rule 15: alphabetical, lowercase, no final period).
enum BindMessages {
  static func compareAfterOpenSchema(_ verb: Name) -> Diagnostic {
    .error(
      "bind.compare-open-schema",
      "'compare' needs the columns before it known before it runs, and 'pivot' makes them known only then",
      at: verb.span, label: "columns unknown here",
      help: "compare before pivoting: '… | compare prev', then 'from _ | pivot …'")
  }

  static func compareNotLast(_ verb: Name) -> Diagnostic {
    .error(
      "bind.compare-not-last", "'compare' must be the last stage before 'chart' or 'export'",
      at: verb.span, label: "more stages follow",
      help: "move 'compare' to the end: stages after it would run on the joined rows")
  }

  static func duplicate(_ name: Name, what: String) -> Diagnostic {
    .error(
      "bind.duplicate", "\(what) '\(name.text)' is given twice", at: name.span,
      label: "given again here")
  }

  static func expectedNumeric(_ name: Name, column: ColumnInfo, verb: String) -> Diagnostic {
    .error(
      "bind.expected-numeric",
      "'\(verb)' needs a numeric column, found '\(name.text)' (\(column.kind))", at: name.span,
      label: "\(column.kind), not a number")
  }

  static func expectedTime(_ name: Name, column: ColumnInfo, verb: String) -> Diagnostic {
    .error(
      "bind.expected-time",
      "'\(verb)' needs a time column, found '\(name.text)' (\(column.kind))", at: name.span,
      label: "\(column.kind), not a time")
  }

  static func missingTimeColumn(_ verb: Name, in schema: StageSchema) -> Diagnostic {
    .error(
      "bind.missing-start-time", "'\(verb.text)' needs a 'start_time' time column", at: verb.span,
      label: "no 'start_time' in the input frame",
      notes: ["the input frame's columns: \(schema.names.joined(separator: ", "))"])
  }

  static func noNumericColumn(_ verb: Name, in schema: StageSchema) -> Diagnostic {
    .error(
      "bind.no-numeric-column", "'\(verb.text)' needs a numeric column, and the input has none",
      at: verb.span, label: "no numeric column",
      notes: ["the input frame's columns: \(schema.names.joined(separator: ", "))"])
  }

  static func outputIgnored(_ verb: Name, binding: Name) -> Diagnostic {
    .warning(
      "bind.output-ignored",
      "'\(verb.text)' is ignored: 'let \(binding.text) = …' stores the frame",
      at: verb.span, label: "not drawn or written",
      help: "run 'from \(binding.text) | \(verb.text) …' to draw or write it")
  }

  static func outputNotLast(_ verb: Name) -> Diagnostic {
    .error(
      "bind.output-not-last",
      "'\(verb.text)' must be the last stage (only 'export' may follow 'chart')", at: verb.span,
      label: "more stages follow")
  }

  static func unknownColumn(_ name: Name, in schema: StageSchema) -> Diagnostic {
    let help =
      DidYouMean.help(for: name.text, among: schema.names)
      ?? DidYouMean.subtraction(for: name.text, columns: Set(schema.names))
    let columns = schema.names.isEmpty ? "(none)" : schema.names.joined(separator: ", ")
    return .error(
      "bind.unknown-column", "unknown column '\(name.text)'", at: name.span,
      label: "not a column of the input frame", notes: ["the input frame's columns: \(columns)"],
      help: help)
  }

  static func unknownFrame(_ name: Name, stored: [String]) -> Diagnostic {
    let help = DidYouMean.best(for: name.text, among: stored).map { "did you mean '\($0)'?" }
    let notes =
      stored.isEmpty
      ? ["no frames are stored yet; store one with 'let NAME = …'"]
      : ["stored frames: \(stored.joined(separator: ", "))"]
    return .error(
      "bind.unknown-frame", "unknown frame '\(name.text)'", at: name.span,
      label: "no stored frame of this name", notes: notes, help: help)
  }

  static func unknownStage(_ name: Name) -> Diagnostic {
    let help = DidYouMean.best(for: name.text, among: StageVerb.names).map {
      "did you mean '\($0)'?"
    }
    return .error(
      "bind.unknown-stage", "unknown stage '\(name.text)'", at: name.span, label: "not a stage",
      notes: ["stages: \(StageVerb.names.joined(separator: ", "))"], help: help)
  }
}
