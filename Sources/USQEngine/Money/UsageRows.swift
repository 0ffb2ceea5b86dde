import USQFrame

/// One usage frame as `load spend` reads it: the typed columns it matches on, and each row's
/// quantity of a line-item kind, read straight from the token columns.
struct UsageRows {
  let rowCount: Int
  /// Each row's UTC day as days after `firstDay` (nulls: `validity` cleared).
  let dayOffsets: ContiguousArray<Int64>
  let dayValidity: Bitmap?
  let firstDay: Int64
  let project: StringColumn?
  let model: StringColumn?
  let batch: BoolColumn?
  let tier: StringColumn?
  /// The token columns whose sum is each kind's quantity (`LineItemKind.allCases` order; `nil`:
  /// never billed), nulls and negatives as 0 (a share is never negative). Read only for the rows
  /// a line item counts, so rows no line item names cost nothing.
  let quantityColumns: [[IntColumn]?]

  init(endpoint: String, frame: Frame) {
    rowCount = frame.rowCount
    func string(_ name: String) -> StringColumn? {
      if case .string(let column)? = frame[name] { return column }
      return nil
    }
    project = string("project_id")
    model = string("model")
    tier = string("service_tier")
    if case .bool(let flags)? = frame["batch"] { batch = flags } else { batch = nil }
    quantityColumns = LineItemKind.allCases.map { kind in
      let fields = kind.quantityFields(endpoint: endpoint)
      guard !fields.isEmpty else { return nil }
      return fields.compactMap { name in
        if case .int(let numbers)? = frame[name] { return numbers }
        return nil
      }
    }
    guard case .time(let times)? = frame["start_time"] else {
      dayOffsets = ContiguousArray(repeating: 0, count: rowCount)
      dayValidity = Bitmap(repeating: false, count: rowCount)
      firstDay = 0
      return
    }
    var first = Int64.max
    for row in 0..<rowCount where times.isValid(row) { first = min(first, times.values[row]) }
    firstDay = TimeBucket.day.floor(first == .max ? 0 : first)
    dayValidity = times.validity
    dayOffsets = Self.offsets(times.values, from: firstDay)
  }

  /// The tier of a row (`UsageMatch.tier`).
  func tier(row: Int) -> String {
    let flag: Bool? = batch.flatMap { $0.isValid(row) ? $0.bits[row] : nil }
    return UsageMatch.tier(batch: flag, serviceTier: tier?[row])
  }
}
