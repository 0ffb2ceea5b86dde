import Synchronization
import USQLanguage

/// Warnings found while a statement runs (a stage learns something only from the data, like
/// `price` finding models without a price); the executor hands them to the shell with the result.
public final class RunWarnings: Sendable {
  private let found = Mutex<[Diagnostic]>([])

  /// Creates an empty collection.
  public init() {}

  /// Records `warning`.
  public func report(_ warning: Diagnostic) {
    found.withLock { $0.append(warning) }
  }

  /// Every warning so far, in the order reported.
  public var all: [Diagnostic] { found.withLock { $0 } }
}
