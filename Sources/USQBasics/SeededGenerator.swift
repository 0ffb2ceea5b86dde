/// SplitMix64: a tiny seeded random number generator, the same sequence on every machine, so a
/// failing property test replays from its seed and the demo organization is the same everywhere.
///
/// ```swift
/// var random = SeededGenerator(seed: 42)
/// let roll = Int.random(in: 1...6, using: &random)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  /// The state: advanced by the golden gamma before each number.
  public private(set) var state: UInt64

  /// A generator starting from `seed` (any value, 0 included).
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    let value = Self.mix(state)
    state &+= Self.gamma
    return value
  }

  /// The golden-ratio increment of SplitMix64.
  public static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// The number that follows state `value`: `value + gamma` through SplitMix64's finaliser, a
  /// bijective 64-bit mix (stateless hashing uses it directly).
  @inlinable
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
