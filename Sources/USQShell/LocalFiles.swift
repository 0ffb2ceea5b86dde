import Foundation
import USQEngine

/// The local file system for `read`: folders listed with `FileManager`, files mapped into
/// memory (read lazily by the kernel and dropped with the `Data`, so large page folders keep
/// memory flat).
public struct LocalFiles: FileSource {
  public init() {}

  public var currentDirectory: String { FileManager.default.currentDirectoryPath }

  public func entries(ofDirectory path: String) -> [String]? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return nil }
    return (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
  }

  public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

  public func contents(of path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
  }
}
