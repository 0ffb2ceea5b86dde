import USQBasics
import USQLanguage
import USQVocabulary

/// Messages about `load` (rule 15: alphabetical, lowercase, no final period).
enum LoadMessages {
  static func ambiguousEndpoint(_ name: Name, matches: [String]) -> Diagnostic {
    .error(
      "bind.ambiguous-endpoint", "'\(name.text)' could be \(matches.count) endpoints",
      at: name.span,
      label: "ambiguous prefix", notes: ["matching endpoints: \(matches.joined(separator: ", "))"])
  }

  static func badBucket(_ option: OptionSyntax, accepted: [USQVocabulary.BucketWidth]) -> Diagnostic
  {
    .error(
      "bind.bad-bucket", "expected a bucket width, found '\(option.rawText)'", at: option.valueSpan,
      label: "not a bucket width",
      notes: ["bucket widths: \(accepted.map(\.rawValue).joined(separator: ", "))"],
      help: "for calendar buckets (week, month) add a stage: '| bucket week'")
  }

  static func conflictingWindow(_ key: Name, with other: String) -> Diagnostic {
    .error(
      "bind.conflicting-window", "'\(key.text)=' cannot be combined with '\(other)='", at: key.span,
      label: "a second window", help: "give one of days=, hours=, minutes=, or since=/until=")
  }

  static func emptyValue(_ option: OptionSyntax) -> Diagnostic {
    .error(
      "bind.empty-option", "'\(option.key.text)=' needs a value", at: option.span,
      label: "no value")
  }

  static func expectedBoolean(_ option: OptionSyntax) -> Diagnostic {
    .error(
      "bind.expected-boolean",
      "expected true or false for '\(option.key.text)', found '\(option.rawText)'",
      at: option.valueSpan, label: "not true or false")
  }

  static func expectedPositive(_ option: OptionSyntax) -> Diagnostic {
    .error(
      "bind.expected-positive",
      "expected a whole number of at least 1 for '\(option.key.text)', found '\(option.rawText)'",
      at: option.valueSpan,
      label: option.rawText == "0" ? "must be at least 1" : "not a positive integer")
  }

  /// Labelled with the field at fault when the value is shaped like a date (`month 13 is out of
  /// range`), as the lexer labels a date literal.
  static func expectedTime(_ option: OptionSyntax) -> Diagnostic {
    let label =
      switch ISODate.scan(Array(option.rawText.utf8), from: 0).outcome {
      case .outOfRange(let reason): reason
      case .instant, .malformed: "not a time"
      }
    return .error(
      "bind.expected-time",
      "expected a date, date-time or relative time for '\(option.key.text)', found '\(option.rawText)'",
      at: option.valueSpan, label: label,
      notes: ["examples: 2026-11-01, 2026-11-01T08:00, 2026-11-01T08:00+02:00, -7d, -36h"])
  }

  static func futureWindow(_ option: OptionSyntax) -> Diagnostic {
    .warning(
      "bind.future-window",
      "'\(option.key.text)=\(option.rawText)' is in the future: the window is empty",
      at: option.valueSpan, label: "after now",
      help: "use a past date, or a relative time such as since=-7d")
  }

  static func limitTooHigh(_ option: OptionSyntax, maximum: Int, width: USQVocabulary.BucketWidth)
    -> Diagnostic
  {
    .error(
      "bind.limit-too-high",
      "'limit=\(option.rawText)' is above the API maximum of \(maximum) for bucket=\(width.rawValue)",
      at: option.valueSpan, label: "at most \(maximum)",
      help: "leave 'limit' out: usq uses the maximum and fetches every page")
  }

  static func sinceAfterUntil(_ since: OptionSyntax, _ until: OptionSyntax) -> Diagnostic {
    .error(
      "bind.empty-window", "'since=\(since.rawText)' is not before 'until=\(until.rawText)'",
      at: since.valueSpan, label: "the window would be empty",
      help: "swap them, or move 'since' earlier")
  }

  static func unknownEndpoint(_ name: Name, valid: [String], prefixes: Bool) -> Diagnostic {
    let prefixed = name.text.isEmpty ? [] : valid.filter { $0.hasPrefix(name.text) }
    let near = prefixed.count == 1 ? prefixed[0] : DidYouMean.best(for: name.text, among: valid)
    var notes = ["endpoints: \(valid.joined(separator: ", "))"]
    if !prefixes && !prefixed.isEmpty {
      notes.append("a prefix of an endpoint is accepted only at the prompt; a script spells it out")
    }
    return .error(
      "bind.unknown-endpoint", "unknown endpoint '\(name.text)'", at: name.span,
      label: "not an endpoint", notes: notes, help: near.map { "did you mean '\($0)'?" })
  }

  static func unknownGroupKey(_ value: OptionValue, endpoint: Endpoint) -> Diagnostic {
    let near = DidYouMean.best(for: value.text, among: endpoint.groupKeys)
    return .error(
      "bind.unknown-group-key", "'\(endpoint.name)' cannot be grouped by '\(value.text)'",
      at: value.span, label: "not a group key of '\(endpoint.name)'",
      notes: ["valid group keys: \(endpoint.groupKeys.joined(separator: ", "))"],
      help: near.map { "did you mean '\($0)'?" } ?? lineItemHint(value.text, endpoint: endpoint))
  }

  /// Costs name the model only inside their line items ("gpt-4o-2024-08-06, input").
  private static func lineItemHint(_ key: String, endpoint: Endpoint) -> String? {
    guard key == "model", endpoint.groupKeys.contains("line_item") else { return nil }
    return "'\(endpoint.name)' names the model inside each line item: group=line_item, then"
      + " where line_item ~ \"gpt-4o*\""
  }

  static func unknownOption(_ key: Name, endpoint: Endpoint, valid: [String])
    -> Diagnostic
  {
    if valid.isEmpty {
      return .error(
        "bind.unknown-option", "'\(endpoint.name)' takes no options, found '\(key.text)='",
        at: key.span, label: "not an option of '\(endpoint.name)'",
        notes: ["'\(endpoint.name)' is an organization list: it has no window, groups or filters"])
    }
    return .error(
      "bind.unknown-option", "unknown option '\(key.text)' for 'load \(endpoint.name)'",
      at: key.span,
      label: "not an option of '\(endpoint.name)'",
      notes: ["options: \(valid.joined(separator: ", "))"],
      help: DidYouMean.best(for: key.text, among: valid).map { "did you mean '\($0)'?" })
  }

  static func unsupportedBucket(
    _ span: Span, _ width: USQVocabulary.BucketWidth, endpoint: Endpoint, because key: String?
  ) -> Diagnostic {
    let accepted = endpoint.bucketWidths.map { "bucket=\($0.rawValue)" }.joined(
      separator: ", ")
    return .error(
      "bind.unsupported-bucket",
      "'\(endpoint.name)' does not support bucket=\(width.rawValue)"
        + (key.map { " (implied by '\($0)=')" } ?? ""),
      at: span, label: "\(endpoint.name) accepts only \(accepted)",
      help: key != nil ? "use days=N, or add bucket=1d" : "use \(accepted)")
  }

  static func timeTooEarly(_ option: OptionSyntax) -> Diagnostic {
    .error(
      "bind.window-too-early",
      "'\(option.key.text)=\(option.rawText)' is \(option.key.text == "until" ? "not after" : "before") 2020-01-01, the earliest time usq loads",
      at: option.valueSpan, label: "before 2020-01-01",
      notes: ["the API holds no usage before 2020"],
      help: "give a date from 2020-01-01 on, or a shorter relative time such as -30d")
  }

  static func windowTooLong(_ option: OptionSyntax, most: Int64) -> Diagnostic {
    .error(
      "bind.window-too-long",
      "'\(option.key.text)=\(option.rawText)' reaches back before 2020-01-01, the earliest time usq loads",
      at: option.valueSpan, label: "at most \(option.key.text)=\(most) today",
      notes: ["the API holds no usage before 2020"],
      help: "use \(option.key.text)=\(most) or fewer, or since=DATE")
  }

  static func ungroupedDimension(_ key: String, at span: Span, group: [String]) -> Diagnostic {
    .warning(
      "bind.ungrouped-dimension",
      "'\(key)' is not in 'group=\(group.joined(separator: ","))': its values are null",
      at: span, label: "always null with this group=",
      help: "add it: group=\((group + [key]).joined(separator: ","))")
  }

  static func noLastResult(_ verb: Name) -> Diagnostic {
    .error(
      "bind.no-last-result", "there is no last result yet", at: verb.span,
      label: "nothing to continue", help: "start with a source: load, read or from")
  }
}
