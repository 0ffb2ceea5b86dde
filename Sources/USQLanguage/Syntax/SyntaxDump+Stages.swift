extension SyntaxDump {
  /// The dump of a stage: its verb and arguments.
  public static func describe(_ stage: StageSyntax) -> String {
    switch stage.kind {
    case .where(let condition): "where \(describe(condition))"
    case .select(let columns): "select \(names(columns))"
    case .drop(let columns): "drop \(names(columns))"
    case .distinct(let columns): "distinct \(names(columns))"
    case .rename(let items):
      "rename [" + items.map { "\($0.newName.text) = \($0.oldName.text)" }.joined(separator: ", ")
        + "]"
    case .derive(let items):
      "derive ["
        + items.map { "\($0.name.text) = \(describe($0.expression))" }.joined(separator: ", ") + "]"
    case .aggregate(let function, let columns, let keys):
      "\(function.rawValue) \(names(columns))\(by(keys))"
    case .count(let keys): "count" + by(keys)
    case .agg(let calls, let keys):
      "agg [" + calls.map(describe).joined(separator: ", ") + "]" + by(keys)
    case .sort(let keys):
      "sort ["
        + keys.map { "\($0.column.text) \($0.isDescending ? "desc" : "asc")" }.joined(
          separator: ", ") + "]"
    case .top(let count, let column): "top \(count.value)" + (column.map { " by \($0.text)" } ?? "")
    case .head(let count): "head" + (count.map { " \($0.value)" } ?? "")
    case .tail(let count): "tail" + (count.map { " \($0.value)" } ?? "")
    case .bucket(let width): "bucket \(describe(width))"
    case .fill: "fill"
    case .names: "names"
    case .price: "price"
    case .share(let column, let keys): "share \(column.text)" + by(keys)
    case .other(let percent, let column):
      "other \(percent.value)%" + (column.map { " of \($0.text)" } ?? "")
    case .pivot(let column, let values): "pivot \(column.text) values \(values.text)"
    case .join(let frame, let keys, let kind):
      "join \(frame.text) on \(names(keys)) kind=\(kind.rawValue)"
    case .chart(let kind, let options):
      (["chart \(kind.rawValue)"] + options.map(describe)).joined(separator: " ")
    case .export(let path, let format, let options):
      (["export \(describe(path))", "(format: \(format?.rawValue ?? "auto"))"]
        + options.map(describe))
        .joined(separator: " ")
    case .compare(.previous): "compare prev"
    case .compare(.duration(let duration, _)): "compare \(duration.seconds)s"
    case .forecast(let options): (["forecast"] + options.map(describe)).joined(separator: " ")
    case .assert(let condition, let message):
      "assert \(describe(condition))" + (message.map { " message=\"\($0.text)\"" } ?? "")
    }
  }

  static func describe(_ call: AggregateCallSyntax) -> String {
    "\(call.function.rawValue)(\(call.argument?.text ?? "")) as \(call.resultName)"
  }

  static func describe(_ width: BucketWidth) -> String {
    switch width.kind {
    case .hour: "hour"
    case .day: "day"
    case .week: "week"
    case .month: "month"
    case .duration(let duration): "\(duration.seconds)s"
    }
  }

  /// The dump of a shell command.
  public static func describe(_ command: CommandSyntax) -> String {
    switch command.kind {
    case .help(let topic): "help" + (topic.map { " \"\($0.text)\"" } ?? "")
    case .fields(let endpoint, let field):
      (["fields"] + [endpoint, field].compactMap { $0?.text }).joined(separator: " ")
    case .describe(let frame): "describe" + (frame.map { " \($0.text)" } ?? "")
    case .explain(let pipeline): "explain (\(describe(pipeline)))"
    case .set(let name, let value): "set \(name.text)=\(value.text)"
    case .settings: "settings"
    case .frames: "frames"
    case .run(let path, let arguments):
      (["run \(describe(path))"] + arguments.map { "\($0.key.text)=\($0.rawText)" }).joined(
        separator: " ")
    case .cache(let action): "cache \(action.rawValue)"
    case .history: "history"
    case .watch(let every, let pipeline):
      "watch every=\(every?.seconds ?? WatchInterval.defaultSeconds)s " + describe(pipeline)
    case .quit: command.verb.text
    }
  }
}
