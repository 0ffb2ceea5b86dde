import USQFrame

/// Money columns and their currencies: `amount` is money in the currency its `currency` column
/// names (LANGUAGE.md "Money").
///
/// A frame keeps its rows' currency only while the `currency` column is there; `sum amount` or a
/// `select` drops it. So the currency is read once, from the frame a statement starts from, and
/// the shell carries it through the stages (`MoneyTracking`) to print `€`, `$` or `CHF`.
public enum MoneyColumns {
  /// Money column → the column holding its currency code.
  public static let currencyColumns = ["amount": "currency"]

  /// The currency of each money column of `frame` whose currency column holds exactly one code
  /// (lowercased, `usd`); `""` for one with several codes (no single currency: once they are
  /// summed together the amounts print as plain numbers); a column with no code is left out.
  public static func currencies(in frame: Frame) -> [String: String] {
    var found: [String: String] = [:]
    for (money, currencyName) in currencyColumns {
      guard frame[money]?.kind.isNumeric == true, case .string(let codes)? = frame[currencyName]
      else { continue }
      // Codes, not strings, per row: a loaded frame can hold a million rows.
      var first: UInt32?
      var mixed = false
      for row in 0..<codes.count where codes.isValid(row) {
        let code = codes.codes[row]
        if first == nil { first = code }
        if code != first
          && codes.dictionary[Int(code)].lowercased()
            != first.map({ codes.dictionary[Int($0)].lowercased() })
        {
          mixed = true
          break
        }
      }
      if mixed {
        found[money] = ""
      } else if let first {
        found[money] = codes.dictionary[Int(first)].lowercased()
      }
    }
    return found
  }
}
