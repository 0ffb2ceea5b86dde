import Foundation

/// The file system as `read` sees it: the engine opens nothing itself; the shell passes its
/// `LocalFiles` (tests may pass files held in memory). Paths are absolute.
public protocol FileSource: Sendable {
  /// The folder relative `read` paths are resolved against when the environment names none.
  var currentDirectory: String { get }

  /// The entry names of the folder at `path` (any order), or nil when it is not a folder.
  func entries(ofDirectory path: String) -> [String]?

  /// Whether a file or folder exists at `path`.
  func exists(_ path: String) -> Bool

  /// The bytes of the file at `path` (a source may map them and read lazily).
  ///
  /// - Throws: when the file cannot be opened (the message says why).
  func contents(of path: String) throws -> Data
}
