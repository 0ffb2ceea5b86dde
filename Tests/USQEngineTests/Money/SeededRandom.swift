import USQBasics

/// The project's SplitMix64, with the choices the money property tests make (the seed is
/// printed on failure, so a failing case can be replayed).
typealias SeededRandom = SeededGenerator

extension SeededGenerator {
  /// One of `choices`.
  mutating func pick<T>(_ choices: [T]) -> T {
    choices[Int.random(in: 0..<choices.count, using: &self)]
  }

  /// True with probability `chance`.
  mutating func chance(_ chance: Double) -> Bool { Double.random(in: 0..<1, using: &self) < chance }
}
