import Foundation
import Testing
import USQFrame
import USQVocabulary

@testable import USQOpenAI

/// `PageScanner.frame(documents:)`: many documents on several threads, appended in order.
@Suite("Page batches")
struct PageBatchTests {
  static func page(_ rows: [String]) -> Data {
    Data(#"{"data":[{"start_time":0,"end_time":60,"results":["#.utf8)
      + Data(rows.joined(separator: ",").utf8) + Data("]}]}".utf8)
  }

  static func expected(_ documents: [Data], _ endpoint: Endpoint) throws -> Frame {
    try Frame.concatenate(
      documents.map { try PageDecoder.decodeWithCodable($0, endpoint: endpoint) })
  }

  @Test("60 generated documents per endpoint (seeded) give the Codable frames one after another")
  func generatedBatches() throws {
    var generator = PageGenerator(seed: 0xBA7C4)
    for endpoint in [Endpoint.completions, .costs, .named("embeddings")] {
      let documents = (0..<60).map { _ in Data(generator.page(endpoint).utf8) }
      let expected = try Self.expected(documents, endpoint)
      #expect(expected.rowCount > 100)
      for threads in [1, 2, 4] {
        let frame = try PageScanner.frame(
          documents: documents, endpoint: endpoint, threads: threads)
        #expect(frame == expected, "\(endpoint.name), \(threads) threads")
      }
    }
  }

  @Test("a document the scanner does not know joins the frame at its place through Codable")
  func fallbackInTheMiddle() throws {
    let plain = #"{"input_tokens":1,"model":"a"}"#
    // Valid JSON, but not an int the scanner takes.
    let fractional = #"{"input_tokens":12.0,"model":"b"}"#
    let documents = [
      Self.page([plain, plain]), Self.page([fractional]), Self.page([plain, #"{"model":"c"}"#]),
    ]
    #expect(try PageScanner.frame(documents[1], endpoint: .completions) == nil)
    for threads in [1, 2] {
      let frame = try PageScanner.frame(
        documents: documents, endpoint: .completions, threads: threads)
      #expect(frame == (try Self.expected(documents, .completions)), "\(threads) threads")
      #expect(
        frame["model"].map { column in (0..<5).map { column[$0] } }
          == ["a", "a", "b", "a", "c"].map(Value.string))
    }
  }

  @Test("a malformed document is an error: the first one in order, never a partial frame")
  func malformedDocument() throws {
    let good = Self.page(Array(repeating: #"{"input_tokens":1}"#, count: 500))
    let bad = Data(#"{"data":[{"start_time":0,"end_time":60,"results":[{"model":"x\q"}]}]}"#.utf8)
    let worse = Data(#"{"data":[{"start_time":0,"end_time":60,"results":[{"model":tru}]}]}"#.utf8)
    for threads in [1, 2] {
      #expect(throws: PageScanError(offset: 61, reason: "bad escape"), "\(threads) threads") {
        try PageScanner.frame(
          documents: [good, good, bad, good, worse, good], endpoint: .completions,
          threads: threads)
      }
    }
  }

  @Test("fields no document sends end as null columns; one sent late is null before it")
  func neverAndLateFields() throws {
    let documents = [
      Self.page([#"{"input_tokens":1}"#, #"{"input_tokens":2}"#]),
      Self.page([#"{"input_tokens":3,"model":"m","batch":true}"#]),
    ]
    let frame = try PageScanner.frame(documents: documents, endpoint: .completions, threads: 2)
    #expect(frame == (try Self.expected(documents, .completions)))
    #expect(
      frame["model"].map { column in (0..<3).map { column[$0] } } == [.null, .null, .string("m")])
    #expect(
      frame["batch"].map { column in (0..<3).map { column[$0] } } == [.null, .null, .bool(true)])
    #expect(frame["user_id"]?.nullCount == 3)
    #expect(frame["output_tokens"]?.nullCount == 3)
  }

  @Test("null columns of one length share their zero buffers and stay independent when written")
  func sharedNullColumns() throws {
    let columns = Column.nulls([.int, .int, .time, .string, .bool, .double], count: 100)
    #expect(columns.map(\.kind) == [.int, .int, .time, .string, .bool, .double])
    #expect(columns.allSatisfy { $0.count == 100 && $0.nullCount == 100 })
    guard case .int(var first) = columns[0], case .int(let second) = columns[1] else {
      Issue.record("not int columns")
      return
    }
    first.values.withUnsafeBufferPointer { a in
      second.values.withUnsafeBufferPointer { b in #expect(a.baseAddress == b.baseAddress) }
    }
    first.values[3] = 7
    #expect(second.values[3] == 0)
    #expect(Column.nulls([], count: 5).isEmpty)
    #expect(Column.nulls([.string], count: 0)[0].count == 0)
  }
}
