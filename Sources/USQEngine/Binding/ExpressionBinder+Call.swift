import USQFrame
import USQLanguage

extension ExpressionBinder {
  /// Binds `f(a, …)`: the name, the number of arguments and their kinds.
  func bindCall(_ function: Name, _ arguments: [ExpressionSyntax], _ state: inout BindState)
    -> BoundExpression?
  {
    guard let scalar = ScalarFunction(rawValue: function.text) else {
      state.report(ExpressionMessages.unknownFunction(function))
      return nil
    }
    guard scalar.arity.contains(arguments.count) else {
      state.report(ExpressionMessages.wrongArity(function, scalar, found: arguments.count))
      return nil
    }
    var bound: [BoundExpression] = []
    for (index, argument) in arguments.enumerated() {
      let role: WordRole = scalar == .coalesce && index > 0 ? .value : .column
      guard let expression = bind(argument, role: role, &state) else { return nil }
      bound.append(expression)
    }
    guard checkArguments(scalar, arguments, bound, &state) else { return nil }
    return .call(scalar, bound)
  }

  private func checkArguments(
    _ scalar: ScalarFunction, _ syntax: [ExpressionSyntax], _ bound: [BoundExpression],
    _ state: inout BindState
  ) -> Bool {
    let expected: (ColumnKind?) -> Bool
    switch scalar {
    case .day, .week, .month, .hour, .date: expected = { $0 == .time || $0 == nil }
    case .lower, .upper: expected = { $0 == .string || $0 == nil }
    case .round: expected = { $0?.isNumeric ?? true }
    case .coalesce: return checkCoalesce(syntax, bound, &state)
    }
    if !expected(bound[0].kind) {
      state.report(ExpressionMessages.badArgument(syntax[0], scalar, kind: bound[0].kind))
      return false
    }
    if scalar == .round, bound.count == 2 {
      guard case .literal(.int) = bound[1] else {
        state.report(ExpressionMessages.expectedDigits(syntax[1]))
        return false
      }
    }
    return true
  }

  private func checkCoalesce(
    _ syntax: [ExpressionSyntax], _ bound: [BoundExpression], _ state: inout BindState
  ) -> Bool {
    var kind: ColumnKind?
    for (argument, expression) in zip(syntax, bound) {
      guard let next = expression.kind else { continue }
      guard let current = kind else {
        kind = next
        continue
      }
      if current == next { continue }
      if current.isNumeric && next.isNumeric {
        kind = .double
        continue
      }
      state.report(
        ExpressionMessages.badArgument(argument, .coalesce, kind: next, expected: current))
      return false
    }
    return true
  }
}
