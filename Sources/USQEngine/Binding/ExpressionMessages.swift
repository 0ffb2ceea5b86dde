import USQBasics
import USQFrame
import USQLanguage

/// Messages about expressions (rule 15: alphabetical, lowercase, no final period).
enum ExpressionMessages {
  static func arithmeticMismatch(
    _ syntax: ExpressionSyntax, op: BinaryOperator, _ lhs: ColumnKind?, _ rhs: ColumnKind?
  ) -> Diagnostic {
    .error(
      "bind.type-mismatch",
      "cannot apply '\(op.rawValue)' to \(describe(lhs)) and \(describe(rhs))", at: syntax.span,
      label: "\(describe(lhs)) \(op.rawValue) \(describe(rhs))",
      notes: ["'+' and '-' take numbers or a time and seconds; '*' and '/' take numbers"])
  }

  static func badArgument(
    _ syntax: ExpressionSyntax, _ function: ScalarFunction, kind: ColumnKind?,
    expected: ColumnKind? = nil
  ) -> Diagnostic {
    .error(
      "bind.type-mismatch",
      "'\(function.rawValue)' cannot take '\(syntax.text)' (\(describe(kind)))", at: syntax.span,
      label: expected.map { "expected \($0), like the arguments before it" }
        ?? "\(describe(kind)) argument",
      notes: ["usage: \(function.signature)"])
  }

  static func badOperand(_ syntax: ExpressionSyntax, op: String, kind: ColumnKind?) -> Diagnostic {
    .error(
      "bind.type-mismatch", "cannot apply '\(op)' to '\(syntax.text)' (\(describe(kind)))",
      at: syntax.span, label: "\(describe(kind))")
  }

  static func comparisonMismatch(
    _ syntax: ExpressionSyntax, _ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax,
    _ left: ColumnKind?, _ right: ColumnKind?
  ) -> Diagnostic {
    .error(
      "bind.type-mismatch",
      "cannot compare '\(lhs.text)' (\(describe(left))) with '\(rhs.text)' (\(describe(right)))",
      at: syntax.span, label: "\(describe(left)) compared with \(describe(right))",
      help: left == .string || right == .string
        ? "quote the value to compare text, or compare a numeric column" : nil)
  }

  static func expectedDigits(_ syntax: ExpressionSyntax) -> Diagnostic {
    .error(
      "bind.expected-digits", "expected a whole number of digits, found '\(syntax.text)'",
      at: syntax.span, label: "not an integer literal", notes: ["usage: round(number[, digits])"])
  }

  static func expectedLiteral(_ syntax: ExpressionSyntax) -> Diagnostic {
    .error(
      "bind.expected-literal", "expected a value in the 'in' list, found '\(syntax.text)'",
      at: syntax.span, label: "not a literal")
  }

  static func expectedPattern(_ syntax: ExpressionSyntax) -> Diagnostic {
    .error(
      "bind.expected-pattern", "expected a glob pattern after '~', found '\(syntax.text)'",
      at: syntax.span, label: "not a pattern", help: "write the pattern in quotes: \"gpt-4o*\"")
  }

  static func notBoolean(_ syntax: ExpressionSyntax, kind: ColumnKind?) -> Diagnostic {
    .error(
      "bind.expected-condition",
      "expected a condition, found '\(syntax.text)' (\(describe(kind)))", at: syntax.span,
      label: "\(describe(kind)), not true or false",
      help: "compare it with something, e.g. '\(syntax.text) > 0'")
  }

  static func unknownFunction(_ name: Name) -> Diagnostic {
    let functions = ScalarFunction.allCases.map(\.rawValue)
    var notes = ["functions: \(functions.joined(separator: ", "))"]
    if AggregateFunction.allCases.contains(where: { $0.rawValue == name.text }) {
      notes.append("aggregates go in a stage: 'agg \(name.text)(C)' or '\(name.text) C by K'")
    }
    return .error(
      "bind.unknown-function", "unknown function '\(name.text)'", at: name.span,
      label: "not a function", notes: notes,
      help: DidYouMean.best(for: name.text, among: functions).map { "did you mean '\($0)'?" })
  }

  static func wrongArity(_ name: Name, _ function: ScalarFunction, found: Int) -> Diagnostic {
    let range = function.arity
    let expected =
      range.count == 1
      ? "\(range.lowerBound)"
      : range.upperBound > 10
        ? "at least \(range.lowerBound)"
        : "\(range.lowerBound) or \(range.upperBound)"
    return .error(
      "bind.wrong-arity",
      "'\(function.rawValue)' takes \(expected) argument\(range == 1...1 ? "" : "s"), found \(found)",
      at: name.span, label: "usage: \(function.signature)")
  }

  static func describe(_ kind: ColumnKind?) -> String { kind.map(\.rawValue) ?? "null" }
}
