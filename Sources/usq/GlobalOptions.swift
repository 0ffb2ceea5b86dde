import ArgumentParser
import USQShell

/// Flags every way of running usq accepts.
struct GlobalOptions: ParsableArguments {
  @Flag(help: "Use the built-in demo organization, even when an admin key is set.")
  var demo = false

  @Option(help: "Output format: table, csv, json, ndjson or md.")
  var format: String?

  @Option(
    help:
      "Time zone for tables, charts and bucket day: UTC, local, ±HH:MM or an IANA name (Europe/Berlin)."
  )
  var tz: String?

  @Flag(name: .customLong("no-color"), help: "Never colour the output.")
  var noColor = false

  @Flag(name: .customLong("no-cache"), help: "Do not read or write the page cache.")
  var noCache = false

  @Flag(help: "Print the time each stage took, on stderr.")
  var timer = false

  @Flag(help: "Print nothing on stdout (errors and failed assertions still go to stderr).")
  var quiet = false

  @Option(
    name: .customLong("base-url"),
    help: "The API's base URL (default $OPENAI_BASE_URL or https://api.openai.com/v1).")
  var baseURL: String?

  @Option(
    name: .customLong("key-file"),
    help: "Read the admin key from this file instead of $OPENAI_ADMIN_KEY.")
  var keyFile: String?

  @Option(
    help: ArgumentHelp(
      "Write an HTML report of the run (tables, charts, warnings, errors) to this file.",
      valueName: "out.html"))
  var report: String?

  /// The launch settings these flags ask for.
  func launchOptions(mode: LaunchOptions.Mode) -> LaunchOptions {
    LaunchOptions(
      mode: mode, forceDemo: demo, format: format, timeZone: tz, noColor: noColor,
      noCache: noCache, timer: timer, baseURL: baseURL, keyFile: keyFile,
      report: report, quiet: quiet)
  }
}
