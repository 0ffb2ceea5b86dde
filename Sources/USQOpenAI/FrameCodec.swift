import Foundation
import USQFrame

/// A compact binary form of a frame, for the page cache: typed buffers written as they are in
/// memory (little-endian), so a cached window is read back without parsing JSON.
///
/// Layout: `u32` column count; per column: name (`u32` length + UTF-8), kind (`u8`), row count
/// (`u64`), validity flag (`u8`) and words, then the values (`int`/`time`: `Int64`s; `double`: bit
/// patterns; `bool`: bit words; `string`: dictionary as length-prefixed UTF-8, then `UInt32`
/// codes); last, a 64-bit FNV-1a checksum of everything before it. Any inconsistency reads as nil.
enum FrameCodec {
  static func encode(_ frame: Frame) -> Data {
    var writer = ByteWriter()
    writer.append(UInt32(frame.columnCount))
    for (name, column) in frame.pairs {
      writer.append(name)
      writer.append(UInt8(ColumnKind.allCases.firstIndex(of: column.kind) ?? 0))
      writer.append(UInt64(column.count))
      writer.append(column.validity)
      switch column {
      case .int(let values), .time(let values): writer.append(values.values)
      case .double(let values): writer.append(values.values)
      case .bool(let values): writer.append(values.bits.words)
      case .string(let values):
        writer.append(UInt32(values.dictionary.count))
        for text in values.dictionary { writer.append(text) }
        writer.append(values.codes)
      }
    }
    writer.append(checksum(writer.bytes[...]))
    return Data(writer.bytes)
  }

  static func decode(_ data: Data) -> Frame? {
    let bytes = [UInt8](data)
    guard bytes.count >= 12 else { return nil }
    var reader = ByteReader(bytes: bytes[..<(bytes.count - 8)])
    var tail = ByteReader(bytes: bytes[(bytes.count - 8)...])
    guard tail.read(UInt64.self) == checksum(bytes[..<(bytes.count - 8)]),
      let columnCount = reader.read(UInt32.self)
    else { return nil }
    var pairs: [(String, Column)] = []
    for _ in 0..<columnCount {
      guard let column = readColumn(&reader) else { return nil }
      pairs.append(column)
    }
    guard reader.isAtEnd else { return nil }
    return try? Frame(validating: pairs)
  }

  private static func readColumn(_ reader: inout ByteReader) -> (String, Column)? {
    guard let name = reader.readString(), let kindIndex = reader.read(UInt8.self),
      Int(kindIndex) < ColumnKind.allCases.count, let rows = reader.read(UInt64.self).map(Int.init),
      rows <= reader.remaining
    else { return nil }
    var validity: Bitmap?
    guard reader.readValidity(count: rows, into: &validity) else { return nil }
    switch ColumnKind.allCases[Int(kindIndex)] {
    case .int, .time:
      guard let values = reader.readArray(Int64.self, count: rows) else { return nil }
      let column = IntColumn(values: values, validity: validity)
      return (name, ColumnKind.allCases[Int(kindIndex)] == .int ? .int(column) : .time(column))
    case .double:
      guard let values = reader.readArray(Double.self, count: rows) else { return nil }
      return (name, .double(DoubleColumn(values: values, validity: validity)))
    case .bool:
      guard let words = reader.readArray(UInt64.self, count: (rows + 63) >> 6) else { return nil }
      return (name, .bool(BoolColumn(bits: Bitmap(words: words, count: rows), validity: validity)))
    case .string:
      guard let count = reader.read(UInt32.self), Int(count) <= reader.remaining else { return nil }
      var dictionary: [String] = []
      dictionary.reserveCapacity(Int(count))
      for _ in 0..<count {
        guard let text = reader.readString() else { return nil }
        dictionary.append(text)
      }
      guard let codes = reader.readArray(UInt32.self, count: rows),
        codes.allSatisfy({ Int($0) < max(dictionary.count, 1) })
      else { return nil }
      return (name, .string(StringColumn(codes: codes, dictionary: dictionary, validity: validity)))
    }
  }

  /// 64-bit FNV-1a over 8-byte little-endian words (then the remaining bytes).
  static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    bytes.withUnsafeBytes { buffer in
      let words = buffer.count / 8
      for index in 0..<words {
        hash =
          (hash ^ buffer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
          &* 0x100_0000_01b3
      }
      for index in (words * 8)..<buffer.count {
        hash = (hash ^ UInt64(buffer[index])) &* 0x100_0000_01b3
      }
    }
    return hash
  }
}

// MARK: - Bytes

private struct ByteWriter {
  var bytes: [UInt8] = []

  mutating func append<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ text: String) {
    append(UInt32(text.utf8.count))
    bytes.append(contentsOf: text.utf8)
  }

  mutating func append<T: BitwiseCopyable>(_ values: ContiguousArray<T>) {
    values.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ validity: Bitmap?) {
    guard let validity else { return append(UInt8(0)) }
    append(UInt8(1))
    append(validity.words)
  }
}

private struct ByteReader {
  let bytes: ArraySlice<UInt8>
  var offset: Int

  init(bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
    offset = bytes.startIndex
  }

  var remaining: Int { bytes.endIndex - offset }
  var isAtEnd: Bool { offset == bytes.endIndex }

  mutating func read<T: FixedWidthInteger>(_: T.Type) -> T? {
    guard remaining >= MemoryLayout<T>.size else { return nil }
    defer { offset += MemoryLayout<T>.size }
    return bytes.withUnsafeBytes {
      T(littleEndian: $0.loadUnaligned(fromByteOffset: offset - bytes.startIndex, as: T.self))
    }
  }

  mutating func readString() -> String? {
    guard let length = read(UInt32.self).map(Int.init), length <= remaining else { return nil }
    defer { offset += length }
    return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
  }

  mutating func readArray<T: BitwiseCopyable>(_: T.Type, count: Int) -> ContiguousArray<T>? {
    let size = count * MemoryLayout<T>.stride
    guard count >= 0, size <= remaining else { return nil }
    let start = offset - bytes.startIndex
    defer { offset += size }
    return bytes.withUnsafeBytes { buffer in
      ContiguousArray<T>(unsafeUninitializedCapacity: count) { target, initialized in
        UnsafeMutableRawBufferPointer(target).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: buffer[start..<start + size]))
        initialized = count
      }
    }
  }

  /// Reads a validity flag and its words into `bitmap` (nil = no nulls); false when unreadable.
  mutating func readValidity(count: Int, into bitmap: inout Bitmap?) -> Bool {
    guard let flag = read(UInt8.self), flag <= 1 else { return false }
    guard flag == 1 else { return true }
    guard let words = readArray(UInt64.self, count: (count + 63) >> 6) else { return false }
    bitmap = Bitmap(words: words, count: count)
    return true
  }
}
