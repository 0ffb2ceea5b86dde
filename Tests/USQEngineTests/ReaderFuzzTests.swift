import Foundation
import Testing
import USQFrame
import USQTestSupport

@testable import USQEngine

/// Every reader turns every malformed input into an error with its position, never a crash
/// (issue 16: `["\uD888\u1234"]` trapped on an arithmetic overflow). Seeded mutations of valid
/// documents, with the bytes that break parsers most often (escapes, surrogates, quotes).
@Suite struct ReaderFuzzTests {
  static let seed: UInt64 = 0x16_F022

  /// Fragments a mutation inserts: escapes (surrogates, lone, reversed, short), quotes, brackets.
  static let fragments: [String] = [
    #"\uD888\u1234"#, #"\uD800\uD800\x"#, #"\uDC00"#, #"\uD800"#, #"\u12"#, #"\u+123"#, #"\x"#,
    #"\"#, "\"", "\"\"", ",", "\n", "\r\n", "[", "]", "{", "}", ":", "-", "1e999", "0x10", "08123",
    "\u{0}", "é", "😀", "\u{FFFD}", "null", "tru", "1.2.3",
  ]

  static let jsonSeeds = [
    #"[{"model": "gpt-4o", "n": 1, "t": "2026-11-01T00:00:00Z", "ok": true, "x": null}]"#,
    #"{"object": "list", "data": [{"id": "p1", "name": "A \u00e9 \ud83d\ude00"}]}"#,
    #"[{"a": [1, 2, {"b": "c"}], "s": "line\nnext \"q\" \\ \/"}]"#,
  ]

  static let csvSeeds = [
    "model,n,zip\ngpt-4o,1,08123\n\"a, b\",2,10001\n",
    "a,b\r\n\"x \"\"y\"\"\",3\r\n,\r\n",
    "\u{FEFF}t,v\n2026-11-01,1.5\n2026-11-02,\n",
  ]

  @Test("the issue's strings are errors naming the byte, not traps")
  func surrogates() {
    for (text, offset) in [
      (#"["\uD888\u1234"]"#, 2), (#"["\uD800\uD800\x"]"#, 2), (#"["\uDC00"]"#, 2),
    ] {
      #expect(throws: JSONParser.Failure.self, "\(text)") { try JSONParser.parse(Array(text.utf8)) }
      do {
        _ = try JSONParser.parse(Array(text.utf8))
      } catch {
        #expect(error.offset == offset, "\(text): \(error.reason)")
        #expect(error.reason.contains("surrogate"), "\(text): \(error.reason)")
      }
    }
    let pair = try? JSONParser.parse(Array(#"["\uD83D\uDE00 \u00e9"]"#.utf8))
    #expect(pair == .array([.string("😀 é")]))
    #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(#"["\x"]"#.utf8)) }
  }

  @Test("3,000 mutated JSON and NDJSON documents: a table or an error at a byte inside the input")
  func json() {
    var mutator = ByteMutator(seed: Self.seed, fragments: Self.fragments)
    for iteration in 0..<3_000 {
      let seedText = Self.jsonSeeds[iteration % Self.jsonSeeds.count]
      let bytes = mutator.mutate(Array(seedText.utf8), maximumSteps: 4)
      let context = "seed \(Self.seed) #\(iteration): \(String(decoding: bytes, as: UTF8.self))"
      do {
        _ = try JSONParser.parse(bytes)
      } catch {
        #expect((0...bytes.count).contains(error.offset), "\(context): offset \(error.offset)")
      }
      for format in ["json", "ndjson"] {
        do {
          _ = try FileReader.records(bytes, format: format, file: "f").frame()
        } catch let error as ExecutionError {
          guard case .read(let path, let reason) = error else {
            Issue.record("\(context): \(error)")
            continue
          }
          #expect(path.hasPrefix("f"), "\(context)")
          #expect(
            reason.contains("at byte") || reason.contains("expected JSON objects"),
            "\(context): \(reason)")
        } catch {
          Issue.record("\(context): unexpected \(error)")
        }
      }
    }
  }

  @Test("3,000 mutated CSV files: a table or an error at a line inside the input")
  func csv() {
    var mutator = ByteMutator(seed: Self.seed &+ 1, fragments: Self.fragments)
    for iteration in 0..<3_000 {
      let bytes = mutator.mutate(
        Array(Self.csvSeeds[iteration % Self.csvSeeds.count].utf8), maximumSteps: 4)
      let lines = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
      do {
        _ = try CSVReader.read(bytes).frame()
      } catch {
        #expect(
          (1...lines).contains(error.line),
          "seed \(Self.seed) #\(iteration): line \(error.line) of \(lines): \(error.reason)")
      }
    }
  }

  @Test("an empty CSV is an error; leading zeros keep a column as text; plain numbers stay numbers")
  func csvExamples() throws {
    #expect(throws: CSVReader.Failure.self) { try CSVReader.read([]) }
    #expect(throws: CSVReader.Failure.self) { try CSVReader.read(Array("\u{FEFF}".utf8)) }
    let table = try CSVReader.read(
      Array("zip,id,n,x,hex,nan\n08123,007,1,0.5,0x10,nan\n10001,12,-2,.25,0x11,inf\n".utf8)
    ).frame()
    #expect(table.schema.fields.map(\.kind) == [.string, .string, .int, .double, .string, .string])
    #expect(table.columns[0][0] == .string("08123"))
  }

  @Test("read refuses a file whose extension is not a format it reads, naming those it does")
  func unknownExtension() throws {
    #expect(throws: ExecutionError.self) { try FileReader.format(of: "chart.svg", Data()) }
    do {
      _ = try FileReader.format(of: "charts/chart.svg", Data())
    } catch {
      #expect(
        "\(error)".contains(
          "'.svg' is not a format usq reads (it reads .csv, .json, and .ndjson or .jsonl)"))
    }
    #expect(try FileReader.format(of: "data", Data("[1]".utf8)) == "json")
    #expect(try FileReader.format(of: "folder.v2/data", Data("a,b".utf8)) == "csv")
  }
}
