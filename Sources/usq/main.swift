import ArgumentParser
import Foundation

// Parse by hand so that a bad command line exits with 2, as LANGUAGE.md's exit codes say
// (ArgumentParser's own default is 64), and so that each command's exit code is returned as is.
// `serve` and `run` are dispatched by name first, after any global options: the root
// command's positional script argument would otherwise take them.
let arguments = Array(CommandLine.arguments.dropFirst())
let subcommand = SubcommandDispatch.split(arguments)
let status: Int32
do {
  let command: any ParsableCommand =
    switch subcommand?.name {
    case "serve": try Serve.parseAsRoot(subcommand?.arguments ?? [])
    case "run": try Run.parseAsRoot(subcommand?.arguments ?? [])
    default: try USQCommand.parseAsRoot(arguments)
    }
  switch command {
  case let root as USQCommand: status = await root.execute()
  case let script as Run: status = await script.execute()
  case let serve as Serve: status = await serve.execute()
  case var other:
    try other.run()
    status = 0
  }
} catch {
  let type: any ParsableCommand.Type =
    switch subcommand?.name {
    case "serve": Serve.self
    case "run": Run.self
    default: USQCommand.self
    }
  if type.exitCode(for: error) == .success { type.exit(withError: error) }
  FileHandle.standardError.write(Data((type.fullMessage(for: error) + "\n").utf8))
  status = 2
}
exit(status)
