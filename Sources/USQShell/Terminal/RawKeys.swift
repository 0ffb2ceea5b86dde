#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keys as they are typed, while `watch` runs: stdin without echo, line buffering or terminal
/// signals (so Ctrl-C arrives as the byte 3 and `watch` can restore the screen before it
/// returns). `restore()` puts the terminal back as it was.
final class RawKeys {
  private var saved = termios()
  private let isRaw: Bool

  /// Switches stdin to raw keys; without a terminal nothing changes and no key ever arrives.
  init() {
    guard tcgetattr(0, &saved) == 0 else {
      isRaw = false
      return
    }
    var raw = saved
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
    isRaw = tcsetattr(0, TCSANOW, &raw) == 0
  }

  /// The terminal as it was before `init`.
  func restore() {
    guard isRaw else { return }
    _ = tcsetattr(0, TCSANOW, &saved)
  }

  /// The bytes typed since the last call, without waiting (empty when none).
  func pending() -> [UInt8] {
    guard isRaw else { return [] }
    var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, 0) > 0 else { return [] }
    var buffer = [UInt8](repeating: 0, count: 64)
    let count = read(0, &buffer, buffer.count)
    return count > 0 ? Array(buffer.prefix(count)) : []
  }
}
