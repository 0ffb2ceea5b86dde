import USQLanguage

extension PipelineLints {
  /// `load spend … | where user_id = … | sum amount`: the costs cannot be filtered by a usage
  /// dimension, so the filter keeps only the attributed shares (line items kept whole have null
  /// keys and drop out) — the sum is no longer a part of the bill one can check against costs.
  static func spendFilteredByUsage(_ pipeline: PipelineSyntax) -> [Diagnostic] {
    let usageDimensions = Set(SpendAttribution.groupKeys.map(\.name))
    var filtered: String?
    for stage in pipeline.stages {
      if case .where(let expression) = stage.kind, filtered == nil {
        filtered = words(in: expression).first(where: usageDimensions.contains)
      }
      guard let dimension = filtered, sumsAmount(stage) else { continue }
      return [
        .warning(
          "lint.spend-filtered-by-usage",
          "'sum amount' after filtering 'load spend' by '\(dimension)': only attributed shares are left",
          at: stage.span, label: "not comparable with 'load costs … | sum amount'",
          notes: [
            "costs cannot be filtered by '\(dimension)'; line items usq could not attribute have a null '\(dimension)' and were dropped"
          ],
          help: "see what the filter leaves out: `load spend … | sum amount by attributed`")
      ]
    }
    return []
  }

  private static func sumsAmount(_ stage: StageSyntax) -> Bool {
    switch stage.kind {
    case .aggregate(.sum, let columns, _): columns.contains { $0.text == "amount" }
    case .agg(let calls, _): calls.contains { $0.function == .sum && $0.argument?.text == "amount" }
    default: false
    }
  }

  /// Every bare word (column name) in `expression`.
  static func words(in expression: ExpressionSyntax) -> [String] {
    switch expression.kind {
    case .word(let word): [word]
    case .unary(_, let inner), .isNull(let inner, _): words(in: inner)
    case .binary(_, let left, let right, _): words(in: left) + words(in: right)
    case .inList(let inner, let list, _): words(in: inner) + list.flatMap(words(in:))
    case .match(let inner, let pattern, _): words(in: inner) + words(in: pattern)
    case .call(_, let arguments): arguments.flatMap(words(in:))
    default: []
    }
  }
}
