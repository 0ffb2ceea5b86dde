/// Finds `run` or `serve` on a command line where global options may come first
/// (`usq --demo run FILE.usq`), so that the subcommand is dispatched by name before the root
/// command's positional script argument would take it.
enum SubcommandDispatch {
  /// The global options that take a value as the next argument (`--tz UTC`).
  static let valueOptions: Set<String> = ["--format", "--tz", "--base-url", "--key-file"]
  /// The global flags.
  static let flags: Set<String> = ["--demo", "--no-color", "--no-cache", "--timer"]

  /// The subcommand named after only global options, and the arguments it parses: the global
  /// options that came before it, then the ones after it.
  static func split(_ arguments: [String]) -> (name: String, arguments: [String])? {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "run" || argument == "serve" {
        let before = Array(arguments[..<index])
        return (argument, before + arguments[(index + 1)...])
      }
      let isOptionWithValue =
        argument.contains("=") && valueOptions.contains(String(argument.prefix { $0 != "=" }))
      if flags.contains(argument) || isOptionWithValue {
        index += 1
      } else if valueOptions.contains(argument) {
        index += 2
      } else {
        return nil
      }
    }
    return nil
  }
}
