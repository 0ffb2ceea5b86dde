import Dispatch
import Foundation
import USQFrame

/// Many documents of one endpoint's pages → one frame, on several threads, in constant memory
/// beyond the frame itself.
///
/// Threads take documents in order from a shared counter and scan each into a `ColumnSink`
/// from a pool. Whichever thread completes the next document in order appends the completed
/// sinks to one `ColumnAssembler` (one copy of each value, straight into the final arrays) and
/// returns them to the pool, while the other thread goes on scanning. A document is released
/// as soon as it is scanned, so mapped files leave memory one by one, and at most a few sinks
/// wait for their turn. A document the scanner does not know goes through
/// `PageDecoder.decode` and joins the frame at its place.
final class PageBatchDecoder: @unchecked Sendable {
  /// A scanned document waiting for its turn.
  private enum Delivery {
    case sink(ColumnSink)
    case frame(Frame)
  }

  /// Documents scanned ahead of the one being appended, at most (bounds the sinks alive).
  private static let maxWaiting = 4

  private let plan: ScanPlan
  private let condition = NSCondition()
  // Guarded by `condition`:
  private var documents: [Data?]
  private var nextDocument = 0
  private var waiting: [Int: Delivery] = [:]
  private var nextToAppend = 0
  private var appending = false
  private var pool: [ColumnSink] = []
  private var failure: (index: Int, error: any Error)?
  // Touched only by the one appending thread:
  private var assembler: ColumnAssembler
  private var segments: [Frame] = []

  init(documents: consuming [Data], plan: ScanPlan) {
    self.plan = plan
    let bytes = documents.reduce(0) { $0 + $1.count }
    // Usage rows take ≥ 150 bytes of JSON; over-reserving costs address space only.
    assembler = ColumnAssembler(plan: plan, estimatedRows: bytes / 150 + 64)
    self.documents = documents.map { $0 }
  }

  /// Decodes every document on `threads` threads.
  ///
  /// - Throws: the error of the first document (in order) that is malformed.
  func frame(threads: Int) throws -> Frame {
    let count = documents.count
    DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in work() }
    if let failure { throw failure.error }
    segments.append(assembler.finish())
    return segments.count == 1 ? segments[0] : try Frame.concatenate(segments)
  }

  private func work() {
    while let (index, data, sink) = nextJob() {
      let delivery: Delivery
      do {
        sink.reset(capacity: data.count / 300 + 64)
        if try PageScanner.scan(
          data, plan: plan, sink: sink, allowArray: true, recordBuckets: false) != nil
        {
          delivery = .sink(sink)
        } else {
          recycle(sink)
          delivery = .frame(try PageDecoder.decode(data, endpoint: plan.endpoint))
        }
      } catch {
        fail(index, error)
        return
      }
      deliver(index, delivery)
    }
  }

  /// The next document (taken out of the list: the caller holds the last reference) and a
  /// sink; nil when all are taken or one failed.
  private func nextJob() -> (Int, Data, ColumnSink)? {
    condition.lock()
    defer { condition.unlock() }
    while failure == nil && waiting.count >= Self.maxWaiting { condition.wait() }
    guard failure == nil, nextDocument < documents.count, let data = documents[nextDocument]
    else { return nil }
    let index = nextDocument
    documents[index] = nil
    nextDocument += 1
    let sink = pool.popLast() ?? ColumnSink(fieldCount: plan.kinds.count, capacity: 64)
    return (index, data, sink)
  }

  private func recycle(_ sink: ColumnSink) {
    condition.withLock { pool.append(sink) }
  }

  private func fail(_ index: Int, _ error: any Error) {
    condition.withLock {
      if failure == nil || index < failure?.index ?? Int.max { failure = (index, error) }
      condition.broadcast()
    }
  }

  /// Parks the document's result; the first thread to find the next one in order appends
  /// every result that is ready, outside the lock.
  private func deliver(_ index: Int, _ delivery: Delivery) {
    condition.lock()
    waiting[index] = delivery
    guard !appending else {
      condition.unlock()
      return
    }
    appending = true
    while failure == nil, let next = waiting.removeValue(forKey: nextToAppend) {
      condition.unlock()
      switch next {
      case .sink(let sink): assembler.append(sink)
      case .frame(let frame):
        segments.append(assembler.finish())
        assembler = ColumnAssembler(plan: plan, estimatedRows: 64)
        segments.append(frame)
      }
      condition.lock()
      if case .sink(let sink) = next { pool.append(sink) }
      nextToAppend += 1
      condition.broadcast()
    }
    appending = false
    condition.unlock()
  }
}
