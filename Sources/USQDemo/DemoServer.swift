import FlyingFox
import FlyingSocks
import Foundation
import USQOpenAI

/// The demo organization behind a real HTTP server on 127.0.0.1 (FlyingFox), with optional
/// authentication, latency, injected faults and a request log.
///
/// ```swift
/// let server = try DemoServer(options: ServeOptions(port: 0))
/// let port = try await server.start()   // http://127.0.0.1:<port>/v1
/// …
/// await server.stop()
/// ```
public final class DemoServer: Sendable {
  public let options: ServeOptions
  private let server: FlyingFox.HTTPServer
  private let state: DemoServerState
  private let task = DemoTaskBox()

  /// Prepares the server (nothing listens until `start`).
  /// - Throws: when the port is out of range or the log file cannot be opened.
  public init(options: ServeOptions) throws {
    guard (0...65_535).contains(options.port) else {
      throw DemoServerError.invalidPort(options.port)
    }
    self.options = options
    let state = try DemoServerState(options: options)
    self.state = state
    server = FlyingFox.HTTPServer(
      address: try .inet(ip4: "127.0.0.1", port: UInt16(options.port)), timeout: 30,
      logger: .disabled, handler: ClosureHTTPHandler { request in await state.handle(request) })
  }

  /// Starts listening and returns the port (the picked one when the option was 0).
  /// - Throws: the socket error when 127.0.0.1:port cannot be bound (e.g. the port is in use).
  public func start() async throws -> Int {
    let server = self.server
    let box = task
    box.set(
      Task {
        do { try await server.run() } catch {
          box.fail(error)
          throw error
        }
      })
    // FlyingFox reports a bind failure only through run(): poll both for up to 10 s.
    for _ in 0..<1_000 {
      if let error = box.failure { throw Self.explained(error, port: options.port) }
      if await server.isListening { break }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    guard case .ip4(_, let port) = await server.listeningAddress else {
      throw box.failure ?? DemoServerError.notListening
    }
    return Int(port)
  }

  /// A bind failure in words: FlyingFox's `failed(type: "Bind", errno: 98, …)` means nothing to
  /// a user.
  static func explained(_ error: any Error, port: Int) -> any Error {
    guard case .failed(let type, let code, _) = error as? SocketError, type == "Bind" else {
      return error
    }
    switch code {
    case EADDRINUSE: return DemoServerError.portInUse(port)
    case EACCES: return DemoServerError.portNotAllowed(port)
    default: return error
    }
  }

  /// Stops listening and closes the log.
  public func stop() async {
    await server.stop(timeout: 1)
    task.cancel()
    await state.close()
  }

  /// `usq serve`: starts the server, prints `PORT=<n>` as the first line, and serves until the
  /// task is cancelled.
  /// - Parameter print: where the `PORT=` line goes (stdout, flushed, by default).
  public static func run(
    _ options: ServeOptions,
    print: @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
  ) async throws {
    let server = try DemoServer(options: options)
    let port = try await server.start()
    print("PORT=\(port)")
    do {
      while true { try await Task.sleep(nanoseconds: 3_600_000_000_000) }
    } catch {
      await server.stop()
    }
  }
}

/// Why the demo server could not start.
public enum DemoServerError: Error, Sendable, CustomStringConvertible {
  /// The port is not in 0…65535: pick another.
  case invalidPort(Int)
  /// The server did not report a listening IPv4 address: check that 127.0.0.1 is available.
  case notListening
  /// The log file could not be opened: check the path and permissions.
  case cannotOpenLog(String)
  /// Another program listens on the port: pick another, or `--port 0` for a free one.
  case portInUse(Int)
  /// The system refuses the port (below 1024 needs privileges): pick one from 1024 on.
  case portNotAllowed(Int)

  public var description: String {
    switch self {
    case .invalidPort(let port): "invalid port \(port): expected 0…65535"
    case .notListening: "the server is not listening on 127.0.0.1"
    case .cannotOpenLog(let path): "cannot open log file '\(path)'"
    case .portInUse(let port):
      "port \(port) is already in use on 127.0.0.1: pick another with --port N, or --port 0 for a free one"
    case .portNotAllowed(let port):
      "port \(port) needs privileges on this system: pick one from 1024 on, or --port 0 for a free one"
    }
  }
}

/// Holds the serving task so `stop` can cancel it, and the error it failed with.
private final class DemoTaskBox: @unchecked Sendable {
  // Both guarded by `lock`.
  private var task: Task<Void, any Error>?
  private var error: (any Error)?
  private let lock = NSLock()

  func set(_ task: Task<Void, any Error>) { lock.withLock { self.task = task } }
  func cancel() { lock.withLock { task?.cancel() } }
  func fail(_ error: any Error) { lock.withLock { self.error = error } }
  var failure: (any Error)? { lock.withLock { error } }
}
