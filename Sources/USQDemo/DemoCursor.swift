import Foundation

/// The opaque `page` cursor: `page_` + base64 of a marker, the next bucket's start and a check.
///
/// The marker bytes make every cursor contain `+` and `/`, and the length makes it end in `==`,
/// so clients that do not percent-encode a cursor fail visibly, as they would against the API.
enum DemoCursor {
  private static let marker: [UInt8] = [0xFB, 0xFF, 0xBF, 0x01]

  static func encode(position: Int64, seed: UInt64) -> String {
    var bytes = marker
    withUnsafeBytes(of: position.bigEndian) { bytes.append(contentsOf: $0) }
    let check = UInt32(truncatingIfNeeded: DemoHash.hash(seed, UInt64(bitPattern: position), 0xC0))
    withUnsafeBytes(of: check.bigEndian) { bytes.append(contentsOf: $0) }
    return "page_" + Data(bytes).base64EncodedString()
  }

  /// The position in `cursor`, or nil when it is not one of ours.
  static func decode(_ cursor: String, seed: UInt64) -> Int64? {
    guard cursor.hasPrefix("page_"), let data = Data(base64Encoded: String(cursor.dropFirst(5))),
      data.count == 16
    else { return nil }
    let bytes = [UInt8](data)
    guard Array(bytes[0..<4]) == marker else { return nil }
    let position = bytes[4..<12].reduce(Int64(0)) { $0 << 8 | Int64($1) }
    guard encode(position: position, seed: seed) == cursor else { return nil }
    return position
  }
}
