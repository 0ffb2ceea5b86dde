import USQFrame
import USQLanguage

/// Comparisons between times, durations and numbers.
///
/// Times are stored as seconds since 1970 and durations as seconds, so without these checks
/// `start_time > -3d` would compare with a moment in 1969 and keep every row. In a comparison
/// with a time a negative duration means "that long before now", as in `since=-3d`; a positive
/// duration or a plain number beside a time is an error, and so is a duration beside a column
/// that counts something (`num_model_requests > 1d`).
extension ExpressionBinder {
  /// `left` and `right` with a relative time (`-3d`) beside a time turned into that instant, or
  /// `nil` after reporting a time, duration or number that cannot be compared.
  func resolvingTimes(
    _ left: BoundExpression, _ lhs: ExpressionSyntax, _ right: BoundExpression,
    _ rhs: ExpressionSyntax, _ state: inout BindState
  ) -> (BoundExpression, BoundExpression)? {
    guard let resolvedLeft = resolvingTime(left, lhs, beside: right, rhs, &state),
      let resolvedRight = resolvingTime(right, rhs, beside: left, lhs, &state)
    else { return nil }
    return (resolvedLeft, resolvedRight)
  }

  /// One side of a comparison, checked against the other side.
  private func resolvingTime(
    _ bound: BoundExpression, _ syntax: ExpressionSyntax, beside other: BoundExpression,
    _ otherSyntax: ExpressionSyntax, _ state: inout BindState
  ) -> BoundExpression? {
    if case .duration(let duration) = syntax.kind {
      if other.kind == .time {
        let (instant, overflow) = state.environment.now.addingReportingOverflow(duration.seconds)
        // Written with a minus (`-0d` is now too), and landing after 1970.
        guard duration.text.hasPrefix("-"), !overflow, instant >= 0 else {
          state.report(Self.durationBesideTime(syntax, duration, time: otherSyntax))
          return nil
        }
        return .literal(.time(instant))
      }
      if let counted = countedColumn(other, otherSyntax, state.environment) {
        state.report(Self.durationBesideCount(syntax, column: counted, span: otherSyntax.span))
        return nil
      }
      return bound
    }
    if bound.kind == .time, other.kind == .int || other.kind == .double,
      !Self.isDuration(otherSyntax)
    {
      state.report(Self.numberBesideTime(otherSyntax, time: syntax))
      return nil
    }
    return bound
  }

  /// Whether `syntax` is a duration literal (`3d`, `-36h`).
  private static func isDuration(_ syntax: ExpressionSyntax) -> Bool {
    if case .duration = syntax.kind { return true }
    return false
  }

  /// The name of `bound` when it is a column holding a count of the API (tokens, requests,
  /// images…): a field of a usage endpoint, which no duration can measure.
  private func countedColumn(
    _ bound: BoundExpression, _ syntax: ExpressionSyntax, _ environment: Environment
  ) -> String? {
    guard case .column(let name, let kind) = bound, kind == .int || kind == .double else {
      return nil
    }
    let isCount = environment.endpoints.contains { endpoint in
      endpoint.isBucketed && endpoint.fields.contains { $0.name == name && $0.kind.isNumeric }
    }
    return isCount ? name : nil
  }

  // MARK: - Messages

  fileprivate static func durationBesideCount(
    _ syntax: ExpressionSyntax, column: String, span: Span
  ) -> Diagnostic {
    .error(
      "bind.type-mismatch",
      "cannot compare '\(column)' (a count) with the duration '\(syntax.text)'", at: syntax.span,
      label: "a duration, in seconds",
      notes: ["'\(column)' counts what the API measured; it is not a length of time"],
      help: "to keep recent rows write 'where start_time > -\(syntax.text)'")
  }

  fileprivate static func durationBesideTime(
    _ syntax: ExpressionSyntax, _ duration: DurationLiteral, time: ExpressionSyntax
  ) -> Diagnostic {
    let magnitude = duration.text.hasPrefix("-") ? String(duration.text.dropFirst()) : duration.text
    return .error(
      "bind.type-mismatch",
      "cannot compare '\(time.text)' (time) with the duration '\(syntax.text)'", at: syntax.span,
      label: duration.text.hasPrefix("-") ? "reaches before 1970" : "a duration, not a time",
      notes: ["beside a time, '-\(magnitude)' means \(magnitude) before now, as in 'since='"],
      help: "write '\(time.text) > -\(magnitude)' for the last \(magnitude), or a date (2026-11-01)"
    )
  }

  fileprivate static func numberBesideTime(_ syntax: ExpressionSyntax, time: ExpressionSyntax)
    -> Diagnostic
  {
    .error(
      "bind.type-mismatch", "cannot compare '\(time.text)' (time) with the number '\(syntax.text)'",
      at: syntax.span, label: "a number, not a time",
      help:
        "compare with a date (\(time.text) >= 2026-11-01), a date-time (2026-11-01T08:00) or a time relative to now (\(time.text) > -3d)"
    )
  }
}
