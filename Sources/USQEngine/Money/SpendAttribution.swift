import USQFrame

/// The heart of `load spend`: billed dollars of the Costs API split across the usage rows each
/// line item counts, in proportion to their quantity (LANGUAGE.md contract v2, "Money").
///
/// A pure function over frames: the costs frame (`group_by=project_id,line_item`) and the usage
/// frames (`completions`, `embeddings`, grouped by project, model, batch, service tier and the
/// requested keys). For each costs row, the matching usage rows (same UTC day, project, model
/// and tier; quantity per `LineItemKind`) are summed per group-key tuple and the row's `amount`
/// is split by quantity, the last share taking the remainder so the parts add up to the amount.
/// A line item that does not parse, or has no matching usage with a positive quantity, is kept
/// whole with null keys and `attributed = false`. So `sum amount` of the result equals `sum
/// amount` of the costs, whatever the group keys.
///
/// ```swift
/// let spend = SpendAttribution.attribute(
///   costs: costs, usage: [("completions", completions)], groupKeys: ["user_id"])
/// ```
public enum SpendAttribution {
  /// The group keys `load spend group=` accepts, in the API's order, with their kinds.
  public static let groupKeys: [(name: String, kind: ColumnKind)] = [
    ("user_id", .string), ("api_key_id", .string), ("model", .string), ("batch", .bool),
    ("service_tier", .string),
  ]

  /// The columns of the result for `groupKeys` (in the order written).
  public static func schema(groupKeys: [String]) -> [(String, ColumnKind)] {
    [("start_time", .time), ("end_time", .time), ("project_id", .string), ("line_item", .string)]
      + groupKeys.map { ($0, kind(of: $0)) }
      + [("quantity", .double), ("amount", .double), ("currency", .string), ("attributed", .bool)]
  }

  static func kind(of key: String) -> ColumnKind {
    groupKeys.first { $0.name == key }?.kind ?? .string
  }

  /// Splits `costs` over `usage` by `groupKeys`.
  ///
  /// - Parameters:
  ///   - costs: `start_time end_time project_id line_item amount currency quantity` (missing
  ///     columns count as null).
  ///   - usage: each usage endpoint's name and frame.
  ///   - groupKeys: the keys of the result, in the order written.
  /// - Returns: `start_time end_time project_id line_item` + the keys + `quantity amount
  ///   currency attributed`, one row per costs row and key tuple, in costs order, tuples
  ///   ascending.
  public static func attribute(
    costs: Frame, usage: [(endpoint: String, frame: Frame)], groupKeys: [String]
  ) -> Frame {
    let usageIndex = SpendUsageIndex(
      usage: usage, groupKeys: groupKeys, keyKinds: groupKeys.map(kind(of:)))
    var output = SpendOutput(reserving: costs.rowCount)
    var splitter = Splitter(tupleCount: usageIndex.tuples.rowCount)
    let lineItems = parsedLineItems(costs["line_item"], rows: costs.rowCount)
    let starts = costs["start_time"]
    let projects = costs["project_id"]
    let amounts = costs["amount"]
    let quantities = costs["quantity"]
    for row in 0..<costs.rowCount {
      let amount = amounts?[row].doubleValue
      if let item = lineItems[row], case .time(let start)? = starts?[row], let amount {
        let project: String? = if case .string(let id)? = projects?[row] { id } else { nil }
        let key = usageIndex.key(day: TimeBucket.day.floor(start), project: project, item: item)
        if let key, let matches = usageIndex.index[key],
          splitter.split(
            amount, kind: item.kind, matches: matches, in: usageIndex,
            costsRow: row, into: &output)
        {
          continue
        }
      }
      output.appendWhole(
        costsRow: row, quantity: quantities?[row].doubleValue, amount: amount,
        nullTuple: usageIndex.tuples.rowCount - 1)
    }
    return output.frame(costs: costs, tuples: usageIndex.tuples, groupKeys: groupKeys)
  }

  /// The parsed line item of each row (parsed once per distinct text).
  static func parsedLineItems(_ column: Column?, rows: Int) -> [LineItem?] {
    guard case .string(let texts)? = column else { return Array(repeating: nil, count: rows) }
    let parsed = texts.dictionary.map(LineItem.init(parsing:))
    return (0..<rows).map { texts.isValid($0) ? parsed[Int(texts.codes[$0])] : nil }
  }

  /// Sums matching rows per tuple with a scratch array indexed by tuple rank (no allocation per
  /// costs row; the shares come out in ascending tuple order by ordering integers).
  struct Splitter {
    var sums: ContiguousArray<Double>
    var touched: [Int32] = []
    /// The quantity of each row of the match group being added (zero between groups).
    var quantities = ContiguousArray<Int64>()

    init(tupleCount: Int) {
      sums = ContiguousArray(repeating: 0, count: tupleCount)
    }

    /// Appends the shares of `amount`; false (nothing appended) when no matching quantity.
    mutating func split(
      _ amount: Double, kind: LineItemKind, matches: [(part: Int, group: Int)],
      in usage: SpendUsageIndex, costsRow: Int, into output: inout SpendOutput
    ) -> Bool {
      guard let kindIndex = LineItemKind.allCases.firstIndex(of: kind) else { return false }
      var total: Double = 0
      for (partIndex, group) in matches {
        let part = usage.parts[partIndex]
        guard let columns = part.rows.quantityColumns[kindIndex] else { continue }
        let rows = part.members[part.offsets[group]..<part.offsets[group + 1]]
        if quantities.count < rows.count {  // grows to the largest match group, then stays
          quantities.append(contentsOf: repeatElement(0, count: rows.count - quantities.count))
        }
        for column in columns { addQuantities(column, of: rows) }
        total += add(rows, tuples: part.localTuples, rankOfLocal: part.rankOfLocal)
      }
      guard total > 0 else { return false }
      orderTouched()
      var remaining = amount
      for (position, rank) in touched.enumerated() {
        let quantity = sums[Int(rank)]
        // The last share takes what is left, so the shares add up to the billed amount.
        let share = position == touched.count - 1 ? remaining : amount * (quantity / total)
        remaining -= share
        output.appendShare(
          costsRow: costsRow, tuple: Int(usage.tupleOfRank[Int(rank)]), quantity: quantity,
          amount: share)
        sums[Int(rank)] = 0
      }
      touched.removeAll(keepingCapacity: true)
      return true
    }

    /// Puts the touched ranks in ascending order: a scan of `sums` when they are many (every
    /// touched sum is positive), a sort when they are few.
    private mutating func orderTouched() {
      guard touched.count * 16 >= sums.count else {
        touched.sort()
        return
      }
      touched.removeAll(keepingCapacity: true)
      for rank in sums.indices where sums[rank] > 0 { touched.append(Int32(rank)) }
    }
  }
}
