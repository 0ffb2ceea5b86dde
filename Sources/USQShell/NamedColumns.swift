import USQEngine
import USQFrame
import USQLanguage

/// The columns a statement named, most wanted first: what a narrow table keeps when it cannot
/// show everything.
///
/// `load completions group=model | where num_model_requests > 100 | top 5 by input_tokens` names
/// `input_tokens` (the last stage), then `num_model_requests`, then `model` (the group key);
/// `sum a, b by model` names `model`, `a`, `b` (keys first, then in the order written); the
/// columns a stage adds (`names`, `share`, `count`) count as named by it.
enum NamedColumns {
  static func of(_ pipeline: PipelineSyntax, plan: Plan, source: SourceFile, result: Frame)
    -> [String]
  {
    let present = Set(result.names)
    var named: [String] = []
    func add(_ name: String) {
      if present.contains(name) && !named.contains(name) { named.append(name) }
    }
    let (tokens, _) = Lexer.tokenize(source)
    for stage in pipeline.stages.reversed() {
      let words = tokens.filter { $0.kind == .word && stage.span.contains($0.span) }.map(\.text)
      // Within a stage its keys come first (`sum a, b by model`: model, a, b): a row without
      // its key cannot be read.
      let isKey = { (name: String) in result[name].map { !$0.kind.isNumeric } ?? false }
      (words.filter(isKey) + words.filter { !isKey($0) }).forEach(add)
      addedColumns(plan, stage: stage).forEach(add)
    }
    if case .load(_, let options) = pipeline.source.kind {
      for option in options where option.key.text == "group" {
        option.values.map(\.text).forEach(add)
      }
    }
    return named
  }

  /// The columns `stage` added to its input (none for output stages).
  private static func addedColumns(_ plan: Plan, stage: StageSyntax) -> [String] {
    guard let (planned, input) = plan.planned(for: stage) else { return [] }
    let known = Set(input.names)
    return planned.schema.names.filter { !known.contains($0) }
  }
}
