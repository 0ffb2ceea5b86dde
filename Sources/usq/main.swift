import ArgumentParser
import Foundation

// Parse by hand so that a bad command line exits with 2, as LANGUAGE.md's exit codes say
// (ArgumentParser's own default is 64), and so that each command's exit code is returned as is.
let status: Int32
do {
  switch try USQCommand.parseAsRoot() {
  case let root as USQCommand: status = await root.execute()
  case let script as Run: status = await script.execute()
  case let serve as Serve: status = await serve.execute()
  case var other: try other.run(); status = 0
  }
} catch {
  if USQCommand.exitCode(for: error) == .success { USQCommand.exit(withError: error) }
  FileHandle.standardError.write(Data((USQCommand.fullMessage(for: error) + "\n").utf8))
  status = 2
}
exit(status)
