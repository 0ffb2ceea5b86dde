/// One stage verb of the language: how its arguments parse, what Tab completes inside it, which
/// help topic documents it, and whether it is an output stage.
///
/// `StageVerb.table` is the one list of stages. The parser dispatches through it, completion,
/// "did you mean" and the lists in messages read it, and the engine's help catalog orders its
/// stage topics by it. Adding a stage is a row here, a case of `StageSyntax.Kind`, and an
/// operation in the engine (see ARCHITECTURE.md, "Adding a stage").
public struct StageVerb: Sendable {
  /// What Tab offers inside a stage, after its verb.
  enum Completion: Sendable {
    /// Columns of the input (`where`, `select`, …).
    case columns
    /// Columns, then `by` and key columns (`sum`, `share`, `agg`).
    case columnsThenBy
    /// `by`, then key columns (`count`).
    case by
    /// Columns each followed by `asc`/`desc`.
    case sortKeys
    /// A count, then `by` and a column (`top`).
    case countThenBy
    /// A percentage, then `of` and a column (`other`).
    case percentThenOf
    /// A column, `values`, a column.
    case pivot
    /// `hour day week month`.
    case bucketWidth
    /// A stored frame, `on`, columns, `kind=`.
    case join
    /// A chart kind, then chart options.
    case chart
    /// A path, then `format=`.
    case export
    /// `prev` (`compare`).
    case compare
    /// `to=`, `y=`, then `month` or a column (`forecast`).
    case forecast
    /// An expression, then `message=` (`assert`).
    case assert
    /// Nothing (`head 3`, `fill`, `names`).
    case nothing
  }

  /// The verb (`sum`).
  public let name: String
  /// The help topic that documents it (`avg` is documented under `sum`).
  public let topic: String
  /// Whether it draws or writes the result (`chart`, `export`): only last in a pipeline.
  public let isOutput: Bool
  /// What Tab offers after the verb.
  let completion: Completion
  /// Whether `parse` starts at the verb (else after it).
  let startsAtVerb: Bool
  /// Parses the stage's arguments.
  let parse: @Sendable (inout Parser) -> StageSyntax.Kind?

  init(
    _ name: String, topic: String? = nil, isOutput: Bool = false, startsAtVerb: Bool = false,
    completion: Completion, parse: @escaping @Sendable (inout Parser) -> StageSyntax.Kind?
  ) {
    self.name = name
    self.topic = topic ?? name
    self.isOutput = isOutput
    self.startsAtVerb = startsAtVerb
    self.completion = completion
    self.parse = parse
  }

  /// The verb named `name`, if it is a stage.
  public static func named(_ name: String) -> StageVerb? { table.first { $0.name == name } }

  /// Every stage verb, in the order of LANGUAGE.md (for "did you mean", completion, notes).
  public static let names: [String] = table.map(\.name)

  /// The help topics of the stages, in the order of the table (each once).
  public static let topics: [String] = table.map(\.topic).reduce(into: []) { topics, topic in
    if !topics.contains(topic) { topics.append(topic) }
  }
}
