import USQFrame

/// Display text for the cells of one column, as tables and chart labels show them.
struct CellText {
  /// One entry per row; nil for null.
  var texts: [String?]
  /// Numbers are right-aligned.
  var isRightAligned: Bool

  /// Text for `rows` of `column`; `currency` (a column of the same frame) turns numbers into money.
  ///
  /// Times share one precision (date, minute or second) chosen from the rows outside `partial`;
  /// rows in `partial` (in-progress buckets, which end at "now") add what they need on their own,
  /// so one open bucket does not turn a column of dates into a column of midnights.
  /// With `dailyBuckets` (the frame holds day buckets, which are UTC days), a column whose settled
  /// values are all UTC midnights shows their UTC dates, whatever the zone.
  init(
    _ column: Column, rows: Range<Int>, zone: RenderTimeZone, currency: Column? = nil,
    sanitize: Bool = true, partial: Set<Int> = [], dailyBuckets: Bool = false
  ) {
    isRightAligned = column.kind.isNumeric
    switch column {
    case .int(let values):
      if let currency {
        texts = rows.map { row in
          values[row].map {
            NumberFormatting.money(Double($0), currency: CellText.string(currency, row))
          }
        }
      } else {
        texts = rows.map { values[$0].map(NumberFormatting.grouped) }
      }
    case .double(let values):
      if let currency {
        texts = rows.map { row in
          values[row].map { NumberFormatting.money($0, currency: CellText.string(currency, row)) }
        }
      } else {
        let decimals = NumberFormatting.decimals(for: rows.compactMap { values[$0] })
        texts = rows.map { values[$0].map { NumberFormatting.fixed($0, decimals: decimals) } }
      }
    case .bool(let values):
      texts = rows.map { values[$0].map { $0 ? "true" : "false" } }
    case .time(let values):
      texts = CellText.times(
        values, rows: rows, zone: zone, partial: partial, dailyBuckets: dailyBuckets)
    case .string(let values):
      // Clean the dictionary once, then look codes up: no per-row string work.
      let dictionary = sanitize ? values.dictionary.map(CellText.singleLine) : values.dictionary
      texts = rows.map { row in values.isValid(row) ? dictionary[Int(values.codes[row])] : nil }
    }
  }

  /// Times at one precision for settled rows; partial rows add what they need (see `init`).
  private static func times(
    _ values: TimeColumn, rows: Range<Int>, zone: RenderTimeZone, partial: Set<Int>,
    dailyBuckets: Bool
  ) -> [String?] {
    let settled = rows.filter { !partial.contains($0) }
    let settledValues = settled.compactMap { values[$0] }
    let utcDays = dailyBuckets && settledValues.allSatisfy { $0 % 86_400 == 0 }
    let precision = TimeFormatting.precision(of: settledValues, zone: utcDays ? .utc : zone)
    return rows.map { row in
      values[row].map { instant in
        if utcDays && instant % 86_400 == 0 {
          return TimeFormatting.format(instant, zone: .utc, precision: .date)
        }
        var own = precision
        if partial.contains(row) {
          own = max(precision, TimeFormatting.precision(of: [instant], zone: zone))
        }
        return TimeFormatting.format(instant, zone: zone, precision: own)
      }
    }
  }

  static func string(_ column: Column, _ row: Int) -> String? {
    if case .string(let strings) = column { return strings[row] }
    return nil
  }

  /// `text` on one line: newlines shown as `↵`, tabs and other control characters as spaces.
  static func singleLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
      return text
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A: out.append("↵")
      case 0x0D: continue
      case 0..<0x20, 0x7F: out.append(" ")
      default: out.append(scalar)
      }
    }
    return String(out)
  }
}
