import USQBasics

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
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Compact JSON as UTF-8 bytes.
  var bytes: [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(4_096)
    write(to: &output)
    return output
  }

  func write(to output: inout [UInt8]) {
    switch self {
    case .null: output.append(contentsOf: Self.nullBytes)
    case .bool(let value): output.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
    case .int(let value): Self.writeInteger(value, to: &output)
    case .number(let text): output.append(contentsOf: text.utf8)
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let items):
      output.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        item.write(to: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      for (index, member) in members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        // Keys are field names chosen in code ([a-z_]), written without escaping.
        output.append(UInt8(ascii: "\""))
        output.append(contentsOf: member.0.utf8)
        output.append(contentsOf: Self.keyEnd)
        member.1.write(to: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  private static let keyEnd = Array("\":".utf8)
  private static let nullBytes = Array("null".utf8)
  private static let trueBytes = Array("true".utf8)
  private static let falseBytes = Array("false".utf8)

  private static func writeInteger(_ value: Int64, to output: inout [UInt8]) {
    // Integers of up to 15 digits are small strings: no allocation.
    output.append(contentsOf: String(value).utf8)
  }

  private static func writeString(_ value: String, to output: inout [UInt8]) {
    JSONText.appendQuoted(value, to: &output)
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
