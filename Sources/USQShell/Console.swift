import Foundation
import Synchronization

/// Where a session writes: results to `out`, diagnostics and notices to `err`.
///
/// The shell passes the process's streams; tests pass buffers.
public struct Console: Sendable {
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void

  public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void)
  {
    self.out = out
    self.err = err
  }

  /// The process's stdout and stderr, unbuffered.
  public static let standard = Console(
    out: { FileHandle.standardOutput.write(Data($0.utf8)) },
    err: { FileHandle.standardError.write(Data($0.utf8)) })
}

/// A thread-safe text buffer, for capturing a console in tests and scripts.
public final class TextBuffer: Sendable {
  private let storage = Mutex(String())

  public init() {}

  public func append(_ text: String) { storage.withLock { $0 += text } }

  public var text: String { storage.withLock { $0 } }
}
