/// Seeded mutations of a valid document for reader fuzzing: fragments inserted, bytes dropped or
/// changed, the text cut short. The same seed gives the same mutations everywhere, so a failing
/// case can be replayed from the seed and iteration printed with it.
public struct ByteMutator {
  /// Texts a mutation may insert (escapes, quotes, brackets: what breaks parsers most often).
  public let fragments: [String]
  private var state: UInt64

  /// A mutator starting from `seed`.
  public init(seed: UInt64, fragments: [String]) {
    self.state = seed
    self.fragments = fragments
  }

  /// SplitMix64.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// `bytes` after one to `maximumSteps` mutations.
  public mutating func mutate(_ bytes: [UInt8], maximumSteps: Int = 3) -> [UInt8] {
    var bytes = bytes
    for _ in 0..<(1 + Int(next() % UInt64(maximumSteps))) {
      let position = Int(next() % UInt64(bytes.count + 1))
      switch next() % 4 {
      case 0 where position < bytes.count: bytes.remove(at: position)
      case 1 where position < bytes.count: bytes[position] = UInt8(truncatingIfNeeded: next())
      case 2: bytes = Array(bytes.prefix(position))
      default:
        let fragment = fragments[Int(next() % UInt64(fragments.count))]
        bytes.insert(contentsOf: Array(fragment.utf8), at: position)
      }
    }
    return bytes
  }
}
