/// Numbers as people read them: thousands separators, sensible rounding, money.
///
/// One rule everywhere (tables, bar labels, legends, axes, sparkline stats, SVG): a number below
/// `ceiling` (10¹⁵, a thousand trillion) is written with grouped digits (`1,234,567`) or, where
/// room is short (axes), with a suffix (`1.2M`, `35T`); a number at or above it is written in one
/// scientific form, `1e18` or `-2.5e21`, whatever the place — so a huge value reads the same in a
/// bar label and on an axis.
public enum NumberFormatting {
  /// Magnitudes from here on are written `1.2e18` (`scientific`) in every format.
  public static let ceiling = 1e15

  /// `1234567` → `1,234,567`; from `ceiling` on, `1.235e18`.
  public static func grouped(_ value: Int64) -> String {
    guard Double(value.magnitude) < ceiling else { return scientific(Double(value)) }
    let digits = String(value.magnitude)
    var out = ""
    out.reserveCapacity(digits.count + digits.count / 3 + 1)
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return value < 0 ? "-" + out : out
  }

  /// `value` with exactly `decimals` digits after the point and thousands separators
  /// (`1234.5`, 2 → `1,234.50`). NaN and infinities are spelled `NaN`, `inf`, `-inf`.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
    guard value.magnitude < ceiling else { return scientific(value) }
    let scale = power10(decimals)
    let scaled = (value.magnitude * scale).rounded()
    guard scaled < 9.0e18 else { return scientific(value) }
    let units = Int64(scaled)
    let whole = units / Int64(scale)
    let fraction = units % Int64(scale)
    var text = grouped(whole)
    if decimals > 0 {
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return value < 0 && units != 0 ? "-" + text : text
  }

  /// The number of decimals a column of doubles needs: 2 for values of 1 or more, up to 4 below,
  /// then trailing zeros shared by every value are dropped (a column of whole numbers shows none).
  public static func decimals(for values: [Double]) -> Int {
    let finite = values.filter(\.isFinite)
    let largest = finite.map(\.magnitude).max() ?? 0
    var decimals = largest >= 1 || largest == 0 ? 2 : 4
    while decimals > 0 {
      let scale = power10(decimals)
      let needed = finite.contains { value in
        let units = (value.magnitude * scale).rounded()
        return units.truncatingRemainder(dividingBy: 10) != 0
      }
      if needed { break }
      decimals -= 1
    }
    return decimals
  }

  /// A short form for axis ticks and chart labels: `950`, `1.2K`, `35M`, `2.5B`, `0.25`; from
  /// `ceiling` on the same `1e18` as every other format.
  public static func compact(_ value: Double) -> String {
    guard value.isFinite else { return fixed(value, decimals: 0) }
    let magnitude = value.magnitude
    guard magnitude < ceiling else { return scientific(value) }
    let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
    for (index, (size, suffix)) in units.enumerated() where magnitude >= size {
      let scaled = value / size
      let decimals = scaled.magnitude < 10 ? 1 : 0
      let text = trimZeros(fixed(scaled, decimals: decimals))
      // 999,999 would round to `1,000K`: that is `1M` (and `1,000T` is `1e15`).
      if text.hasPrefix("1,000") || text.hasPrefix("-1,000") {
        let up = index == 0 ? ceiling : units[index - 1].0
        return index == 0 ? scientific(value < 0 ? -up : up) : compact(value < 0 ? -up : up)
      }
      return text + suffix
    }
    if magnitude == 0 || magnitude >= 100 { return fixed(value, decimals: 0) }
    if magnitude >= 1 { return trimZeros(fixed(value, decimals: magnitude >= 10 ? 1 : 2)) }
    return trimZeros(fixed(value, decimals: 3))
  }

  /// A chart value label: integers grouped in full, others with up to two decimals.
  static func label(_ value: Double, decimals: Int) -> String {
    if value == value.rounded() && value.magnitude < 1e15 && decimals == 0 {
      return grouped(Int64(value))
    }
    return fixed(value, decimals: decimals)
  }

  /// Money: `$1,234.56` for known currencies (usd, eur, gbp, jpy…), else `1,234.56 CHF`.
  public static func money(_ value: Double, currency: String?) -> String {
    let code = (currency ?? "").lowercased()
    let symbols = ["usd": "$", "eur": "€", "gbp": "£", "jpy": "¥", "inr": "₹", "cny": "¥"]
    let decimals = code == "jpy" ? 0 : 2
    guard let symbol = symbols[code] else {
      let number = fixed(value, decimals: decimals)
      return code.isEmpty ? number : number + " " + code.uppercased()
    }
    let number = fixed(value.magnitude, decimals: decimals)
    let negative = value < 0 && number.contains(where: { $0 != "0" && $0 != "." && $0 != "," })
    return (negative ? "-" : "") + symbol + number
  }

  /// `1e18`, `1.5e18`, `-9.223e18`: at most four significant digits, trailing zeros dropped.
  public static func scientific(_ value: Double) -> String {
    guard value.isFinite else { return fixed(value, decimals: 0) }
    guard value != 0 else { return "0" }
    var exponent = 0
    while exponent < 400 && power10(exponent + 1) <= value.magnitude { exponent += 1 }
    while exponent > -400 && power10Signed(exponent) > value.magnitude { exponent -= 1 }
    var mantissa = value.magnitude / power10Signed(exponent)
    mantissa = (mantissa * 1000).rounded() / 1000
    if mantissa >= 10 {
      mantissa /= 10
      exponent += 1
    }
    let digits = trimZeros(fixed(mantissa, decimals: 3))
    return (value < 0 ? "-" : "") + digits + "e" + String(exponent)
  }

  private static func power10Signed(_ exponent: Int) -> Double {
    exponent >= 0 ? power10(exponent) : 1 / power10(-exponent)
  }

  private static func trimZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var text = text
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  private static func power10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(0, exponent) { result *= 10 }
    return result
  }
}

extension Int {
  /// `value` rounded toward zero, NaN as 0 and out-of-range values clamped to ±2⁶⁰, so chart
  /// arithmetic on extreme data (1e308, denormals, sums that overflow to infinity) cannot trap.
  init(saturating value: Double) {
    let limit = Double(1 << 60)
    if value.isNaN {
      self = 0
    } else {
      self = Int(Swift.max(-limit, Swift.min(limit, value)))
    }
  }
}

extension NumberFormatting {
  /// Whether every value is a whole number small enough to print as an integer.
  static func areWhole(_ values: some Sequence<Double>) -> Bool {
    values.allSatisfy { $0 == $0.rounded() && $0.magnitude < 1e15 }
  }
}
