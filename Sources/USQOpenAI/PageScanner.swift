import Dispatch
import Foundation
import USQFrame

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
    return buildFrame(plan: plan, parts: [sink])
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
      frame: buildFrame(plan: plan, parts: [sink]), hasMore: facts.hasMore,
      nextCursor: facts.nextPage,
      skippedRows: sink.skippedRows, buckets: facts.buckets)
  }

  /// The frame of several documents (pages or arrays of pages) of `endpoint`, decoded on
  /// `threads` threads, in order. Documents the scanner does not know go through
  /// `PageDecoder.decode`.
  ///
  /// Each thread decodes a contiguous run of documents into its own buffers; the frame is
  /// built with one copy from them (dictionaries merged, codes remapped on the way).
  public static func frame(documents: [Data], endpoint: Endpoint, threads: Int = 2) throws -> Frame
  {
    guard let plan = ScanPlan(endpoint), !documents.isEmpty else {
      return try Frame.concatenate(documents.map { try PageDecoder.decode($0, endpoint: endpoint) })
    }
    let runs = splitRuns(documents.map(\.count), into: max(1, min(threads, documents.count)))
    let results = ResultSlots(count: runs.count)
    DispatchQueue.concurrentPerform(iterations: runs.count) { index in
      let run = runs[index]
      let bytes = documents[run].reduce(0) { $0 + $1.count }
      let sink = ColumnSink(fieldCount: plan.kinds.count, capacity: bytes / 300 + 64)
      do {
        for document in documents[run] {
          if try scan(document, plan: plan, sink: sink, allowArray: true, recordBuckets: false)
            == nil
          {
            results.set(index, .failure(ScanFailure.unsupported))
            return
          }
        }
        results.set(index, .success(sink))
      } catch {
        results.set(index, .failure(error))
      }
    }
    var sinks: [ColumnSink] = []
    for index in runs.indices {
      switch results.get(index) {
      case .success(let sink): sinks.append(sink)
      case .failure(let error as PageScanError): throw error
      default:
        // A shape the scanner does not know: the general decoder, document by document.
        return try Frame.concatenate(
          documents.map { try PageDecoder.decode($0, endpoint: endpoint) })
      }
    }
    return buildFrame(plan: plan, parts: sinks)
  }

  /// Contiguous runs of documents with about the same number of bytes each.
  static func splitRuns(_ sizes: [Int], into count: Int) -> [Range<Int>] {
    let total = sizes.reduce(0, +)
    var runs: [Range<Int>] = []
    var start = 0
    var sum = 0
    for (index, size) in sizes.enumerated() {
      sum += size
      let remainingRuns = count - runs.count - 1
      if remainingRuns > 0, sum * count >= total * (runs.count + 1),
        sizes.count - index - 1 >= remainingRuns
      {
        runs.append(start..<(index + 1))
        start = index + 1
      }
    }
    if start < sizes.count { runs.append(start..<sizes.count) }
    return runs
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

  /// The frame of the sinks' rows, in order: `start_time`, `end_time`, then the fields.
  static func buildFrame(plan: ScanPlan, parts: [ColumnSink]) -> Frame {
    let total = parts.reduce(0) { $0 + $1.rows }
    var starts = ContiguousArray<Int64>(unsafeUninitializedCapacity: total) { buffer, count in
      var at = 0
      for part in parts {
        if part.rows > 0 {
          (buffer.baseAddress.unsafelyUnwrapped + at).update(from: part.starts, count: part.rows)
        }
        at += part.rows
      }
      count = total
    }
    let ends = ContiguousArray<Int64>(unsafeUninitializedCapacity: total) { buffer, count in
      var at = 0
      for part in parts {
        if part.rows > 0 {
          (buffer.baseAddress.unsafelyUnwrapped + at).update(from: part.ends, count: part.rows)
        }
        at += part.rows
      }
      count = total
    }
    if total == 0 { starts = [] }
    var pairs: [(String, Column)] = [
      ("start_time", .time(TimeColumn(values: starts))),
      ("end_time", .time(TimeColumn(values: ends))),
    ]
    for (field, resultField) in plan.endpoint.fields.enumerated() {
      pairs.append(
        (
          resultField.name,
          buildColumn(field: field, kind: resultField.kind, parts: parts, total: total)
        ))
    }
    return Frame(unchecked: pairs)
  }

  private static func buildColumn(field: Int, kind: ColumnKind, parts: [ColumnSink], total: Int)
    -> Column
  {
    let validity = buildValidity(field: field, parts: parts, total: total)
    switch kind {
    case .int, .time:
      let values = ContiguousArray<Int64>(unsafeUninitializedCapacity: total) { buffer, count in
        var at = 0
        for part in parts where part.rows > 0 {
          let source = UnsafeRawPointer(part.column(field).values).assumingMemoryBound(
            to: Int64.self)
          if part.isValued(field) {
            (buffer.baseAddress.unsafelyUnwrapped + at).update(from: source, count: part.rows)
          } else {
            (buffer.baseAddress.unsafelyUnwrapped + at).update(repeating: 0, count: part.rows)
          }
          at += part.rows
        }
        count = total
      }
      let column = IntColumn(values: values, validity: validity)
      return kind == .int ? .int(column) : .time(column)
    case .double:
      let values = ContiguousArray<Double>(unsafeUninitializedCapacity: total) { buffer, count in
        var at = 0
        for part in parts where part.rows > 0 {
          let source = UnsafeRawPointer(part.column(field).values).assumingMemoryBound(
            to: Double.self)
          if part.isValued(field) {
            (buffer.baseAddress.unsafelyUnwrapped + at).update(from: source, count: part.rows)
          } else {
            (buffer.baseAddress.unsafelyUnwrapped + at).update(repeating: 0, count: part.rows)
          }
          at += part.rows
        }
        count = total
      }
      return .double(DoubleColumn(values: values, validity: validity))
    case .bool:
      var words = ContiguousArray<UInt64>(repeating: 0, count: (total + 63) >> 6)
      var at = 0
      for part in parts {
        let source = part.column(field).values
        if part.isValued(field) {
          for r in 0..<part.rows where source[r] != 0 {
            words[(at + r) >> 6] |= 1 << UInt64((at + r) & 63)
          }
        }
        at += part.rows
      }
      return .bool(BoolColumn(bits: Bitmap(words: words, count: total), validity: validity))
    case .string:
      var dictionary: [String] = []
      var lookup: [String: UInt32] = [:]
      var remaps: [[UInt32]] = []
      for part in parts {
        let strings = part.tables[field].strings
        if remaps.isEmpty {
          dictionary = strings
          for (code, string) in strings.enumerated() { lookup[string] = UInt32(code) }
          remaps.append(Array(0..<UInt32(strings.count)))
          continue
        }
        remaps.append(
          strings.map { string in
            if let code = lookup[string] { return code }
            let code = UInt32(dictionary.count)
            dictionary.append(string)
            lookup[string] = code
            return code
          })
      }
      let codes = ContiguousArray<UInt32>(unsafeUninitializedCapacity: total) { buffer, count in
        var at = 0
        for (index, part) in parts.enumerated() where part.rows > 0 {
          let source = part.column(field).values
          let out = buffer.baseAddress.unsafelyUnwrapped + at
          if !part.isValued(field) {
            out.update(repeating: 0, count: part.rows)
          } else if index == 0 {
            for r in 0..<part.rows { out[r] = UInt32(truncatingIfNeeded: source[r]) }
          } else {
            remaps[index].withUnsafeBufferPointer { remap in
              let nulls = part.column(field).nulls
              for r in 0..<part.rows {
                let isNull = nulls[r >> 6] >> UInt64(r & 63) & 1 == 1
                out[r] = isNull ? 0 : remap[Int(truncatingIfNeeded: source[r])]
              }
            }
          }
          at += part.rows
        }
        count = total
      }
      return .string(StringColumn(codes: codes, dictionary: dictionary, validity: validity))
    }
  }

  /// Validity (bit set = value) from the parts' null bits; nil when no row is null.
  private static func buildValidity(field: Int, parts: [ColumnSink], total: Int) -> Bitmap? {
    guard parts.contains(where: { $0.hasNull[field] && $0.rows > 0 }) else { return nil }
    var words = ContiguousArray<UInt64>(repeating: 0, count: (total + 63) >> 6)
    var at = 0
    for part in parts {
      let nulls = part.column(field).nulls
      if at & 63 == 0 {
        let wordCount = (part.rows + 63) >> 6
        for w in 0..<wordCount { words[(at >> 6) + w] = ~nulls[w] }
        if part.rows & 63 != 0 {
          words[(at >> 6) + wordCount - 1] &= (1 << UInt64(part.rows & 63)) - 1
        }
      } else {
        for r in 0..<part.rows where nulls[r >> 6] >> UInt64(r & 63) & 1 == 0 {
          words[(at + r) >> 6] |= 1 << UInt64((at + r) & 63)
        }
      }
      at += part.rows
    }
    return Bitmap(words: words, count: total)  // clears the bits past `total`
  }
}

/// Results of the decoding threads, one slot each.
private final class ResultSlots: @unchecked Sendable {
  private var slots: [Result<ColumnSink, any Error>?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ result: Result<ColumnSink, any Error>) {
    lock.withLock { slots[index] = result }
  }

  func get(_ index: Int) -> Result<ColumnSink, any Error> {
    lock.withLock { slots[index] } ?? .failure(ScanFailure.unsupported)
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
