import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 over POSIX sockets, for faults FlyingFox cannot make:
/// a connection cut in the middle of the body, or a response that never comes.
///
/// Each accepted connection gets the next behaviour from `script`; connections beyond the script
/// get the last one. Every request line is logged.
final class RawSocketServer: @unchecked Sendable {
  // @unchecked: `log` and `served` are only touched under `lock`; the socket is closed once.
  enum Behaviour: Sendable {
    /// A 200 response with this body.
    case respond(String)
    /// Headers announcing the whole body, half of it, then the connection is closed.
    case cut(String)
    /// Read the request, then say nothing until the server stops.
    case hang
  }

  private let lock = NSLock()
  private var requestLines: [String] = []
  private var served = 0
  private let script: [Behaviour]
  private let listener: Int32
  let port: Int

  init(script: [Behaviour]) throws {
    self.script = script
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    self.listener = listener
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
    }
    guard bound == 0, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
    }
    port = Int(UInt16(bigEndian: address.sin_port))
    _ = length
    Thread.detachNewThread { [self] in acceptLoop() }
  }

  var log: [String] { lock.withLock { requestLines } }

  func stop() {
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  private func acceptLoop() {
    while true {
      let connection = accept(listener, nil, nil)
      guard connection >= 0 else { return }
      let behaviour = lock.withLock {
        defer { served += 1 }
        return script[min(served, script.count - 1)]
      }
      Thread.detachNewThread { [self] in serve(connection, behaviour) }
    }
  }

  private func serve(_ connection: Int32, _ behaviour: Behaviour) {
    var buffer = [UInt8](repeating: 0, count: 8_192)
    var received = [UInt8]()
    while !received.containsHeaderEnd {
      let count = read(connection, &buffer, buffer.count)
      guard count > 0 else { break }
      received += buffer[0..<count]
    }
    let requestLine =
      String(decoding: received, as: UTF8.self).split(separator: "\r\n").first.map(String.init)
      ?? ""
    lock.withLock { requestLines.append(requestLine) }
    switch behaviour {
    case .respond(let body):
      write(connection, header(Array(body.utf8).count) + body)
    case .cut(let body):
      let bytes = Array(body.utf8)
      write(
        connection,
        header(bytes.count) + String(decoding: bytes.prefix(bytes.count / 2), as: UTF8.self))
    case .hang:
      while read(connection, &buffer, buffer.count) > 0 {}
    }
    close(connection)
  }

  private func header(_ length: Int) -> String {
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(length)\r\nConnection: close\r\n\r\n"
  }

  private func write(_ connection: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        Glibc.write(connection, $0.baseAddress, $0.count)
      }
      guard written > 0 else { return }
      offset += written
    }
  }
}

extension [UInt8] {
  fileprivate var containsHeaderEnd: Bool {
    count >= 4
      && (0...(count - 4)).contains {
        self[$0] == 13 && self[$0 + 1] == 10 && self[$0 + 2] == 13 && self[$0 + 3] == 10
      }
  }
}
