import USQBasics

/// Seeded mutations of a valid document for reader fuzzing: fragments inserted, bytes dropped or
/// changed, the text cut short. The same seed gives the same mutations everywhere, so a failing
/// case can be replayed from the seed and iteration printed with it.
public struct ByteMutator {
  /// Texts a mutation may insert (escapes, quotes, brackets: what breaks parsers most often).
  public let fragments: [String]
  private var random: SeededGenerator

  /// A mutator starting from `seed`.
  public init(seed: UInt64, fragments: [String]) {
    self.random = SeededGenerator(seed: seed)
    self.fragments = fragments
  }

  private mutating func next() -> UInt64 { random.next() }

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
