extension HelpCatalog {
  /// `help spend` (and `help money`): who spends what.
  static let moneyTopics: [HelpTopic] = [
    HelpTopic(
      name: "spend", aliases: ["money", "line_item", "line items"], kind: .language,
      usage: "load spend [days=N since=T until=T project=ID,… group=K,…]",
      details: """
        The billed dollars of the Costs API, split per day, project and line item across the usage
        rows that line item counts, in proportion to their quantity. group= takes any of model
        user_id api_key_id batch service_tier (default: model), in the order written. Columns:
        start_time end_time project_id line_item, the group keys, quantity amount currency
        attributed. A line item usq cannot read, or with no matching usage that day (tools,
        storage, images, a model absent from usage), is kept whole with null keys and
        attributed = false, so `sum amount` always equals `load costs … | sum amount`.
        Token line items read as [TIER | ]MODEL, KIND[ (TIER)] (see: fields costs line_item);
        costs and usage are fetched at the same time; explain shows every request and the join.
        """,
      examples: [
        "load spend days=30 group=user_id | sum amount by user_id | names | top 5",
        "load spend days=30 | sum amount by model | other 5% | chart pie",
        "load spend days=30 | sum amount by attributed",
        "explain load spend days=7 group=api_key_id",
      ])
  ]
}
