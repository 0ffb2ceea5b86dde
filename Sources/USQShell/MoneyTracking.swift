import USQBasics
import USQEngine
import USQFrame
import USQLanguage

/// Carries the currency of money columns through a pipeline's stages, so `amount` prints `€12.50`
/// after `sum amount`, `join`, `rename` or `pivot` as it did straight after `load costs`.
///
/// The currency comes from the frame the statement started from (`ExecutionResult
/// .sourceCurrencies`) or, for `from NAME`, `_` and `join NAME`, from what the session recorded
/// when that frame was made. A column keeps its currency while it exists under its name (or a
/// new name given by `rename`); aggregates of money that stay money (`sum avg min max median p90
/// p99 first last`) and the columns `pivot` spreads a money column into are money too.
struct MoneyTracking {
  /// Column → lowercase currency code.
  var currencies: [String: String]

  /// Follows `pipeline`'s frame stages (the plan's schema after each says which columns remain;
  /// after `pivot` they are known only in `result`).
  func through(
    _ pipeline: PipelineSyntax, plan: Plan, stored: [String: [String: String]], result: Frame
  ) -> [String: String] {
    var money = currencies
    // `pivot` makes its columns when it runs: the result's new numeric columns are its money.
    var spread: (code: String, earlier: Set<String>)?
    for stage in pipeline.stages {
      guard let (planned, input) = plan.planned(for: stage) else { continue }
      let before = money
      switch stage.kind {
      case .rename(let items):
        for item in items {
          money[item.oldName.text] = nil
          if let code = before[item.oldName.text] { money[item.newName.text] = code }
        }
      case .join(let frame, _, _):
        // The joined frame's columns arrive under their names, or `NAME_right` (`_right_2`, …)
        // when the left frame has one already.
        let earlier = Set(input.names)
        let added = planned.schema.names.filter { !earlier.contains($0) }
        for (column, code) in stored[frame.text] ?? [:] {
          let target = added.first { $0 == column || $0.hasPrefix(column + "_right") }
          if let target, money[target] == nil { money[target] = code }
        }
      case .agg(let calls, _):
        for call in calls where Self.keepsUnit.contains(call.function) {
          if let argument = call.argument, let code = before[argument.text] {
            money[call.resultName] = code
          }
        }
      case .pivot(_, let values):
        if let code = before[values.text] {
          spread = (code, Set(input.names))
        }
      default: break
      }
      if !planned.schema.isOpen {
        let kept = Set(planned.schema.columns.filter(\.kind.isNumeric).map(\.name))
        money = money.filter { kept.contains($0.key) }
      }
    }
    if let spread {
      for name in result.names where !spread.earlier.contains(name) && money[name] == nil {
        money[name] = spread.code
      }
    }
    return money.filter { result[$0.key]?.kind.isNumeric == true }
  }

  /// Aggregates whose result is in the unit of their argument.
  private static let keepsUnit: Set<AggregateFunction> = [
    .sum, .avg, .min, .max, .median, .p90, .p99, .first, .last,
  ]
}
