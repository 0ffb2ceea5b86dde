import Foundation
import Testing
import USQBasics
import USQDemo
import USQFrame
import USQOpenAI
import USQVocabulary

/// The scanner against the Codable decoder: same frames on every valid page it knows,
/// errors (never frames) on malformed JSON.
@Suite struct PageScannerTests {
  static let fixtureFiles: [String] = {
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.path)) ?? []
    let deviations =
      (try? FileManager.default.contentsOfDirectory(
        atPath: Fixtures.directory.appendingPathComponent("deviations").path)) ?? []
    return names.filter { $0.hasSuffix("-page.json") || $0.hasSuffix("-page-grouped.json") }
      .sorted()
      + deviations.map { "deviations/\($0)" }.sorted()
  }()

  /// The scanner's page equals the Codable page (frame and paging facts); returns whether
  /// the scanner knew the shape.
  @discardableResult
  static func expectSamePage(
    _ data: Data, _ endpoint: Endpoint, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Bool {
    let reference = try PageDecoder.decodePageWithCodable(data, endpoint: endpoint)
    guard let fast = try PageScanner.page(data, endpoint: endpoint) else { return false }
    #expect(fast.frame == reference.frame, sourceLocation: sourceLocation)
    #expect(dump(fast.frame) == dump(reference.frame), sourceLocation: sourceLocation)
    #expect(fast.frame.schema == endpoint.schema, sourceLocation: sourceLocation)
    #expect(fast.hasMore == reference.hasMore, sourceLocation: sourceLocation)
    #expect(fast.nextCursor == reference.nextCursor, sourceLocation: sourceLocation)
    #expect(fast.skippedRows == reference.skippedRows, sourceLocation: sourceLocation)
    #expect(fast.buckets == reference.buckets, sourceLocation: sourceLocation)
    return true
  }

  @Test(
    "every reference example page of its endpoint: the scanner knows it and gives the Codable frame"
  )
  func examples() throws {
    for file in Self.fixtureFiles {
      let stem = file.split(separator: "/").last.map(String.init) ?? file
      guard
        let endpoint = EndpointCatalog.bucketed.first(where: {
          stem.hasPrefix($0.name.replacingOccurrences(of: "_", with: "-") + "-page")
        })
      else { continue }
      let known = try Self.expectSamePage(try Fixtures.data(file), endpoint)
      #expect(known, "the scanner fell back on \(file)")
    }
  }

  @Test("every example page read as every other endpoint: same frame, or both reject it")
  func examplesAsOtherEndpoints() throws {
    for file in Self.fixtureFiles {
      let data = try Fixtures.data(file)
      for endpoint in EndpointCatalog.bucketed {
        let reference = try? PageDecoder.decodeWithCodable(data, endpoint: endpoint)
        let fast = try PageScanner.frame(data, endpoint: endpoint)
        if let fast { #expect(fast == reference, "\(file) as \(endpoint.name)") }
      }
    }
  }

  @Test(
    "pages of every demo endpoint, ungrouped and grouped by every key, 1d and 1h: the Codable pages"
  )
  func demoPages() throws {
    let organization = DemoOrganization()
    let now: Int64 = 1_764_504_000  // 2026-11-30T12:00:00Z
    var rows = 0
    for endpoint in EndpointCatalog.bucketed {
      for width in endpoint.bucketWidths where width != .minute {
        for grouped in [false, true] {
          var query = [
            QueryItem("start_time", String(now - 3 * 86_400)),
            QueryItem("bucket_width", width.rawValue),
            QueryItem("limit", width == .day ? "3" : "30"),
          ]
          if grouped { query += endpoint.groupKeys.map { QueryItem("group_by", $0) } }
          let response = organization.respond(
            to: HTTPRequest(baseURL: "", path: endpoint.path, query: query), now: now)
          #expect(response.status == 200)
          #expect(
            try Self.expectSamePage(response.body, endpoint),
            "\(endpoint.name) \(width) grouped \(grouped)")
          rows += try PageDecoder.decode(response.body, endpoint: endpoint).rowCount
        }
      }
    }
    #expect(rows > 1_000)
  }

  @Test("an array of pages and several documents on two threads give the concatenated frame")
  func arraysAndThreads() throws {
    let organization = DemoOrganization()
    let now: Int64 = 1_764_504_000
    var pages: [Data] = []
    var cursor: String?
    repeat {
      var query = [
        QueryItem("start_time", String(now - 86_400)), QueryItem("bucket_width", "1h"),
        QueryItem("limit", "5"),
      ]
      query += Endpoint.completions.groupKeys.map { QueryItem("group_by", $0) }
      if let cursor { query.append(QueryItem("page", cursor)) }
      let body = organization.respond(
        to: HTTPRequest(baseURL: "", path: "/organization/usage/completions", query: query),
        now: now
      ).body
      pages.append(body)
      cursor = try PageDecoder.decodePage(body, endpoint: .completions).nextCursor
    } while cursor != nil
    #expect(pages.count >= 5)
    let expected = try Frame.concatenate(
      pages.map { try PageDecoder.decodeWithCodable($0, endpoint: .completions) })
    for threads in [1, 2, 3] {
      let frame = try PageScanner.frame(documents: pages, endpoint: .completions, threads: threads)
      #expect(frame.rowCount == expected.rowCount)
      #expect(frame == expected, "\(threads) threads")
    }
    let array = Data("[".utf8) + pages.joined(separator: Data(",\n".utf8)) + Data("]".utf8)
    #expect(try PageScanner.frame(array, endpoint: .completions) == expected)
    #expect(try PageDecoder.decode(array, endpoint: .completions) == expected)
  }

  @Test(
    "two threads where a field is null in one run and filled in the other: zeros and validity line up"
  )
  func fieldsFilledInOneRunOnly() throws {
    func page(_ rows: [String]) -> Data {
      Data(#"{"data":[{"start_time":0,"end_time":60,"results":["#.utf8)
        + Data(rows.joined(separator: ",").utf8) + Data("]}]}".utf8)
    }
    let empty = #"{"input_tokens":1}"#
    let filled = #"{"input_tokens":2,"model":"gpt-4o","batch":true,"output_tokens":5}"#
    let documents = [
      page(Array(repeating: empty, count: 70)),
      page(Array(repeating: filled, count: 3) + [empty] + [filled]),
      page([empty, filled]),
    ]
    let expected = try Frame.concatenate(
      documents.map { try PageDecoder.decodeWithCodable($0, endpoint: .completions) })
    for threads in [1, 2, 3] {
      let frame = try PageScanner.frame(
        documents: documents, endpoint: .completions, threads: threads)
      #expect(frame == expected, "\(threads) threads")
      guard case .int(let output) = frame["output_tokens"] else { continue }
      #expect(output.values.filter { $0 != 0 } == [5, 5, 5, 5, 5])  // null slots hold 0
    }
  }

  @Test(
    "400 generated pages (seeded): shuffled keys, whitespace, escapes, nulls, missing and unknown fields"
  )
  func generatedPages() throws {
    var generator = PageGenerator(seed: 0x5EED)
    var known = 0
    for index in 0..<400 {
      let endpoint =
        index % 4 == 3
        ? Endpoint.costs : index % 4 == 2 ? Endpoint.named("embeddings") : .completions
      let text = generator.page(endpoint)
      if try Self.expectSamePage(Data(text.utf8), endpoint) { known += 1 }
    }
    #expect(known == 400)
  }

  @Test(
    "shapes the scanner leaves to Codable: fractional ints, ints as strings, duplicate keys, wrong types"
  )
  func fallbacks() throws {
    let row = #"{"object":"organization.usage.completions.result","input_tokens":"#
    let cases = [
      row + "12.0}", row + "1e3}", row + #""12"}"#, row + "true}", row + "1,\"input_tokens\":2}",
      row + "99999999999999999999}",
    ]
    for value in cases {
      let text = #"{"data":[{"start_time":0,"end_time":60,"results":["# + value + "]}]}"
      let data = Data(text.utf8)
      #expect(try PageScanner.page(data, endpoint: .completions) == nil, "\(value)")
      _ = try? PageDecoder.decodePage(data, endpoint: .completions)
    }
    let missingTimes = Data(#"{"data":[{"results":[]}]}"#.utf8)
    #expect(try PageScanner.page(missingTimes, endpoint: .completions) == nil)
    #expect(throws: DecodingError.self) {
      try PageDecoder.decodePage(missingTimes, endpoint: .completions)
    }
  }

  @Test("every truncation of a small page is an error with an offset inside the input")
  func truncations() throws {
    let page = try Fixtures.data("completions-page-grouped.json")
    #expect(page.count < 4_000)
    let content = (page.lastIndex { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } ?? 0) + 1
    #expect(try PageScanner.frame(page, endpoint: .completions) != nil)
    for length in 0..<content {
      let prefix = page.prefix(length)
      do {
        _ = try PageScanner.frame(Data(prefix), endpoint: .completions)
        Issue.record("prefix of \(length) bytes accepted")
      } catch {
        #expect(error.offset <= length)
      }
    }
  }

  @Test("malformed JSON is an error naming the byte and the reason, never a frame")
  func malformed() throws {
    let ok =
      #"{"data":[{"start_time":0,"end_time":60,"results":[{"object":"organization.usage.completions.result","model":"#
    let cases: [(String, String)] = [
      (ok + #""gpt\x"}]}]}"#, "bad escape"),
      (ok + #""gpt\u12G4"}]}]}"#, "bad hex digit in \\u escape"),
      (ok + #""\uD800"}]}]}"#, "lone surrogate in \\u escape"),
      (ok + "\"a\u{01}b\"}]}]}", "control character in string"),
      (ok + #""gpt"}]}]} x"#, "trailing characters after the document"),
      (ok + #""gpt"}]}]}{}"#, "trailing characters after the document"),
      (ok + #""gpt",}]}]}"#, "expected a key"),
      (ok + #""gpt"}],}]}"#, "expected a key"),
      (ok + #""gpt","input_tokens":012}]}]}"#, "leading zero"),
      (ok + #""gpt","input_tokens":-}]}]}"#, "number without digits"),
      (ok + #""gpt","input_tokens":1.}]}]}"#, "fraction without digits"),
      (ok + #""gpt","input_tokens":12a}]}]}"#, "expected ',' or '}'"),
      (ok + #""gpt","extra":[1,2,}]}]}"#, "unexpected character"),
      (ok + #""gpt","extra":tru}]}]}"#, "invalid literal"),
      (ok + #""gpt" "batch":true}]}]}"#, "expected ',' or '}'"),
      ("", "unexpected end of input"),
    ]
    for (text, reason) in cases {
      #expect(throws: PageScanError.self, "\(reason)") {
        try PageDecoder.decode(Data(text.utf8), endpoint: .completions)
      }
      do {
        _ = try PageScanner.frame(Data(text.utf8), endpoint: .completions)
        Issue.record("accepted: \(text)")
      } catch {
        #expect(error.reason == reason, "\(text)")
      }
    }
    let invalidUTF8 = Data(ok.utf8) + Data([0x22, 0x67, 0xC3, 0x28, 0x22]) + Data("}]}]}".utf8)
    #expect(throws: PageScanError(offset: ok.utf8.count + 2, reason: "invalid UTF-8")) {
      try PageDecoder.decode(invalidUTF8, endpoint: .completions)
    }
    let overlong = Data(ok.utf8) + Data([0x22, 0xC0, 0xAF, 0x22]) + Data("}]}]}".utf8)
    #expect(throws: PageScanError.self) { try PageDecoder.decode(overlong, endpoint: .completions) }
    #expect(
      PageScanError(offset: 7, reason: "bad escape").description
        == "invalid JSON at byte 7: bad escape")
  }

  @Test("escaped and non-ASCII strings intern by their text: gpt\\u002d4o is gpt-4o")
  func escapes() throws {
    let text = """
      {"data":[{"results":[
        {"model":"gpt-4o","project_id":"caf\\u00e9","user_id":"\\ud83d\\ude00"},
        {"model":"gpt\\u002d4o","project_id":"café","user_id":"😀"},
        {"object":"organization.usage.embeddings.result","model":"skipped"}
      ],"end_time":60,"start_time":0}],"has_more":false,"next_page":null}
      """
    let page = try #require(try PageScanner.page(Data(text.utf8), endpoint: .completions))
    #expect(page.frame.rowCount == 2)
    #expect(page.skippedRows == 1)
    guard case .string(let models) = page.frame["model"],
      case .string(let projects) = page.frame["project_id"]
    else {
      Issue.record("not string columns")
      return
    }
    #expect(models.codes == [0, 0])
    // The skipped row's "skipped" may stay in the dictionary, unused.
    #expect(models.dictionary[0] == "gpt-4o")
    #expect(projects.dictionary == ["café"])
    #expect(page.frame["user_id"]?[1] == .string("😀"))
    #expect(page.frame["start_time"]?[1] == .time(0))
    #expect(page.frame["input_tokens"]?[0] == .null)
    try Self.expectSamePage(Data(text.utf8), .completions)
  }
}

/// Seeded random pages of an endpoint, valid JSON with the variations the API could send.
struct PageGenerator {
  private var random: SeededGenerator

  init(seed: UInt64) { random = SeededGenerator(seed: seed) }

  mutating func next() -> UInt64 { random.next() }

  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  mutating func space() -> String { [" ", "", "", "\n  ", "\t", ""][below(6)] }

  mutating func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\t": out += "\\t"
      default:
        if chance(5) {
          out += String(format: "\\u%04x", scalar.value < 0x10000 ? scalar.value : 0x41)
        } else if scalar == "/" && chance(50) {
          out += "\\/"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  mutating func object(_ members: [(String, String)]) -> String {
    var members = members
    if chance(60) { members.shuffle(using: &self) }
    if chance(15) {
      members.insert(("extra_\(below(3))", unknownValue()), at: below(members.count + 1))
    }
    let body = members.map { space() + quoted($0.0) + space() + ":" + space() + $0.1 + space() }
    return "{" + body.joined(separator: ",") + "}"
  }

  mutating func unknownValue() -> String {
    switch below(6) {
    case 0: return #"{"a":[1,2.5e3,-0.25,{"b":null}],"c":"x\"y\\z"}"#
    case 1: return "[true,false,null,\"\\u00e9\\n\"]"
    case 2: return "-12.75E+2"
    case 3: return "\"with / slash and ünicode ✓\""
    case 4: return "{}"
    default: return "[]"
    }
  }

  static let ids = [
    "proj_abc", "proj_déf", "user/1", "key \"q\"", "gpt-4o-mini-2024-07-18", "😀 emoji", "",
    "tab\there",
  ]

  mutating func value(_ kind: ColumnKind, _ field: ResultField) -> String? {
    if chance(8) { return chance(50) ? "null" : nil }  // null or missing
    switch kind {
    case .int, .time:
      return [
        String(below(1_000)), "0", "-7", String(Int64.max), String(Int64.min),
        String(below(10_000_000)),
      ][below(6)]
    case .double:
      let number = ["0.0601875", "12.5", "0", "1e-3", "-2.5E2", "401250.0", "3"][below(7)]
      return field.name == "amount" && chance(30) ? "\"\(number)\"" : number
    case .bool: return chance(50) ? "true" : "false"
    case .string: return quoted(Self.ids[below(Self.ids.count)])
    }
  }

  mutating func row(_ endpoint: Endpoint) -> String {
    var members: [(String, String)] = []
    if chance(90) {
      members.append(
        ("object", quoted(chance(95) ? endpoint.resultObject : "organization.usage.other.result")))
    }
    var nested: [String: [(String, String)]] = [:]
    for field in endpoint.fields {
      guard let value = value(field.kind, field) else { continue }
      if field.jsonPath.count == 2 {
        nested[field.jsonPath[0], default: []].append((field.jsonPath[1], value))
      } else {
        members.append((field.name, value))
      }
    }
    for (name, inner) in nested.sorted(by: { $0.key < $1.key }) {
      members.append((name, object(inner)))
    }
    return object(members)
  }

  mutating func page(_ endpoint: Endpoint) -> String {
    var buckets: [String] = []
    for index in 0..<below(4) {
      let rows = (0..<below(5)).map { _ in row(endpoint) }
      let start = 1_730_419_200 + Int64(index) * 86_400
      buckets.append(
        object([
          ("object", quoted("bucket")), ("start_time", String(start)),
          ("end_time", String(start + 86_400)),
          (chance(10) ? "result" : "results", "[" + rows.joined(separator: "," + space()) + "]"),
        ]))
    }
    var members = [
      ("object", quoted("page")), ("data", "[" + buckets.joined(separator: ",") + space() + "]"),
    ]
    if chance(80) { members.append(("has_more", chance(50) ? "true" : "false")) }
    if chance(80) { members.append(("next_page", chance(50) ? quoted("page_AAAA/+=") : "null")) }
    return space() + object(members) + space()
  }
}

extension PageGenerator: RandomNumberGenerator {}
