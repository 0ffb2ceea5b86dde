import USQVocabulary

/// The ten usage endpoints, as the generator knows them.
enum DemoProduct: Int, Sendable, CaseIterable {
  case completions, embeddings, moderations, images, audioSpeeches, audioTranscriptions
  case vectorStores, codeInterpreterSessions, fileSearchCalls, webSearchCalls

  /// The endpoint name in `EndpointCatalog`.
  var endpointName: String {
    switch self {
    case .completions: "completions"
    case .embeddings: "embeddings"
    case .moderations: "moderations"
    case .images: "images"
    case .audioSpeeches: "audio_speeches"
    case .audioTranscriptions: "audio_transcriptions"
    case .vectorStores: "vector_stores"
    case .codeInterpreterSessions: "code_interpreter_sessions"
    case .fileSearchCalls: "file_search_calls"
    case .webSearchCalls: "web_search_calls"
    }
  }

  init?(endpointName: String) {
    guard let found = Self.allCases.first(where: { $0.endpointName == endpointName }) else {
      return nil
    }
    self = found
  }
}

/// A model of the demo line-up with its release window, prices and traffic profile.
///
/// Prices are in picodollars (10⁻¹² USD) per unit so that every cost is an exact integer:
/// per token for token models, per character (speech), per second (transcription).
struct DemoModel: Sendable {
  /// The dated snapshot name that usage rows carry, e.g. `gpt-4o-mini-2024-07-18`.
  let name: String
  /// The alias a user types, e.g. `gpt-4o-mini`; the `models` filter accepts both.
  let alias: String
  let product: DemoProduct
  /// First and last day of traffic (seconds since the epoch, UTC; `until` exclusive).
  let since: Int64
  let until: Int64
  /// Picodollars per uncached input token (or per character / second / image).
  let inputPrice: Int64
  /// Picodollars per cached input token.
  let cachedPrice: Int64
  /// Picodollars per output token.
  let outputPrice: Int64
  /// Picodollars per audio input / output token (realtime and audio models).
  let audioInputPrice: Int64
  let audioOutputPrice: Int64
  /// Average input and output units per request.
  let averageInput: Double
  let averageOutput: Double
  /// Share of input that is audio / image (completions).
  let audioShare: Double
  let imageShare: Double

  static let never: Int64 = 4_102_444_800  // 2100-01-01

  /// Dollars per million tokens → picodollars per token (exact for up to 6 decimals).
  static func perMillion(_ dollars: Double) -> Int64 { Int64((dollars * 1_000_000).rounded()) }

  static func chat(
    _ name: String, _ alias: String, since: Int64, until: Int64 = never, input: Double,
    cached: Double, output: Double, averageInput: Double, averageOutput: Double,
    audio: (input: Double, output: Double, share: Double)? = nil, imageShare: Double = 0
  ) -> DemoModel {
    DemoModel(
      name: name, alias: alias, product: .completions, since: since, until: until,
      inputPrice: perMillion(input), cachedPrice: perMillion(cached),
      outputPrice: perMillion(output),
      audioInputPrice: perMillion(audio?.input ?? 0),
      audioOutputPrice: perMillion(audio?.output ?? 0),
      averageInput: averageInput, averageOutput: averageOutput, audioShare: audio?.share ?? 0,
      imageShare: imageShare)
  }

  static func unit(
    _ name: String, _ alias: String, _ product: DemoProduct, since: Int64, until: Int64 = never,
    price: Int64, averageInput: Double
  ) -> DemoModel {
    DemoModel(
      name: name, alias: alias, product: product, since: since, until: until, inputPrice: price,
      cachedPrice: 0, outputPrice: 0, audioInputPrice: 0, audioOutputPrice: 0,
      averageInput: averageInput, averageOutput: 0, audioShare: 0, imageShare: 0)
  }
}

// MARK: - The line-up

extension DemoModel {
  /// Every model of the demo organization, across all endpoints.
  static let lineUp: [DemoModel] = {
    let d = DemoCalendar.date
    return [
      chat(
        "gpt-3.5-turbo-0125", "gpt-3.5-turbo", since: DemoCalendar.founded, until: d(2024, 11, 1),
        input: 0.5, cached: 0.5, output: 1.5, averageInput: 900, averageOutput: 220),
      chat(
        "gpt-4-turbo-2024-04-09", "gpt-4-turbo", since: DemoCalendar.founded, until: d(2024, 10, 1),
        input: 10, cached: 10, output: 30, averageInput: 1600, averageOutput: 380),
      chat(
        "gpt-4o-2024-08-06", "gpt-4o", since: d(2024, 8, 6), input: 2.5, cached: 1.25,
        output: 10, averageInput: 2100, averageOutput: 420, imageShare: 0.06),
      chat(
        "gpt-4o-mini-2024-07-18", "gpt-4o-mini", since: d(2024, 7, 18), input: 0.15,
        cached: 0.075, output: 0.6, averageInput: 1400, averageOutput: 260, imageShare: 0.03),
      chat(
        "gpt-4.1-2025-04-14", "gpt-4.1", since: d(2025, 4, 14), input: 2, cached: 0.5,
        output: 8, averageInput: 3200, averageOutput: 510, imageShare: 0.04),
      chat(
        "gpt-4.1-mini-2025-04-14", "gpt-4.1-mini", since: d(2025, 4, 14), input: 0.4,
        cached: 0.1, output: 1.6, averageInput: 2400, averageOutput: 300),
      chat(
        "gpt-4.1-nano-2025-04-14", "gpt-4.1-nano", since: d(2025, 4, 14), input: 0.1,
        cached: 0.025, output: 0.4, averageInput: 800, averageOutput: 90),
      chat(
        "o3-2025-04-16", "o3", since: d(2025, 4, 16), input: 2, cached: 0.5, output: 8,
        averageInput: 4200, averageOutput: 2600),
      chat(
        "o4-mini-2025-04-16", "o4-mini", since: d(2025, 4, 16), input: 1.1, cached: 0.275,
        output: 4.4, averageInput: 2600, averageOutput: 1900),
      chat(
        "gpt-5-2025-08-07", "gpt-5", since: d(2025, 8, 7), input: 1.25, cached: 0.125,
        output: 10, averageInput: 3800, averageOutput: 1400, imageShare: 0.05),
      chat(
        "gpt-5-mini-2025-08-07", "gpt-5-mini", since: d(2025, 8, 7), input: 0.25,
        cached: 0.025, output: 2, averageInput: 2600, averageOutput: 700),
      chat(
        "gpt-5-nano-2025-08-07", "gpt-5-nano", since: d(2025, 8, 7), input: 0.05,
        cached: 0.005, output: 0.4, averageInput: 900, averageOutput: 240),
      chat(
        "gpt-4o-realtime-preview-2024-12-17", "gpt-4o-realtime-preview", since: d(2024, 12, 17),
        until: d(2025, 9, 15), input: 5, cached: 2.5, output: 20, averageInput: 5200,
        averageOutput: 2100, audio: (40, 80, 0.7)),
      chat(
        "gpt-realtime-2025-08-28", "gpt-realtime", since: d(2025, 8, 28), input: 4,
        cached: 0.4, output: 16, averageInput: 5600, averageOutput: 2300, audio: (32, 64, 0.72)),
      unit(
        "text-embedding-ada-002", "text-embedding-ada-002", .embeddings,
        since: DemoCalendar.founded, until: d(2025, 2, 1), price: perMillion(0.1), averageInput: 700
      ),
      unit(
        "text-embedding-3-small", "text-embedding-3-small", .embeddings,
        since: DemoCalendar.founded, price: perMillion(0.02), averageInput: 820),
      unit(
        "text-embedding-3-large", "text-embedding-3-large", .embeddings,
        since: DemoCalendar.founded, price: perMillion(0.13), averageInput: 1100),
      unit(
        "text-moderation-007", "text-moderation-latest", .moderations,
        since: DemoCalendar.founded, until: d(2024, 11, 1), price: 0, averageInput: 300),
      unit(
        "omni-moderation-2024-09-26", "omni-moderation-latest", .moderations,
        since: d(2024, 9, 26), price: 0, averageInput: 340),
      unit(
        "dall-e-2", "dall-e-2", .images, since: DemoCalendar.founded, price: 0,
        averageInput: 1.6),
      unit(
        "dall-e-3", "dall-e-3", .images, since: DemoCalendar.founded, price: 0, averageInput: 1.1),
      unit(
        "gpt-image-1", "gpt-image-1", .images, since: d(2025, 4, 23), price: 0,
        averageInput: 1.4),
      unit(
        "tts-1", "tts-1", .audioSpeeches, since: DemoCalendar.founded,
        price: perMillion(15), averageInput: 620),
      unit(
        "tts-1-hd", "tts-1-hd", .audioSpeeches, since: DemoCalendar.founded,
        price: perMillion(30), averageInput: 900),
      unit(
        "gpt-4o-mini-tts-2025-03-20", "gpt-4o-mini-tts", .audioSpeeches, since: d(2025, 3, 20),
        price: perMillion(12), averageInput: 540),
      unit(
        "whisper-1", "whisper-1", .audioTranscriptions, since: DemoCalendar.founded,
        price: 100_000_000, averageInput: 95),
      unit(
        "gpt-4o-transcribe", "gpt-4o-transcribe", .audioTranscriptions, since: d(2025, 3, 20),
        price: 100_000_000, averageInput: 120),
      unit(
        "gpt-4o-mini-transcribe", "gpt-4o-mini-transcribe", .audioTranscriptions,
        since: d(2025, 3, 20), price: 50_000_000, averageInput: 80),
    ]
  }()
}

/// Picodollar prices of the other billable units.
enum DemoPrice {
  /// Per image, by model and size.
  static func image(model: String, size: String) -> Int64 {
    let dollars: Double =
      switch (model, size) {
      case ("dall-e-2", "256x256"): 0.016
      case ("dall-e-2", "512x512"): 0.018
      case ("dall-e-2", _): 0.02
      case ("dall-e-3", "1024x1024"): 0.04
      case ("dall-e-3", _): 0.08
      case ("gpt-image-1", "1024x1024"): 0.042
      default: 0.063
      }
    return Int64((dollars * 1_000_000_000_000).rounded())
  }

  /// One Code Interpreter session: $0.03.
  static let codeInterpreterSession: Int64 = 30_000_000_000
  /// One file search tool call: $2.50 per 1000.
  static let fileSearchCall: Int64 = 2_500_000_000
  /// One web search tool call: $10 per 1000.
  static let webSearchCall: Int64 = 10_000_000_000
  /// Vector storage: $0.10 per GiB and day.
  static let vectorStorageGiBDay: Double = 100_000_000_000
  /// Batch and flex cost half; priority costs double (percent of the standard price).
  static func tierPercent(batch: Bool, tier: String) -> Int64 {
    if batch { return 50 }
    switch tier {
    case "flex": return 50
    case "priority": return 200
    default: return 100
    }
  }
}
