/// Numbers as people read them: thousands separators, sensible rounding, money.
public enum NumberFormatting {
  /// `1234567` → `1,234,567`.
  public static func grouped(_ value: Int64) -> String {
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
    let scale = power10(decimals)
    let scaled = (value.magnitude * scale).rounded()
    guard scaled < 9.0e18 else { return String(value) }
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

  /// A short form for axis ticks and chart labels: `950`, `1.2K`, `35M`, `2.5B`, `0.25`.
  public static func compact(_ value: Double) -> String {
    guard value.isFinite else { return fixed(value, decimals: 0) }
    let magnitude = value.magnitude
    let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
    for (size, suffix) in units where magnitude >= size {
      let scaled = value / size
      let decimals = scaled.magnitude < 10 ? 1 : 0
      return trimZeros(fixed(scaled, decimals: decimals)) + suffix
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
