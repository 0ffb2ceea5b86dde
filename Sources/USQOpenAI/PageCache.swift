import Foundation

/// Fetched pages of final sub-windows, on disk.
///
/// One file per sub-window, named by a SHA-256 of the base URL, a SHA-256 of the API key (never
/// the key), the endpoint and the query items. A file holds the raw page bodies in a framed
/// format with a version header and an end marker; files are written to a temporary name and
/// renamed, so a reader sees a whole file or none. A file that is truncated, corrupt or of
/// another version is deleted and reported as a miss.
public struct PageCache: Sendable {
  /// Sizes of the cache, for `cache info`.
  public struct Info: Sendable, Hashable {
    /// Cache files.
    public var files: Int
    /// Their total size in bytes.
    public var bytes: Int

    public init(files: Int, bytes: Int) {
      self.files = files
      self.bytes = bytes
    }
  }

  /// The cache format; files of any other version are discarded.
  public static let formatVersion = 1
  static let fileExtension = "usqpages"

  /// The directory holding the files.
  public let directory: String

  public init(directory: String) {
    self.directory = directory
  }

  /// The cache directory: `USQ_CACHE_DIR`, else `$XDG_CACHE_HOME/usq`, else `$HOME/.cache/usq`.
  ///
  /// - Parameter environment: the process environment (passed in, never read here).
  public static func defaultDirectory(environment: [String: String]) -> String? {
    if let directory = environment["USQ_CACHE_DIR"], !directory.isEmpty { return directory }
    if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/usq" }
    if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/usq" }
    return nil
  }

  /// The cache key of one sub-window request: 64 hex digits.
  public static func key(baseURL: String, apiKey: String, endpoint: String, query: [QueryItem]) -> String {
    let parts = [baseURL, SHA256.hex(apiKey), endpoint, QueryEncoding.encode(query)]
    return SHA256.hex("usq-page-cache \(formatVersion)\n" + parts.joined(separator: "\n"))
  }

  private func path(_ key: String) -> String { directory + "/" + key + "." + Self.fileExtension }

  /// The pages stored under `key`, or nil (a damaged file is deleted).
  public func load(_ key: String) -> [Data]? {
    guard let data = FileManager.default.contents(atPath: path(key)) else { return nil }
    guard let pages = Self.parse(data, key: key) else {
      try? FileManager.default.removeItem(atPath: path(key))
      return nil
    }
    return pages
  }

  /// Deletes the file of `key` (a page in it did not decode).
  public func discard(_ key: String) {
    try? FileManager.default.removeItem(atPath: path(key))
  }

  /// Stores `pages` under `key` atomically (temporary file, then rename).
  public func store(_ key: String, pages: [Data]) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var file = Data("usq-page-cache \(Self.formatVersion)\nkey \(key)\npages \(pages.count)\n".utf8)
    for page in pages {
      file.append(Data("\(page.count)\n".utf8))
      file.append(page)
      file.append(Data("\n".utf8))
    }
    file.append(Data("end\n".utf8))
    let temporary = directory + "/.tmp-" + UUID().uuidString
    guard FileManager.default.createFile(atPath: temporary, contents: file) else {
      throw CocoaError(.fileWriteUnknown)
    }
    guard rename(temporary, path(key)) == 0 else {
      try? FileManager.default.removeItem(atPath: temporary)
      throw CocoaError(.fileWriteUnknown)
    }
  }

  /// How many cache files there are and their total size.
  public func info() -> Info {
    let files = cacheFiles()
    let bytes = files.reduce(0) { total, name in
      let size = (try? FileManager.default.attributesOfItem(atPath: directory + "/" + name))?[.size] as? NSNumber
      return total + (size?.intValue ?? 0)
    }
    return Info(files: files.count, bytes: bytes)
  }

  /// Deletes every cache file; returns how many were deleted.
  @discardableResult
  public func clear() -> Int {
    var removed = 0
    for name in cacheFiles() where (try? FileManager.default.removeItem(atPath: directory + "/" + name)) != nil {
      removed += 1
    }
    return removed
  }

  private func cacheFiles() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix("." + Self.fileExtension) || $0.hasPrefix(".tmp-") }.sorted()
  }

  // MARK: - File format

  /// The pages of a cache file, or nil when anything is off.
  static func parse(_ data: Data, key: String) -> [Data]? {
    let bytes = [UInt8](data)
    var reader = LineReader(bytes: bytes)
    guard reader.line() == "usq-page-cache \(formatVersion)", reader.line() == "key \(key)",
      let countLine = reader.line(), countLine.hasPrefix("pages "), let count = Int(countLine.dropFirst(6)),
      count >= 0
    else { return nil }
    var pages: [Data] = []
    for _ in 0..<count {
      guard let sizeLine = reader.line(), let size = Int(sizeLine), size >= 0,
        let page = reader.bytes(size), reader.line() == ""
      else { return nil }
      pages.append(Data(page))
    }
    guard reader.line() == "end", reader.isAtEnd else { return nil }
    return pages
  }
}

/// Reads `\n`-terminated lines and byte runs from a buffer.
private struct LineReader {
  let bytes: [UInt8]
  var offset = 0

  var isAtEnd: Bool { offset == bytes.count }

  mutating func line() -> String? {
    guard let newline = bytes[offset...].firstIndex(of: 0x0A) else { return nil }
    defer { offset = newline + 1 }
    return String(decoding: bytes[offset..<newline], as: UTF8.self)
  }

  mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
    guard count <= bytes.count - offset else { return nil }
    defer { offset += count }
    return bytes[offset..<offset + count]
  }
}
