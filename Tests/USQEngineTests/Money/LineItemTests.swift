import Testing

@testable import USQEngine

@Suite struct LineItemTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var expected: LineItem?
    var testDescription: String { "'\(text)'" }
  }

  static let cases: [Case] = [
    Case(
      text: "gpt-4o-2024-08-06, input", expected: LineItem(model: "gpt-4o-2024-08-06", kind: .input)
    ),
    Case(text: "gpt-4o, cached input", expected: LineItem(model: "gpt-4o", kind: .cachedInput)),
    Case(
      text: "gpt-realtime, audio input",
      expected: LineItem(model: "gpt-realtime", kind: .audioInput)),
    Case(text: "o3, output", expected: LineItem(model: "o3", kind: .output)),
    Case(
      text: "gpt-realtime, audio output",
      expected: LineItem(model: "gpt-realtime", kind: .audioOutput)),
    Case(
      text: "gpt-4o, input (batch)",
      expected: LineItem(model: "gpt-4o", kind: .input, tier: "batch")),
    Case(text: "o3, output (flex)", expected: LineItem(model: "o3", kind: .output, tier: "flex")),
    Case(
      text: "priority | gpt-5, cached input",
      expected: LineItem(model: "gpt-5", kind: .cachedInput, tier: "priority")),
    Case(
      text: "scale|gpt-4o,output", expected: LineItem(model: "gpt-4o", kind: .output, tier: "scale")
    ),
    Case(
      text: "batch | o3, output (batch)",
      expected: LineItem(model: "o3", kind: .output, tier: "batch")),
    Case(
      text: "  Priority |  GPT-4o ,  Audio   Output  ",
      expected: LineItem(model: "gpt-4o", kind: .audioOutput, tier: "priority")),
    Case(
      text: "ft-gpt-4o-mini-2024-07-18, input",
      expected: LineItem(model: "ft-gpt-4o-mini-2024-07-18", kind: .input)),
    Case(
      text: "GPT-4O, INPUT (BATCH)",
      expected: LineItem(model: "gpt-4o", kind: .input, tier: "batch")),
    Case(text: "flex | o3, output (batch)", expected: nil),
    Case(text: "gpt-4o, input (default)", expected: nil),
    Case(text: "turbo | gpt-4o, input", expected: nil),
    Case(text: "Web search tool calls", expected: nil),
    Case(text: "gpt-image-1, 1024x1024", expected: nil),
    Case(text: "tts-1, characters", expected: nil),
    Case(text: "gpt-4o, input, output", expected: nil),
    Case(text: ", input", expected: nil),
    Case(text: "gpt 4o, input", expected: nil),
    Case(text: "gpt-4o, input (batch", expected: nil),
    Case(text: "", expected: nil),
    Case(text: "|", expected: nil),
    Case(text: "()", expected: nil),
  ]

  @Test("every form of the grammar reads as expected", arguments: cases)
  func forms(_ example: Case) {
    #expect(LineItem(parsing: example.text) == example.expected)
  }

  @Test("generated line items in every form, case and spacing read back")
  func generated() {
    let kinds = LineItemKind.allCases
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789-.:_")
    for seed in UInt64(1)...2_000 {
      var random = SeededRandom(seed: seed)
      let length = Int.random(in: 1...24, using: &random)
      let model = String((0..<length).map { _ in random.pick(alphabet) })
      let kind = random.pick(kinds)
      let tier = random.pick(["default"] + LineItem.tiers)
      func blank() -> String { random.pick(["", " ", "  ", "\t"]) }
      func cased(_ text: String) -> String {
        String(text.map { random.chance(0.3) ? Character($0.uppercased()) : $0 })
      }
      var text = blank() + cased(model) + blank() + "," + blank() + cased(kind.rawValue) + blank()
      if tier != "default" {
        if random.chance(0.5) {
          text = blank() + cased(tier) + blank() + "|" + text
        } else {
          text += " (" + blank() + cased(tier) + blank() + ")"
        }
      }
      let parsed = LineItem(parsing: text)
      #expect(parsed == LineItem(model: model, kind: kind, tier: tier), "seed \(seed): '\(text)'")
      #expect(parsed.flatMap { LineItem(parsing: $0.text) } == parsed, "seed \(seed)")
    }
  }

  @Test("arbitrary text never crashes, and what parses reads back from its own text")
  func arbitrary() {
    let alphabet =
      Array("ab01-: ,|()\t\u{e9}\u{1F600}").map(String.init) + [
        "batch", "input", "cached input", "flex",
      ]
    for seed in UInt64(1)...5_000 {
      var random = SeededRandom(seed: seed)
      let text = (0..<Int.random(in: 0...20, using: &random)).map { _ in
        random.pick(alphabet)
      }.joined()
      if let item = LineItem(parsing: text) {
        #expect(LineItem(parsing: item.text) == item, "seed \(seed): '\(text)'")
      }
    }
  }

  @Test("usage models match their own name and, for fine-tunes, ft-BASE")
  func usageModels() {
    #expect(UsageMatch.models(" GPT-4o ") == ["gpt-4o"])
    #expect(
      UsageMatch.models("ft:gpt-4o-mini-2024-07-18:acme::B7x1") == [
        "ft:gpt-4o-mini-2024-07-18:acme::b7x1", "ft-gpt-4o-mini-2024-07-18",
      ])
    #expect(UsageMatch.tier(batch: true, serviceTier: "priority") == "batch")
    #expect(UsageMatch.tier(batch: false, serviceTier: nil) == "default")
    #expect(UsageMatch.tier(batch: nil, serviceTier: " Flex ") == "flex")
  }
}
