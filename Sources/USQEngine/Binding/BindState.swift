import USQFrame
import USQLanguage

/// What binding collects on the way: diagnostics and the `load` dimensions later stages use.
struct BindState {
  /// The environment the statement binds in.
  let environment: Environment
  /// Every diagnostic so far, in the order found.
  var diagnostics: [Diagnostic] = []
  /// Dimension group keys referenced by stages, with the first reference's span.
  var usedDimensions: [(key: String, span: Span)] = []

  init(environment: Environment) {
    self.environment = environment
  }

  /// Records an error.
  mutating func report(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  /// Whether an error was reported since `count` diagnostics.
  func hasErrors(since count: Int) -> Bool {
    diagnostics[count...].contains { $0.severity == .error }
  }

  /// The explicit `group=` of the `load` source, with its span (`price` needs `model` in it).
  var explicitGroup: (keys: [String], span: Span)?
  /// Dimensions a stage needs grouped even under an explicit `group=` (`price` needs the tier
  /// columns, or it would bill batch tokens at the default price): they join the `group_by`.
  var requiredDimensions: [String] = []

  /// Dimensions used only where a null is fine (`names` beside an ungrouped id): they join the
  /// implicit `group_by`, but an explicit `group=` without them is no mistake.
  var optionalDimensions: Set<String> = []

  /// Notes that a stage refers to `column` at `span` (for the implicit `group_by`).
  ///
  /// - Parameter isOptional: the stage copes with the column being null (no warning then).
  mutating func use(_ column: ColumnInfo, at span: Span, isOptional: Bool = false) {
    guard let key = column.dimension else { return }
    if !isOptional { optionalDimensions.remove(key) }
    guard !usedDimensions.contains(where: { $0.key == key }) else { return }
    if isOptional { optionalDimensions.insert(key) }
    usedDimensions.append((key, span))
  }

  /// The column `name` of `schema`, or `nil` after reporting an unknown column.
  ///
  /// With an open schema the name is accepted as it is (it is checked when the statement runs).
  mutating func column(_ name: Name, in schema: StageSchema) -> ColumnInfo? {
    if let column = schema[name.text] {
      use(column, at: name.span)
      return column
    }
    if schema.isOpen { return ColumnInfo(name: name.text, kind: .string) }
    report(BindMessages.unknownColumn(name, in: schema))
    return nil
  }

  /// The columns `names` of `schema`, reporting each unknown one; `nil` if any is unknown.
  mutating func columns(_ names: [Name], in schema: StageSchema) -> [ColumnInfo]? {
    var found: [ColumnInfo] = []
    var isComplete = true
    for name in names {
      if let column = column(name, in: schema) { found.append(column) } else { isComplete = false }
    }
    return isComplete ? found : nil
  }

  /// Reports a name given twice in one list (`select a, a`); returns whether all are unique.
  mutating func checkUnique(_ names: [Name], what: String) -> Bool {
    var seen = Set<String>()
    for name in names where !seen.insert(name.text).inserted {
      report(BindMessages.duplicate(name, what: what))
      return false
    }
    return true
  }
}
