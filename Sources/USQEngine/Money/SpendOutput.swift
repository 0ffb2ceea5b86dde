import USQFrame

/// The rows of `load spend` as they are produced: which costs row and which group-key tuple each
/// comes from, with its quantity, amount and whether it was attributed. The columns are
/// gathered from the costs frame and the tuples at the end.
struct SpendOutput {
  var costsRows: [Int] = []
  var tuples: [Int] = []
  var quantities = ContiguousArray<Double>()
  var quantityValid: [Bool] = []
  var amounts = ContiguousArray<Double>()
  var amountValid: [Bool] = []
  var attributed: [Bool] = []

  init(reserving count: Int) {
    costsRows.reserveCapacity(count)
    tuples.reserveCapacity(count)
    quantities.reserveCapacity(count)
    amounts.reserveCapacity(count)
  }

  mutating func appendShare(costsRow: Int, tuple: Int, quantity: Double, amount: Double) {
    append(costsRow: costsRow, tuple: tuple, quantity: quantity, amount: amount, attributed: true)
  }

  mutating func appendWhole(costsRow: Int, quantity: Double?, amount: Double?, nullTuple: Int) {
    append(
      costsRow: costsRow, tuple: nullTuple, quantity: quantity, amount: amount, attributed: false)
  }

  private mutating func append(
    costsRow: Int, tuple: Int, quantity: Double?, amount: Double?, attributed: Bool
  ) {
    costsRows.append(costsRow)
    tuples.append(tuple)
    quantities.append(quantity ?? 0)
    quantityValid.append(quantity != nil)
    amounts.append(amount ?? 0)
    amountValid.append(amount != nil)
    self.attributed.append(attributed)
  }

  /// The result frame (`SpendAttribution.schema` order).
  func frame(costs: Frame, tuples tupleFrame: Frame, groupKeys: [String]) -> Frame {
    func fromCosts(_ name: String, _ kind: ColumnKind) -> Column {
      guard let column = costs[name], column.kind == kind else {
        return .nulls(kind, count: costsRows.count)
      }
      return Self.gather(column, costsRows)
    }
    var pairs: [(String, Column)] = [
      ("start_time", fromCosts("start_time", .time)), ("end_time", fromCosts("end_time", .time)),
      ("project_id", fromCosts("project_id", .string)),
      ("line_item", fromCosts("line_item", .string)),
    ]
    for key in groupKeys {
      pairs.append(
        (key, tupleFrame[key].map { Self.gather($0, tuples) } ?? .nulls(.string, count: 0)))
    }
    pairs += [
      ("quantity", .double(DoubleColumn(values: quantities, validity: Self.bitmap(quantityValid)))),
      ("amount", .double(DoubleColumn(values: amounts, validity: Self.bitmap(amountValid)))),
      ("currency", fromCosts("currency", .string)),
      ("attributed", .bool(BoolColumn(bits: Self.bitmap(attributed.count) { attributed[$0] }))),
    ]
    return Frame(unchecked: pairs)
  }

  private static func bitmap(_ valid: [Bool]) -> Bitmap? {
    valid.allSatisfy { $0 } ? nil : bitmap(valid.count) { valid[$0] }
  }
}
