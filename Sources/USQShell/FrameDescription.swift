import USQBasics
import USQFrame
import USQRender

/// The `describe` table: one row per column with its type, nulls, distinct values, min, max, sum.
enum FrameDescription {
  static func describe(_ frame: Frame) -> Frame {
    var type: [String?] = []
    var nulls = ContiguousArray<Int64>()
    var distinct = ContiguousArray<Int64>()
    var minimum: [String?] = []
    var maximum: [String?] = []
    var sums: [String?] = []
    for column in frame.columns {
      type.append(column.kind.rawValue)
      nulls.append(Int64(column.nullCount))
      let values = (0..<column.count).map { column[$0] }.filter { !$0.isNull }
      distinct.append(Int64(Set(values).count))
      let sorted = values.sorted(by: Self.ascending)
      minimum.append(sorted.first.map(Self.text))
      maximum.append(sorted.last.map(Self.text))
      sums.append(Self.sum(values, kind: column.kind))
    }
    return Frame(unchecked: [
      ("column", .string(StringColumn(frame.names.map { Optional($0) }))),
      ("type", .string(StringColumn(type))),
      ("nulls", .int(IntColumn(values: nulls))),
      ("distinct", .int(IntColumn(values: distinct))),
      ("min", .string(StringColumn(minimum))),
      ("max", .string(StringColumn(maximum))),
      ("sum", .string(StringColumn(sums))),
    ])
  }

  private static func ascending(_ lhs: Value, _ rhs: Value) -> Bool {
    switch (lhs, rhs) {
    case (.int(let a), .int(let b)), (.time(let a), .time(let b)): a < b
    case (.double(let a), .double(let b)): a < b
    case (.bool(let a), .bool(let b)): !a && b
    case (.string(let a), .string(let b)): Array(a.utf8).lexicographicallyPrecedes(b.utf8)
    default: false
    }
  }

  private static func text(_ value: Value) -> String {
    switch value {
    case .int(let number): NumberFormatting.grouped(number)
    case .double(let number): String(number)
    case .time(let seconds): ISODate.format(seconds)
    default: value.description
    }
  }

  private static func sum(_ values: [Value], kind: ColumnKind) -> String? {
    switch kind {
    case .int:
      var total: Int64 = 0
      for case .int(let number) in values {
        let (next, overflow) = total.addingReportingOverflow(number)
        if overflow { return "overflow" }
        total = next
      }
      return NumberFormatting.grouped(total)
    case .double:
      var total = 0.0
      for case .double(let number) in values { total += number }
      return String(total)
    default:
      return nil
    }
  }
}
