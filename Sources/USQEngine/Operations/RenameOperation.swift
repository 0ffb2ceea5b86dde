import USQFrame
import USQLanguage

/// `rename NEW = OLD, …`: renames columns in place.
///
/// ```
/// load completions group=model | rename requests = num_model_requests
/// ```
struct RenameOperation: PipelineOperation {
  var renames: [(new: String, old: String)]

  var summary: String {
    "rename " + renames.map { "\($0.new) = \($0.old)" }.joined(separator: ", ")
  }

  static let help = HelpTopic(
    name: "rename", aliases: [], kind: .stage, usage: "rename NEW = OLD, …",
    details: "Renames columns in place.",
    examples: [
      "load completions | rename requests = num_model_requests"
    ])

  static func bind(_ items: [RenameSyntax], input: StageSchema, _ state: inout BindState)
    -> BoundStage?
  {
    guard state.checkUnique(items.map(\.oldName), what: "column"),
      state.checkUnique(items.map(\.newName), what: "new name"),
      state.columns(items.map(\.oldName), in: input) != nil
    else { return nil }
    var columns = input.columns
    for item in items {
      guard let index = columns.firstIndex(where: { $0.name == item.oldName.text }) else {
        continue
      }
      columns[index].name = item.newName.text
    }
    var seen = Set<String>()
    for column in columns where !seen.insert(column.name).inserted {
      let item = items.first { $0.newName.text == column.name }
      state.report(taken(item?.newName ?? items[0].newName))
      return nil
    }
    let operation = Self(renames: items.map { ($0.newName.text, $0.oldName.text) })
    return BoundStage(operation: .rename(operation), output: input.with(columns: columns))
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    try frame.rename(renames)
  }

  fileprivate static func taken(_ name: Name) -> Diagnostic {
    .error(
      "bind.name-taken", "a column named '\(name.text)' already exists", at: name.span,
      label: "already a column", help: "drop it first, or pick another name")
  }
}

extension RenameOperation: ColumnPruning {
  /// The needed columns plus every old and new name: renames apply in order to the first
  /// column of a name, so the columns they touch all stay.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    demand.columns.union(renames.flatMap { [$0.new, $0.old] })
  }
}
