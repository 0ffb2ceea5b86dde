/// A JSON value as the demo organization writes it; numbers keep their exact text.
enum DemoJSON: Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  /// A number written verbatim (exact decimals such as `0.0601875`).
  case number(String)
  case string(String)
  case array([DemoJSON])
  /// Keys in order.
  case object([(String, DemoJSON)])

  static func optional(_ text: String?) -> DemoJSON { text.map(DemoJSON.string) ?? .null }
  static func optional(_ value: Int64?) -> DemoJSON { value.map(DemoJSON.int) ?? .null }

  /// Compact JSON text.
  var text: String {
    var output = ""
    write(to: &output)
    return output
  }

  func write(to output: inout String) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .number(let text): output += text
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let items):
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        item.write(to: &output)
      }
      output += "]"
    case .object(let members):
      output += "{"
      for (index, member) in members.enumerated() {
        if index > 0 { output += "," }
        Self.writeString(member.0, to: &output)
        output += ":"
        member.1.write(to: &output)
      }
      output += "}"
    }
  }

  private static func writeString(_ value: String, to output: inout String) {
    output += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}

/// Exact decimal text for money and quantities.
enum DemoDecimal {
  /// Picodollars (10⁻¹² USD) as a decimal number text: 60187500000 → `0.0601875`.
  static func dollars(picos: Int64) -> String {
    let negative = picos < 0
    let magnitude = picos.magnitude
    let whole = magnitude / 1_000_000_000_000
    var fraction = String(magnitude % 1_000_000_000_000)
    fraction = String(repeating: "0", count: 12 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    if fraction.isEmpty { fraction = "0" }
    return (negative ? "-" : "") + "\(whole).\(fraction)"
  }

  /// A non-negative quantity with at most six decimals: 12.5 → `12.5`, 3 → `3`.
  static func quantity(_ value: Double) -> String {
    let scaled = Int64((value * 1_000_000).rounded())
    let whole = scaled / 1_000_000
    var fraction = String(scaled % 1_000_000)
    fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)"
  }
}
