import Foundation
import Testing
import USQFrame
import USQOpenAI
import USQTestSupport
import USQVocabulary

/// API pages read from files (`read pages/*.json`) go through the page scanner and decoder:
/// seeded mutations of every example page — escapes and surrogates inserted, bytes dropped,
/// changed or cut — give the frame or an error, never a crash (issue 16).
@Suite struct PageFuzzTests {
  static let seed: UInt64 = 0x16_9A6E

  static let fragments: [String] = [
    #"\uD888\u1234"#, #"\uD800\uD800\x"#, #"\uDC00"#, #"\uD800"#, #"\u12"#, #"\x"#, #"\"#, "\"",
    ",", "[", "]", "{", "}", ":", "-", "1e999", "-0", "99999999999999999999", "null", "\u{0}",
    "😀", "\"page\"", "\"data\": [", "\"results\": [{",
  ]

  @Test("2,000 mutated example pages: the decoder and the batch scanner give a frame or an error")
  func mutatedPages() throws {
    var mutator = ByteMutator(seed: Self.seed, fragments: Self.fragments)
    let pages = try PageDecoderTests.pages.map { (try Fixtures.data($0.file), $0.endpoint) }
    for iteration in 0..<2_000 {
      let (data, name) = pages[iteration % pages.count]
      let endpoint = Endpoint.named(name)
      let mutated = Data(mutator.mutate(Array(data)))
      let context = "seed \(Self.seed) #\(iteration) (\(name))"
      var decoded: Frame?
      do {
        decoded = try PageDecoder.decode(mutated, endpoint: endpoint)
      } catch {
        #expect(!"\(error)".isEmpty, "\(context)")
      }
      var scanned: Frame?
      do {
        scanned = try PageScanner.frame(documents: [mutated], endpoint: endpoint, threads: 1)
      } catch {
        #expect(!"\(error)".isEmpty, "\(context)")
      }
      if let decoded, let scanned {
        #expect(decoded.rowCount == scanned.rowCount, "\(context)")
      }
    }
  }
}
