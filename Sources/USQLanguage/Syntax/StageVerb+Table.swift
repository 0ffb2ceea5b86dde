extension StageVerb {
  /// Every stage of the language, one row each, in the order of LANGUAGE.md.
  ///
  /// Each row's parser starts after the verb (`export` at it).
  public static let table: [StageVerb] = [
    StageVerb("where", completion: .columns) { .where($0.expression()) },
    StageVerb("select", completion: .columns) {
      .select($0.nameList("a column name after 'select'"))
    },
    StageVerb("drop", completion: .columns) {
      .drop($0.nameList("a column name after 'drop'"))
    },
    StageVerb("rename", completion: .columns) {
      .rename($0.commaList { $0.renameItem() })
    },
    StageVerb("derive", completion: .columns) {
      .derive($0.commaList { $0.derivation() })
    },
    StageVerb("sum", completion: .columnsThenBy) { $0.aggregateStage(.sum) },
    StageVerb("avg", topic: "sum", completion: .columnsThenBy) {
      $0.aggregateStage(.avg)
    },
    StageVerb("min", topic: "sum", completion: .columnsThenBy) {
      $0.aggregateStage(.min)
    },
    StageVerb("max", topic: "sum", completion: .columnsThenBy) {
      $0.aggregateStage(.max)
    },
    StageVerb("count", completion: .by) { .count(by: $0.byClause()) },
    StageVerb("agg", completion: .columnsThenBy) { $0.aggStage() },
    StageVerb("sort", completion: .sortKeys) { .sort($0.commaList { $0.sortKey() }) },
    StageVerb("top", completion: .countThenBy) { $0.topStage() },
    StageVerb("head", completion: .nothing) { .head($0.optionalCount("head")) },
    StageVerb("tail", completion: .nothing) { .tail($0.optionalCount("tail")) },
    StageVerb("bucket", completion: .bucketWidth) { .bucket($0.bucketWidth()) },
    StageVerb("fill", completion: .nothing) { _ in .fill },
    StageVerb("share", completion: .columnsThenBy) { $0.shareStage() },
    StageVerb("other", completion: .percentThenOf) { $0.otherStage() },
    StageVerb("pivot", completion: .pivot) { $0.pivotStage() },
    StageVerb("join", completion: .join) { $0.joinStage() },
    StageVerb("names", completion: .nothing) { _ in .names },
    StageVerb("price", completion: .nothing) { _ in .price },
    StageVerb("distinct", completion: .columns) {
      .distinct($0.nameList("a column name after 'distinct'"))
    },
    StageVerb("compare", completion: .compare) { $0.compareStage() },
    StageVerb("forecast", completion: .forecast) {
      .forecast(options: $0.optionList(context: "'forecast'", allowedKeys: ["to", "y"]))
    },
    StageVerb("assert", completion: .assert) { $0.assertStage() },
    StageVerb("chart", isOutput: true, completion: .chart) { $0.chartStage() },
    // `export` reads its path from the raw text after the verb, so it starts at the verb.
    StageVerb("export", isOutput: true, startsAtVerb: true, completion: .export) {
      $0.exportStage()
    },
  ]
}
