import USQBasics
import USQFrame
import USQLanguage

/// `join NAME on K, … [kind=inner|left]`: joins with a stored frame on key columns present in
/// both (default `left`). Columns: the input's, then the stored frame's non-key columns (a
/// name the input already has gets `_right`).
///
/// ```
/// let projects = load projects
/// load completions group=project_id | join projects on project_id
/// ```
struct JoinOperation: PipelineOperation {
  var frameName: String
  var keys: [String]
  var kind: JoinKind

  var summary: String {
    "join \(frameName) on \(keys.joined(separator: ", ")) kind=\(kind.rawValue)"
  }

  static let help = HelpTopic(
    name: "join", aliases: [], kind: .stage, usage: "join NAME on K, … [kind=inner|left]",
    details:
      "Joins with a stored frame on key columns present in both (default kind=left).\nThe stored frame's other columns follow; a taken name gets `_right`.",
    examples: [
      "let projects = load projects | rename project_id = id",
      "load completions group=project_id | sum input_tokens by project_id | join projects on project_id",
    ])

  static func bind(
    _ frameName: Name, on keyNames: [Name], kind: JoinKind, input: StageSchema,
    _ state: inout BindState
  ) -> BoundStage? {
    guard let right = state.environment.frames[frameName.text] else {
      state.report(
        BindMessages.unknownFrame(frameName, stored: state.environment.frames.keys.sorted()))
      return nil
    }
    let rightSchema = StageSchema(right)
    guard state.checkUnique(keyNames, what: "key"), let keys = state.columns(keyNames, in: input)
    else { return nil }
    for (name, key) in zip(keyNames, keys) {
      guard let other = rightSchema[name.text] else {
        state.report(missingKey(name, frame: frameName.text, columns: rightSchema.names))
        return nil
      }
      guard other.kind == key.kind || input.isOpen else {
        state.report(kindMismatch(name, key.kind, other.kind))
        return nil
      }
    }
    var columns = input.columns
    var taken = Set(columns.map(\.name))
    for column in rightSchema.columns where !keys.contains(where: { $0.name == column.name }) {
      var name = column.name
      if taken.contains(name) {
        name = column.name + "_right"
        var number = 2
        while taken.contains(name) {
          name = "\(column.name)_right_\(number)"
          number += 1
        }
      }
      taken.insert(name)
      columns.append(ColumnInfo(name: name, kind: column.kind))
    }
    let operation = Self(frameName: frameName.text, keys: keys.map(\.name), kind: kind)
    return BoundStage(operation: .join(operation), output: input.with(columns: columns))
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    guard let right = context.environment.frames[frameName] else {
      throw ExecutionError.message("the stored frame '\(frameName)' is gone")
    }
    return try frame.join(right, on: keys, kind: kind)
  }

  fileprivate static func kindMismatch(_ name: Name, _ left: ColumnKind, _ right: ColumnKind)
    -> Diagnostic
  {
    .error(
      "bind.join-kind", "cannot join on '\(name.text)': \(left) here, \(right) in the stored frame",
      at: name.span, label: "kinds differ")
  }

  fileprivate static func missingKey(_ name: Name, frame: String, columns: [String]) -> Diagnostic {
    .error(
      "bind.join-key", "the stored frame '\(frame)' has no column '\(name.text)'", at: name.span,
      label: "not a column of '\(frame)'",
      notes: ["'\(frame)' has the columns: \(columns.joined(separator: ", "))"],
      help: DidYouMean.best(for: name.text, among: columns).map { "did you mean '\($0)'?" })
  }
}
