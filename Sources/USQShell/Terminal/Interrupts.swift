import CLibEdit

/// Ctrl-C while a statement runs: a process-wide SIGINT flag (set by a `sigaction` handler in
/// `CLibEdit`) and watchers that cancel the running task when it is set.
///
/// While a line is edited, libedit turns terminal signals off and Ctrl-C is a key (see
/// `LineEditor`); between prompts the terminal is cooked, Ctrl-C raises SIGINT, and the flag is set.
public enum Interrupts {
  /// Installs the SIGINT handler (no `SA_RESTART`). Returns false if `sigaction` failed.
  @discardableResult
  public static func install() -> Bool {
    var error: Int32 = 0
    return usq_sigint_install(&error) == 0
  }

  /// Whether SIGINT arrived since the last `take()`; clears the flag.
  public static func take() -> Bool { usq_sigint_take() == 1 }

  /// Sends SIGINT to this process (tests).
  static func raiseForTesting() { _ = usq_sigint_raise() }

  /// Whether SIGINT arrived since the last `take()`, without clearing it.
  public static var isPending: Bool { usq_sigint_peek() == 1 }

  /// Starts a watcher that polls the flag every `interval` and cancels `task` when SIGINT arrives.
  /// Cancel the watcher when `task` is done; its value tells whether it cancelled `task`.
  public static func watch<Success: Sendable, Failure: Error>(
    cancelling task: Task<Success, Failure>, every interval: Duration = .milliseconds(20)
  ) -> Task<Bool, Never> {
    Task.detached {
      while !Task.isCancelled {
        if take() {
          task.cancel()
          return true
        }
        try? await Task.sleep(for: interval)
      }
      return false
    }
  }

  /// Runs `operation` in a new task that SIGINT cancels. Clears a stale flag first.
  /// - Returns: the operation's result and whether SIGINT arrived while it ran.
  public static func run<T: Sendable>(
    _ operation: @escaping @Sendable () async throws -> T
  ) async -> (result: Result<T, any Error>, interrupted: Bool) {
    _ = take()
    let task = Task { try await operation() }
    let watcher = watch(cancelling: task)
    let result = await task.result
    watcher.cancel()
    let interrupted = await watcher.value
    return (result, interrupted)
  }
}
