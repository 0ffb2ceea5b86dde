/// Recognises lines that carry an API key, so they are never written to the history file.
public enum KeyMaterial {
  /// The number of key characters after `sk-` that make a word look like a key.
  public static let minimumKeyLength = 20

  /// Whether `line` contains key material: `OPENAI_ADMIN_KEY=` anywhere (any case), or `sk-`
  /// starting a word and followed by at least 20 key characters (`A-Z a-z 0-9 _ -`).
  ///
  /// A word starts where the previous character is not a letter or digit, so `risk-assessment-…`
  /// is not a key but `key="sk-…"` and `_sk-…` are.
  /// Any of `secrets` (the configured key, compared exactly) also counts, whatever its shape.
  public static func contains(_ line: String, secrets: [String] = []) -> Bool {
    if secrets.contains(where: { !$0.isEmpty && line.contains($0) }) { return true }
    let bytes = Array(line.utf8)
    if containsAdminKeyAssignment(bytes) { return true }
    var index = 0
    while index + 3 <= bytes.count {
      if bytes[index] == UInt8(ascii: "s"), bytes[index + 1] == UInt8(ascii: "k"),
        bytes[index + 2] == UInt8(ascii: "-"),
        index == 0 || !isAlphanumeric(bytes[index - 1])
      {
        var end = index + 3
        while end < bytes.count, isKeyCharacter(bytes[end]) { end += 1 }
        if end - (index + 3) >= minimumKeyLength { return true }
      }
      index += 1
    }
    return false
  }

  private static let adminKeyAssignment = Array("openai_admin_key=".utf8)

  private static func containsAdminKeyAssignment(_ bytes: [UInt8]) -> Bool {
    let needle = adminKeyAssignment
    guard bytes.count >= needle.count else { return false }
    for start in 0...(bytes.count - needle.count) {
      var matched = true
      for offset in 0..<needle.count where lowercased(bytes[start + offset]) != needle[offset] {
        matched = false
        break
      }
      if matched { return true }
    }
    return false
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte + 32 : byte
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  private static func isKeyCharacter(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
  }
}
