import Foundation
import USQFrame
import USQVocabulary

/// Malformed JSON in a page: where (byte offset) and what.
public struct PageScanError: Error, Equatable, Sendable, CustomStringConvertible {
  public let offset: Int
  public let reason: String

  public init(offset: Int, reason: String) {
    self.offset = offset
    self.reason = reason
  }

  public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

/// The fast path of `PageDecoder`: a byte scanner that decodes usage and costs pages straight
/// into columns (no object per row), interning strings as it goes.
///
/// It knows page → `data[]` bucket → `results[]` row. For anything valid it does not know
/// (a list endpoint, a value of an unexpected type, a duplicate key, fractional ints) it
/// returns nil and the general decoder decides; malformed JSON (RFC 8259) is always an error.
public enum PageScanner {
  /// The frame of `data` (one page, or an array of pages), or nil when the scanner does not
  /// know the shape.
  ///
  /// - Throws: `PageScanError` when `data` is not valid JSON.
  public static func frame(_ data: Data, endpoint: Endpoint) throws(PageScanError) -> Frame? {
    guard let plan = ScanPlan(endpoint) else { return nil }
    let sink = ColumnSink(fieldCount: plan.kinds.count, capacity: data.count / 300 + 64)
    guard try scan(data, plan: plan, sink: sink, allowArray: true, recordBuckets: false) != nil
    else { return nil }
    return buildFrame(plan: plan, sink: sink)
  }

  /// One page with its paging facts, or nil when the scanner does not know the shape.
  ///
  /// - Throws: `PageScanError` when `data` is not valid JSON.
  public static func page(_ data: Data, endpoint: Endpoint) throws(PageScanError) -> DecodedPage? {
    guard let plan = ScanPlan(endpoint) else { return nil }
    let sink = ColumnSink(fieldCount: plan.kinds.count, capacity: data.count / 300 + 64)
    guard let facts = try scan(data, plan: plan, sink: sink, allowArray: false, recordBuckets: true)
    else { return nil }
    return DecodedPage(
      frame: buildFrame(plan: plan, sink: sink), hasMore: facts.hasMore,
      nextCursor: facts.nextPage,
      skippedRows: sink.skippedRows, buckets: facts.buckets)
  }

  /// The frame of several documents (pages or arrays of pages) of `endpoint`, decoded on
  /// `threads` threads, in order (see `PageBatchDecoder`). Each document is released once
  /// scanned, so pass documents nothing else holds (mapped files) to keep memory flat.
  ///
  /// - Throws: `PageScanError` (or the general decoder's error) of the first malformed
  ///   document.
  public static func frame(documents: consuming [Data], endpoint: Endpoint, threads: Int = 2)
    throws -> Frame
  {
    guard let plan = ScanPlan(endpoint) else {
      return try Frame.concatenate(documents.map { try PageDecoder.decode($0, endpoint: endpoint) })
    }
    return try PageBatchDecoder(documents: documents, plan: plan).frame(threads: threads)
  }

  /// Scans one document into `sink`: its facts, or nil when the shape is unknown.
  static func scan(
    _ data: Data, plan: ScanPlan, sink: ColumnSink, allowArray: Bool, recordBuckets: Bool
  ) throws(PageScanError) -> PageFacts? {
    let outcome: Result<PageFacts?, PageScanError> = data.withUnsafeBytes {
      (raw: UnsafeRawBufferPointer) -> Result<PageFacts?, PageScanError> in
      let bytes = raw.bindMemory(to: UInt8.self)
      var scanner = ByteScanner(bytes, plan: plan, sink: sink)
      defer { scanner.free() }
      scanner.recordBuckets = recordBuckets
      let rowsBefore = sink.rows
      let skippedBefore = sink.skippedRows
      do throws(ScanFailure) {
        defer { sink.valuedMask = scanner.valued }
        try scanner.document(allowArray: allowArray)
        return .success(scanner.facts)
      } catch {
        sink.rows = rowsBefore
        sink.skippedRows = skippedBefore
        if case .malformed(let offset, let reason) = error {
          return .failure(PageScanError(offset: offset, reason: "\(reason)"))
        }
      }
      do throws(ScanFailure) {
        try scanner.validateDocument()
        return .success(nil)
      } catch {
        guard case .malformed(let offset, let reason) = error else { return .success(nil) }
        return .failure(PageScanError(offset: offset, reason: "\(reason)"))
      }
    }
    return try outcome.get()
  }

  /// The frame of one sink's rows.
  static func buildFrame(plan: ScanPlan, sink: ColumnSink) -> Frame {
    var assembler = ColumnAssembler(plan: plan, estimatedRows: sink.rows)
    assembler.append(sink)
    return assembler.finish()
  }
}

// MARK: - Plan

/// Names to match keys against: bytes in one buffer, with offsets and lengths.
final class KeySet: @unchecked Sendable {
  let bytes: UnsafeMutablePointer<UInt8>
  /// Offsets, lengths and pattern offsets as pointers: read per key, without reference counting.
  let offsets: UnsafeMutablePointer<Int>
  let lengths: UnsafeMutablePointer<Int>
  let count: Int

  init(_ names: [String]) {
    let utf8 = names.map { Array($0.utf8) }
    let total = utf8.reduce(0) { $0 + $1.count }
    bytes = .allocate(capacity: max(1, total))
    var offsets: [Int] = []
    var at = 0
    for name in utf8 {
      offsets.append(at)
      for byte in name {
        bytes[at] = byte
        at += 1
      }
    }
    self.offsets = .allocate(capacity: max(1, names.count))
    self.offsets.initialize(from: offsets, count: offsets.count)
    lengths = .allocate(capacity: max(1, names.count))
    lengths.initialize(from: utf8.map(\.count), count: names.count)
    count = names.count
    let patternTotal = utf8.reduce(0) { $0 + $1.count + 3 }
    patterns = .allocate(capacity: max(1, patternTotal))
    var patternOffsets: [Int] = []
    at = 0
    for name in utf8 {
      patternOffsets.append(at)
      for byte in [0x22] + name + [0x22, 0x3A] {
        patterns[at] = byte
        at += 1
      }
    }
    self.patternOffsets = .allocate(capacity: max(1, names.count))
    self.patternOffsets.initialize(from: patternOffsets, count: patternOffsets.count)
  }

  /// `"name":` of each key, for the predicted-key compare.
  let patterns: UnsafeMutablePointer<UInt8>
  let patternOffsets: UnsafeMutablePointer<Int>

  /// The same names as a plain struct of pointers (no reference counting in the scanner).
  var table: KeyTable {
    KeyTable(
      bytes: bytes, offsets: offsets, lengths: lengths, patterns: patterns,
      patternOffsets: patternOffsets, count: count)
  }

  deinit {
    bytes.deallocate()
    patterns.deallocate()
    offsets.deallocate()
    lengths.deallocate()
    patternOffsets.deallocate()
  }
}

/// A `KeySet`'s buffers; valid while the set lives.
struct KeyTable {
  let bytes: UnsafeMutablePointer<UInt8>
  let offsets: UnsafeMutablePointer<Int>
  let lengths: UnsafeMutablePointer<Int>
  let patterns: UnsafeMutablePointer<UInt8>
  let patternOffsets: UnsafeMutablePointer<Int>
  let count: Int
}

/// What the scanner needs to know of an endpoint: row keys and what each fills.
final class ScanPlan: @unchecked Sendable {
  enum Kind { case integer, double, bool, string }

  static let objectAction = -1
  static func nestedGroup(_ action: Int) -> Int { -2 - action }

  let endpoint: Endpoint
  let kinds: [Kind]
  /// `kinds` as a pointer, for the scanner's per-value dispatch.
  let kindPointer: UnsafeMutablePointer<Kind>
  /// `rowActions` as a pointer.
  let actionPointer: UnsafeMutablePointer<Int>
  let allFields: UInt64
  let rowKeys: KeySet
  /// Per row key: a field index, `objectAction`, or `-2 - group` for a nested object.
  let rowActions: [Int]
  /// Per row key: the key expected after it (catalog order).
  let nextKey: [Int]
  let nestedKeys: [KeySet]
  let nestedFields: [[Int]]
  let pageKeys = KeySet(["data", "has_more", "next_page", "last_id"])
  let bucketKeys = KeySet(["start_time", "end_time", "results", "result"])
  let objectName: (bytes: UnsafeMutablePointer<UInt8>, count: Int)

  /// The plan of `endpoint`, or nil when the scanner does not know its shape.
  init?(_ endpoint: Endpoint) {
    guard endpoint.isBucketed, endpoint.fields.count <= 63,
      endpoint.fields.allSatisfy({ $0.jsonPath.count == 1 || $0.jsonPath.count == 2 }),
      endpoint.fields.allSatisfy({ $0.jsonPath.allSatisfy { !$0.contains("|") } })
    else { return nil }
    self.endpoint = endpoint
    kinds = endpoint.fields.map { field in
      switch field.kind {
      case .int, .time: .integer
      case .double: .double
      case .bool: .bool
      case .string: .string
      }
    }
    allFields = endpoint.fields.count == 64 ? ~0 : (1 << UInt64(endpoint.fields.count)) - 1
    var names = ["object"]
    var actions = [Self.objectAction]
    var groups: [String] = []
    var groupKeys: [[String]] = []
    var groupFields: [[Int]] = []
    for (index, field) in endpoint.fields.enumerated() {
      let head = field.jsonPath[0]
      if field.jsonPath.count == 1 {
        guard !names.contains(head) else { return nil }
        names.append(head)
        actions.append(index)
      } else if let group = groups.firstIndex(of: head) {
        guard !groupKeys[group].contains(field.jsonPath[1]) else { return nil }
        groupKeys[group].append(field.jsonPath[1])
        groupFields[group].append(index)
      } else {
        guard !names.contains(head) else { return nil }
        groups.append(head)
        groupKeys.append([field.jsonPath[1]])
        groupFields.append([index])
        names.append(head)
        actions.append(-2 - (groups.count - 1))
      }
    }
    rowKeys = KeySet(names)
    rowActions = actions
    actionPointer = .allocate(capacity: actions.count)
    actionPointer.initialize(from: actions, count: actions.count)
    kindPointer = .allocate(capacity: max(1, kinds.count))
    kindPointer.initialize(from: kinds, count: kinds.count)
    nextKey = names.indices.map { $0 + 1 }
    nestedKeys = groupKeys.map(KeySet.init)
    nestedFields = groupFields
    let object = Array(endpoint.resultObject.utf8)
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, object.count))
    for (index, byte) in object.enumerated() { bytes[index] = byte }
    objectName = (bytes, object.count)
  }

  deinit {
    objectName.bytes.deallocate()
    actionPointer.deallocate()
    kindPointer.deallocate()
  }
}
