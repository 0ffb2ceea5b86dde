import Foundation
import Testing
import USQFrame

@testable import USQEngine

/// Files held in memory: folders are the paths that prefix others.
private struct MemoryFiles: FileSource {
  var files: [String: String]
  var currentDirectory: String { "/memory" }

  func entries(ofDirectory path: String) -> [String]? {
    let prefix = path.hasSuffix("/") ? path : path + "/"
    let names = Set(
      files.keys.filter { $0.hasPrefix(prefix) }.map {
        String($0.dropFirst(prefix.count).split(separator: "/")[0])
      })
    return names.isEmpty ? nil : Array(names)
  }

  func exists(_ path: String) -> Bool { files[path] != nil || entries(ofDirectory: path) != nil }

  func contents(of path: String) throws -> Data {
    guard let text = files[path] else { throw CocoaError(.fileNoSuchFile) }
    return Data(text.utf8)
  }
}

/// `read` opens nothing itself: paths, folder listings and bytes all come from the injected
/// `FileSource`, so the engine runs against files that exist only in memory.
@Suite struct FileSourceTests {
  private func read(_ statement: String, files: (any FileSource)?) async throws -> Frame {
    var environment = Fixtures.environment()
    environment.files = files
    let plan = try #require(bindPlan(statement, environment: environment))
    return try await Executor(environment: environment, dataSource: FakeDataSource(frames: [:]))
      .run(plan).frame
  }

  @Test("a glob over a folder in memory, relative to the source's current folder, in name order")
  func globInMemory() async throws {
    let files = MemoryFiles(files: [
      "/memory/logs/b.csv": "n\n2\n", "/memory/logs/a.csv": "n\n1\n", "/memory/logs/notes.txt": "x",
      "/memory/logs/.hidden.csv": "n\n9\n",
    ])
    let glob = try await read("read logs/*.csv", files: files)
    #expect(Table(glob).rows == [[.int(1)], [.int(2)]])
    let folder = try await read("read logs", files: files)
    #expect(Table(folder).rows == [[.int(1)], [.int(2)]])
  }

  @Test("without a file source, read says it is not available")
  func noFileSource() async throws {
    do {
      _ = try await read("read a.csv", files: nil)
      Issue.record("read ran without a file source")
    } catch {
      #expect("\(error)".contains("reading files is not available here"))
    }
  }
}
