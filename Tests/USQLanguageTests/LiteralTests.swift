import Testing

@testable import USQLanguage

@Suite("Literal: option values")
struct LiteralTests {
  @Test("integers and numbers")
  func integers() {
    #expect(Literal.integer("30") == 30)
    #expect(Literal.integer("1_000") == 1_000)
    #expect(Literal.integer("-3") == -3)
    #expect(Literal.integer("3.5") == nil)
    #expect(Literal.integer("30d") == nil)
    #expect(Literal.integer(" 30") == nil)
    #expect(Literal.number("2.5") == 2.5)
    #expect(Literal.number("1e6") == 1_000_000)
    #expect(Literal.percent("5%") == 5)
    #expect(Literal.bool("true") == true)
    #expect(Literal.bool("yes") == nil)
  }

  @Test("relative durations")
  func durations() {
    #expect(Literal.duration("-7d")?.seconds == -604_800)
    #expect(Literal.duration("36h")?.seconds == 129_600)
    #expect(Literal.duration("1m")?.unit == .minute)
    #expect(Literal.duration("-7d")?.text == "-7d")
    #expect(Literal.duration("7") == nil)
    #expect(Literal.duration("7x") == nil)
  }

  @Test("dates and date-times in UTC with the zone applied")
  func dates() {
    #expect(Literal.dateTime("1970-01-01")?.epochSeconds == 0)
    #expect(Literal.dateTime("2000-02-29")?.epochSeconds == 951_782_400)
    #expect(Literal.dateTime("2026-03-18T00:00:00Z")?.epochSeconds == 1_773_792_000)
    #expect(Literal.dateTime("2026-11-01T08:00+02:00")?.epochSeconds == 1_793_512_800)
    #expect(Literal.dateTime("2026-11-01T08:00+02:00")?.zoneOffsetSeconds == 7_200)
    #expect(Literal.dateTime("2026-11-01T08:00-05:30")?.epochSeconds == 1_793_539_800)
    #expect(Literal.dateTime("1969-12-31T23:59:59Z")?.epochSeconds == -1)
    #expect(Literal.dateTime("2026-11-01")?.hasTime == false)
    #expect(Literal.dateTime("2026-02-29") == nil)
    #expect(Literal.dateTime("2026-11-01T24:00") == nil)
    #expect(Literal.dateTime("2026-11-1") == nil)
  }
}

@Suite("DidYouMean")
struct DidYouMeanTests {
  @Test("the nearest candidate within three edits")
  func nearest() {
    #expect(
      DidYouMean.best(for: "num_model_request", among: ["model", "num_model_requests"])
        == "num_model_requests")
    #expect(DidYouMean.best(for: "sun", among: StageVerb.names) == "sum")
    #expect(DidYouMean.best(for: "mdoel", among: ["model", "project_id"]) == "model")
    #expect(DidYouMean.best(for: "Model", among: ["model"]) == "model")
    #expect(DidYouMean.best(for: "xyzzy", among: ["model", "project_id"]) == nil)
    #expect(DidYouMean.best(for: "ab", among: ["xy"]) == nil)
  }

  @Test("a unique prefix of three or more characters")
  func prefix() {
    #expect(
      DidYouMean.best(for: "num_model", among: ["model", "num_model_requests"])
        == "num_model_requests")
    #expect(DidYouMean.best(for: "input", among: ["input_tokens", "input_cached_tokens"]) == nil)
    #expect(DidYouMean.best(for: "in", among: ["input_tokens"]) == nil)
  }

  @Test("a word with dashes that splits into columns suggests a subtraction")
  func subtraction() {
    let columns: Set = ["input_tokens", "input_cached_tokens", "a", "b-c"]
    #expect(
      DidYouMean.subtraction(for: "input_tokens-input_cached_tokens", columns: columns)
        == "did you mean `input_tokens - input_cached_tokens`?")
    #expect(DidYouMean.subtraction(for: "a-b-c", columns: columns) == "did you mean `a - b-c`?")
    #expect(DidYouMean.subtraction(for: "a-2", columns: columns) == "did you mean `a - 2`?")
    #expect(DidYouMean.subtraction(for: "gpt-4o", columns: columns) == nil)
    #expect(DidYouMean.subtraction(for: "model", columns: columns) == nil)
  }
}
