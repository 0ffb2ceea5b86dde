import Foundation
import USQFrame

/// The decoded rows of final sub-windows, on disk.
///
/// One file per sub-window, named by a SHA-256 of the base URL, a SHA-256 of the API key (never
/// the key), the endpoint and the query items. A file holds a version header, the key, the
/// sub-window's frame in `FrameCodec`'s binary form (with a checksum) and an end marker, so a
/// cached window is read back without parsing JSON. Files are written to a temporary name and
/// renamed, so a reader sees a whole file or none. A file that is truncated, corrupt, of another
/// version or of another schema is deleted and reported as a miss.
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
  public static let formatVersion = 2
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

  /// The key of a series: every request parameter but the window (64 hex digits), with the base
  /// URL, a digest of the API key and the endpoint. Windows of one series are cached side by side.
  public static func seriesKey(
    baseURL: String, apiKey: String, endpoint: String, parameters: [QueryItem]
  ) -> String {
    let parts = [baseURL, SHA256.hex(apiKey), endpoint, QueryEncoding.encode(parameters)]
    return SHA256.hex("usq-page-cache \(formatVersion)\n" + parts.joined(separator: "\n"))
  }

  /// The key of the window `start..<end` of a series (seconds since the epoch, UTC).
  public static func windowKey(series: String, start: Int64, end: Int64) -> String {
    "\(series)-\(start)-\(end)"
  }

  /// The cached windows of a series: for each start, the ends cached from it.
  public func cachedWindows(series: String) -> [Int64: [Int64]] {
    var windows: [Int64: [Int64]] = [:]
    let prefix = series + "-"
    for name in cacheFiles()
    where name.hasPrefix(prefix) && name.hasSuffix("." + Self.fileExtension) {
      let bounds = name.dropFirst(prefix.count).dropLast(Self.fileExtension.count + 1)
        .split(separator: "-").compactMap { Int64($0) }
      if bounds.count == 2 { windows[bounds[0], default: []].append(bounds[1]) }
    }
    return windows
  }

  private func path(_ key: String) -> String { directory + "/" + key + "." + Self.fileExtension }

  /// The frame stored under `key` if it has `schema`, or nil (a damaged file is deleted).
  public func load(_ key: String, schema: Schema) -> Frame? {
    guard let data = FileManager.default.contents(atPath: path(key)) else { return nil }
    guard let frame = Self.parse(data, key: key), frame.schema == schema else {
      discard(key)
      return nil
    }
    return frame
  }

  /// Whether a file exists for `key` (without reading it).
  public func contains(_ key: String) -> Bool {
    FileManager.default.fileExists(atPath: path(key))
  }

  /// Deletes the file of `key`.
  public func discard(_ key: String) {
    try? FileManager.default.removeItem(atPath: path(key))
  }

  /// Stores `frame` under `key` atomically (temporary file, then rename).
  public func store(_ key: String, frame: Frame) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let payload = FrameCodec.encode(frame)
    var file = Data(
      "usq-page-cache \(Self.formatVersion)\nkey \(key)\nbytes \(payload.count)\n".utf8)
    file.append(payload)
    file.append(Data("\nend\n".utf8))
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
      let size =
        (try? FileManager.default.attributesOfItem(atPath: directory + "/" + name))?[.size]
        as? NSNumber
      return total + (size?.intValue ?? 0)
    }
    return Info(files: files.count, bytes: bytes)
  }

  /// Deletes every cache file; returns how many were deleted.
  @discardableResult
  public func clear() -> Int {
    var removed = 0
    for name in cacheFiles()
    where (try? FileManager.default.removeItem(atPath: directory + "/" + name)) != nil {
      removed += 1
    }
    return removed
  }

  private func cacheFiles() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix("." + Self.fileExtension) || $0.hasPrefix(".tmp-") }.sorted()
  }

  // MARK: - File format

  /// The frame of a cache file, or nil when anything is off.
  static func parse(_ data: Data, key: String) -> Frame? {
    let bytes = [UInt8](data)
    var reader = LineReader(bytes: bytes)
    guard reader.line() == "usq-page-cache \(formatVersion)", reader.line() == "key \(key)",
      let sizeLine = reader.line(), sizeLine.hasPrefix("bytes "),
      let size = Int(sizeLine.dropFirst(6)),
      size >= 0, let payload = reader.bytes(size), reader.line() == "", reader.line() == "end",
      reader.isAtEnd
    else { return nil }
    return FrameCodec.decode(Data(payload))
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
