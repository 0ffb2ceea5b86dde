import USQBasics
import USQFrame
import USQLanguage

/// What `sum`, `avg`, `min`, `max`, `count` and `agg` share: checking keys and aggregated
/// columns, the output schema (keys first, then the aggregates as written), and running.
struct Aggregation: Sendable {
  var aggregates: [Aggregate]
  var keys: [String]

  /// One aggregate to bind: function, its column (nil for `count()`), the output name.
  struct Request {
    var function: AggregateFunction
    var column: Name?
    var outputName: String
    var span: Span
  }

  static func bind(
    _ requests: [Request], by keyNames: [Name], verb: Name, input: StageSchema,
    _ state: inout BindState
  ) -> (Aggregation, StageSchema)? {
    guard state.checkUnique(keyNames, what: "group key"),
      let keys = state.columns(keyNames, in: input)
    else { return nil }
    var columns = keys
    var aggregates: [Aggregate] = []
    for request in requests {
      guard let kind = bindOne(request, verb: verb, input: input, &state) else { return nil }
      if columns.contains(where: { $0.name == request.outputName }) {
        state.report(clash(request.outputName, at: request.span))
        return nil
      }
      columns.append(ColumnInfo(name: request.outputName, kind: kind))
      aggregates.append(Aggregate(request.function, request.column?.text, as: request.outputName))
    }
    var output = input.with(columns: columns)
    if !columns.contains(where: { $0.name == "start_time" }) { output.bucketWidth = nil }
    return (Aggregation(aggregates: aggregates, keys: keys.map(\.name)), output)
  }

  /// The result kind of one aggregate, or `nil` after reporting a bad column.
  private static func bindOne(
    _ request: Request, verb: Name, input: StageSchema, _ state: inout BindState
  ) -> ColumnKind? {
    guard let name = request.column else { return .int }
    guard let column = state.column(name, in: input) else { return nil }
    switch request.function {
    case .sum, .avg, .median, .p90, .p99:
      guard column.kind.isNumeric else {
        state.report(BindMessages.expectedNumeric(name, column: column, verb: verb.text))
        return nil
      }
      return request.function == .sum ? column.kind : .double
    case .count, .distinct: return .int
    case .min, .max, .first, .last: return column.kind
    }
  }

  func run(_ frame: Frame) throws -> Frame {
    try frame.aggregate(aggregates, by: keys)
  }

  var byText: String { keys.isEmpty ? "" : " by " + keys.joined(separator: ", ") }

  /// The columns it reads: the keys and the aggregated columns.
  var inputColumns: Set<String> { Set(keys).union(aggregates.compactMap(\.column)) }

  fileprivate static func clash(_ name: String, at span: Span) -> Diagnostic {
    .error(
      "bind.duplicate-output", "the result would have two columns named '\(name)'", at: span,
      label: "already a column of the result", help: "name it with 'agg F(C) as NAME'")
  }
}
