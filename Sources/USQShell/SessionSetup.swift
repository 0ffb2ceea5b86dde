import Foundation
import Synchronization
import USQDemo
import USQEngine
import USQFrame
import USQLanguage
import USQOpenAI
import USQVocabulary

/// The session's configuration and first settings, from the command line and environment.
///
/// The admin key is read here (from `--key-file` or `OPENAI_ADMIN_KEY`, whitespace trimmed)
/// and handed only to the API client; it is never printed or stored.
struct SessionSetup {
  var configuration: SessionConfiguration
  var settings: Settings
  /// The configured key's exact text, only so that the line editor can keep any line holding it
  /// out of history (whatever its shape); nil without a key.
  var secrets: [String] = []

  /// A command-line value that cannot be used.
  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  init(options: LaunchOptions, environment: [String: String]) throws {
    let key = try Self.adminKey(options: options, environment: environment)
    secrets = key.map { [$0] } ?? []
    let baseURL =
      options.baseURL ?? environment["OPENAI_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
      ?? UsageClient.defaultBaseURL
    let (now, advanceClock) = try Self.clock(environment: environment)
    var terminal = TerminalFacts.read(environment: environment)
    if options.noColor { terminal.color = false }

    var settings = Settings()
    settings.source = key != nil && !options.forceDemo ? .api : .demo
    if let format = options.format {
      guard let parsed = Settings.Format(rawValue: format) else {
        throw Problem(
          description: "--format '\(format)' is not one of table, csv, json, ndjson, md")
      }
      settings.format = parsed
    }
    if let zone = options.timeZone {
      guard Settings.parseTimeZone(zone) != nil else {
        throw Problem(
          description:
            "--tz '\(zone)' is not UTC, local, ±HH:MM or an IANA zone such as Europe/Berlin")
      }
      settings.timeZone = zone
    }
    if options.noColor { settings.color = .never }
    if options.noCache { settings.cache = false }
    settings.timer = options.timer
    self.settings = settings

    let cacheDirectory =
      environment["USQ_CACHE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
      ?? PageCache.defaultDirectory(environment: environment)
    let demo = DemoTransport(now: now)
    let live = URLSessionTransport()
    let dataSource: @Sendable (Settings) -> any DataSource = { settings in
      let cache = settings.cache ? cacheDirectory.map(PageCache.init(directory:)) : nil
      var client: UsageClient
      switch settings.source {
      case .demo:
        return Self.demoDataSource(
          transport: demo, baseURL: baseURL, now: now, concurrency: settings.concurrency)
      case .api:
        guard let key else { return MissingKeyDataSource() }
        client = UsageClient(
          baseURL: baseURL, apiKey: key, transport: live, cache: cache,
          concurrency: settings.concurrency)
      }
      client.now = now
      return ClientDataSource(client: client)
    }
    let banner = Self.banner(source: settings.source, baseURL: baseURL, hasKey: key != nil)
    let console = options.quiet ? Console(out: { _ in }, err: Console.standard.err) : .standard
    configuration = SessionConfiguration(
      console: console, terminal: terminal, now: now, endpoints: EndpointCatalog.all,
      dataSource: dataSource, describeFailure: Self.describe,
      workingDirectory: FileManager.default.currentDirectoryPath,
      cacheCommand: { action in Self.cacheCommand(action, directory: cacheDirectory) },
      banner: banner)
    configuration.advanceClock = advanceClock
    // `width auto` follows the window when it is resized; `COLUMNS` and `LINES` pin the size.
    if terminal.stdoutIsTTY && environment["COLUMNS"] == nil && environment["LINES"] == nil {
      configuration.currentSize = { TerminalFacts.windowSize() }
    }
  }

  /// The demo organization behind the API client, as `source=demo` uses it.
  static func demoDataSource(
    transport: DemoTransport, baseURL: String = UsageClient.defaultBaseURL,
    now: @escaping @Sendable () -> Int64, concurrency: Int = 4
  ) -> ClientDataSource {
    var client = UsageClient(
      baseURL: baseURL, apiKey: "demo", transport: transport, concurrency: concurrency)
    client.now = now
    return ClientDataSource(client: client)
  }

  static func adminKey(options: LaunchOptions, environment: [String: String]) throws -> String? {
    if let path = options.keyFile {
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw Problem(description: "cannot read the key file '\(path)'")
      }
      let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !key.isEmpty else { throw Problem(description: "the key file '\(path)' is empty") }
      return key
    }
    let key = environment["OPENAI_ADMIN_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    return key.isEmpty ? nil : key
  }

  /// "Now": `USQ_NOW` (a date-time or epoch seconds) when set, else the system clock; and what
  /// moves it. `USQ_NOW_STEP` (a test hook, with `USQ_NOW`: a duration such as `1h` or seconds)
  /// moves the fixed "now" forward by that much before each `watch` refresh after the first.
  static func clock(environment: [String: String]) throws -> (
    now: @Sendable () -> Int64, advance: @Sendable () -> Void
  ) {
    guard let text = environment["USQ_NOW"], !text.isEmpty else { return (DemoClock.system, {}) }
    guard let fixed = DemoClock.parse(text) else {
      throw Problem(
        description: "USQ_NOW '\(text)' is not a date-time (2026-11-30T12:00:00Z) or epoch seconds")
    }
    guard let stepText = environment["USQ_NOW_STEP"], !stepText.isEmpty else {
      return ({ fixed }, {})
    }
    guard let step = Self.seconds(stepText) else {
      throw Problem(
        description: "USQ_NOW_STEP '\(stepText)' is not a duration (1h, 90s) or seconds")
    }
    let clock = Mutex(fixed)
    return ({ clock.withLock { $0 } }, { clock.withLock { $0 += step } })
  }

  /// `90`, `90s`, `15m`, `1h`, `1d` in seconds.
  static func seconds(_ text: String) -> Int64? {
    if let plain = Int64(text) { return plain }
    let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
    guard let last = text.last, let unit = units[last], let amount = Int64(text.dropLast()) else {
      return nil
    }
    return amount * unit
  }

  static func banner(source: Settings.Source, baseURL: String, hasKey: Bool) -> String {
    let origin =
      switch source {
      case .demo:
        hasKey ? "demo organization (--demo)" : "demo organization (no OPENAI_ADMIN_KEY set)"
      case .api: "api at \(baseURL)"
      }
    return "usq \(Launcher.version) · source: \(origin) · `help` for the language, Ctrl-D to quit"
  }

  static func describe(_ error: any Error) -> SessionConfiguration.Failure {
    if let api = error as? UsageAPIError {
      // A query the client refuses before sending is the statement's fault, not the API's.
      if case .invalidQuery = api { return .init(message: api.description, exitCode: 1) }
      return .init(message: api.description)
    }
    if error is MissingKeyDataSource.NoKey {
      return .init(
        message: "no admin key: the api source needs OPENAI_ADMIN_KEY (or --key-file)",
        help:
          "create an admin key at https://platform.openai.com/settings/organization/admin-keys, or `set source=demo`"
      )
    }
    return .init(message: "\(error)")
  }

  static func cacheCommand(_ action: CacheAction, directory: String?) -> String {
    guard let directory else { return "no cache folder: set USQ_CACHE_DIR\n" }
    let cache = PageCache(directory: directory)
    switch action {
    case .info:
      let info = cache.info()
      return "cache \(directory): \(info.files) files, \(info.bytes) bytes\n"
    case .clear:
      return "cleared \(cache.clear()) cached files from \(directory)\n"
    }
  }
}

/// The api source without a key: every load fails with a clear message.
struct MissingKeyDataSource: DataSource {
  struct NoKey: Error {}

  func load(_ request: UsageQuery, progress: @escaping @Sendable (Int, Int?) -> Void) async throws
    -> USQFrame.Frame
  {
    throw NoKey()
  }
}
