import Testing
import USQFrame

@testable import USQRender

@Suite struct ExporterTests {
  static let frame = Fixtures.frame([
    ("start_time", .time, [.time(1_773_792_000), .time(1_773_878_400), .null]),
    (
      "model", .string,
      [.string("gpt-4o-mini-2024-07-18"), .string("say \"hi\", then\nleave"), .null]
    ),
    ("num_model_requests", .int, [.int(1_234_567), .int(-3), .null]),
    ("amount", .double, [.double(1.0), .double(0.1 + 0.2), .double(1e-5)]),
    ("batch", .bool, [.bool(true), .bool(false), .null]),
  ])

  @Test("csv is RFC 4180 with ISO times, plain integers, shortest round-trip floats")
  func csv() {
    #expect(
      Exporter.render(Self.frame, format: .csv) == """
        start_time,model,num_model_requests,amount,batch\r
        2026-03-18T00:00:00Z,gpt-4o-mini-2024-07-18,1234567,1.0,true\r
        2026-03-19T00:00:00Z,"say ""hi"", then
        leave",-3,0.30000000000000004,false\r
        ,,,1e-05,\r

        """)
  }

  @Test("json is one array of objects, keys in column order")
  func json() {
    #expect(
      Exporter.render(Self.frame, format: .json) == """
        [
        {"start_time":"2026-03-18T00:00:00Z","model":"gpt-4o-mini-2024-07-18","num_model_requests":1234567,"amount":1.0,"batch":true},
        {"start_time":"2026-03-19T00:00:00Z","model":"say \\"hi\\", then\\nleave","num_model_requests":-3,"amount":0.30000000000000004,"batch":false},
        {"start_time":null,"model":null,"num_model_requests":null,"amount":1e-05,"batch":null}
        ]

        """)
    #expect(Exporter.render(Fixtures.frame([("a", .int, [])]), format: .json) == "[]\n")
  }

  @Test("ndjson is one object per line")
  func ndjson() {
    let text = Exporter.render(Self.frame.slice(0..<1), format: .ndjson)
    #expect(
      text == """
        {"start_time":"2026-03-18T00:00:00Z","model":"gpt-4o-mini-2024-07-18","num_model_requests":1234567,"amount":1.0,"batch":true}

        """)
    #expect(Exporter.render(Fixtures.frame([("a", .int, [])]), format: .ndjson) == "")
  }

  @Test("md is a GitHub table with numbers right-aligned")
  func markdown() {
    let frame = Fixtures.frame([
      ("project_id", .string, [.string("proj_a|b"), .null]),
      ("num_model_requests", .int, [.int(12), .int(3)]),
    ])
    #expect(
      Exporter.render(frame, format: .md) == """
        | project_id | num_model_requests |
        | --- | ---: |
        | proj_a\\|b | 12 |
        |  | 3 |

        """)
  }

  @Test("non-finite doubles are null in JSON; control characters are escaped")
  func jsonEdges() {
    let frame = Fixtures.frame([
      ("x", .double, [.double(.nan), .double(.infinity)]),
      ("s", .string, [.string("a\u{01}b\tc"), .string("ö✓")]),
    ])
    #expect(
      Exporter.render(frame, format: .ndjson)
        == "{\"x\":null,\"s\":\"a\\u0001b\\tc\"}\n{\"x\":null,\"s\":\"ö✓\"}\n")
  }

  @Test("formats from file extensions")
  func extensions() {
    #expect(Exporter.Format(fileExtension: "CSV") == .csv)
    #expect(Exporter.Format(fileExtension: "jsonl") == .ndjson)
    #expect(Exporter.Format(fileExtension: "markdown") == .md)
    #expect(Exporter.Format(fileExtension: "svg") == nil)
  }
}
