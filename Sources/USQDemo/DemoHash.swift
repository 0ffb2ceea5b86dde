import USQBasics

/// Stateless hashing that turns (seed, inputs…) into reproducible pseudo-random numbers.
///
/// Every number of the demo organization comes from here, so the same seed, time and group always
/// give the same value, whichever query asked for it and in whichever order.
enum DemoHash {
  /// SplitMix64 finaliser: a bijective 64-bit mix (see `SeededGenerator.mix`).
  @inline(__always)
  static func mix(_ value: UInt64) -> UInt64 { SeededGenerator.mix(value) }

  /// A 64-bit hash of a seed and up to three inputs.
  @inline(__always)
  static func hash(_ seed: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
    mix(seed ^ mix(a ^ mix(b ^ mix(c))))
  }

  /// A uniform number in [0, 1) from a hash.
  @inline(__always)
  static func unit(_ hash: UInt64) -> Double {
    Double(hash >> 11) * (1.0 / 9_007_199_254_740_992.0)
  }

  /// A uniform number in [0, 1) from a seed and inputs.
  @inline(__always)
  static func unit(_ seed: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> Double {
    unit(hash(seed, a, b, c))
  }

  /// A stable 64-bit hash of a string (FNV-1a over its UTF-8 bytes).
  static func hash(_ text: String) -> UInt64 {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return value
  }

  /// A reproducible identifier body of `length` characters from [A-Za-z0-9].
  static func identifier(_ seed: UInt64, _ salt: UInt64, length: Int) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    var result = ""
    result.reserveCapacity(length)
    for position in 0..<length {
      let value = hash(seed, salt, UInt64(position), 0x1D)
      result.append(alphabet[Int(value % UInt64(alphabet.count))])
    }
    return result
  }

  /// A reproducible lowercase hexadecimal identifier body of `length` characters.
  static func hexIdentifier(_ seed: UInt64, _ salt: UInt64, length: Int) -> String {
    let digits = Array("0123456789abcdef")
    var result = ""
    for position in 0..<length {
      result.append(digits[Int(hash(seed, salt, UInt64(position), 0x4E) & 15)])
    }
    return result
  }
}
