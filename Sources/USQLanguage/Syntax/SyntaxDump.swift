/// A compact, canonical text form of a syntax tree, for tests and debugging.
///
/// Expressions print in prefix form with explicit parentheses, so precedence is visible:
/// `where a + b * 2 > 3` dumps as `where (> (+ a (* b 2)) 3)`.
public enum SyntaxDump {
  /// The dump of a statement.
  public static func describe(_ statement: Statement) -> String {
    switch statement {
    case .empty: "empty"
    case .pipeline(let pipeline): describe(pipeline)
    case .command(let command): describe(command)
    }
  }

  /// The dump of a pipeline: `[let NAME =] source | stage | …`.
  public static func describe(_ pipeline: PipelineSyntax) -> String {
    var parts = [describe(pipeline.source)]
    parts += pipeline.stages.map(describe)
    let body = parts.joined(separator: " | ")
    guard let binding = pipeline.binding else { return body }
    return "let \(binding.text) = \(body)"
  }

  static func describe(_ source: SourceSyntax) -> String {
    switch source.kind {
    case .load(let endpoint, let options):
      (["load \(endpoint.text)"] + options.map(describe)).joined(separator: " ")
    case .read(let path): "read \(describe(path))"
    case .from(let frame): "from \(frame.text)"
    case .last: "_"
    case .continuation: "(continue)"
    }
  }

  static func describe(_ path: PathSyntax) -> String {
    path.isQuoted ? "\"\(path.text)\"" : path.text
  }

  static func describe(_ option: OptionSyntax) -> String {
    let values = option.values.map { $0.isQuoted ? "\"\($0.text)\"" : $0.text }
    return "\(option.key.text)=\(values.joined(separator: ","))"
  }

  static func names(_ names: [Name]) -> String {
    "[" + names.map(\.text).joined(separator: ", ") + "]"
  }

  static func by(_ keys: [Name]) -> String { keys.isEmpty ? "" : " by \(names(keys))" }

  /// The dump of an expression in prefix form.
  public static func describe(_ expression: ExpressionSyntax) -> String {
    switch expression.kind {
    case .integer(let value): "\(value)"
    case .float(let value): "\(value)"
    case .string(let value): "\"\(value)\""
    case .bool(let value): "\(value)"
    case .null: "null"
    case .percent(let value): "\(value)%"
    case .duration(let value): "duration(\(value.seconds)s)"
    case .dateTime(let value): "time(\(value.epochSeconds))"
    case .word(let word): word
    case .unary(let op, let operand): "(\(op.rawValue) \(describe(operand)))"
    case .binary(let op, let left, let right, _):
      "(\(op.rawValue) \(describe(left)) \(describe(right)))"
    case .inList(let operand, let values, let isNegated):
      "(\(isNegated ? "not in" : "in") \(describe(operand)) [\(values.map(describe).joined(separator: ", "))])"
    case .match(let operand, let pattern, let isNegated):
      "(\(isNegated ? "not ~" : "~") \(describe(operand)) \(describe(pattern)))"
    case .isNull(let operand, let isNegated):
      "(\(isNegated ? "is not null" : "is null") \(describe(operand)))"
    case .call(let function, let arguments):
      "\(function.text)(\(arguments.map(describe).joined(separator: ", ")))"
    case .missing: "<missing>"
    }
  }
}
