/// Expands the organization's entities into traffic streams.
struct DemoStreamBuilder {
  let seed: UInt64
  let projects: [DemoProject]
  let users: [DemoUser]
  let accounts: [DemoServiceAccount]
  let keys: [DemoAPIKey]
  let stores: [DemoVectorStore]
  var streams: [DemoStream] = []
  var mixes: [[DemoMixMember]] = []

  init(
    seed: UInt64, projects: [DemoProject], users: [DemoUser], accounts: [DemoServiceAccount],
    keys: [DemoAPIKey], stores: [DemoVectorStore]
  ) {
    self.seed = seed
    self.projects = projects
    self.users = users
    self.accounts = accounts
    self.keys = keys
    self.stores = stores
  }

  /// What a project uses: per endpoint, the model aliases and requests per peak hour.
  struct ProductPlan {
    let product: DemoProduct
    let models: [String]
    let rate: Double
  }

  static let plans: [[ProductPlan]] = [
    [
      ProductPlan(
        product: .completions, models: ["gpt-4o-mini", "gpt-4.1-mini", "gpt-5-mini"], rate: 90),
      ProductPlan(product: .embeddings, models: ["text-embedding-3-small"], rate: 30),
    ],
    [
      ProductPlan(
        product: .completions,
        models: [
          "gpt-3.5-turbo", "gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-5-mini", "gpt-5",
          "gpt-4o-realtime-preview", "gpt-realtime",
        ], rate: 1400),
      ProductPlan(
        product: .moderations, models: ["text-moderation-latest", "omni-moderation-latest"],
        rate: 900),
      ProductPlan(product: .fileSearchCalls, models: [], rate: 500),
      ProductPlan(product: .webSearchCalls, models: ["gpt-4o", "gpt-4.1", "gpt-5"], rate: 60),
      ProductPlan(product: .embeddings, models: ["text-embedding-3-small"], rate: 200),
      ProductPlan(product: .audioSpeeches, models: ["tts-1", "gpt-4o-mini-tts"], rate: 40),
    ],
    [
      ProductPlan(
        product: .completions, models: ["gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-5-mini"],
        rate: 450),
      ProductPlan(
        product: .embeddings,
        models: ["text-embedding-ada-002", "text-embedding-3-small", "text-embedding-3-large"],
        rate: 1500),
      ProductPlan(product: .fileSearchCalls, models: [], rate: 700),
    ],
    [
      ProductPlan(product: .completions, models: ["gpt-4o", "gpt-4.1", "gpt-5"], rate: 120),
      ProductPlan(product: .images, models: ["dall-e-3", "gpt-image-1", "dall-e-2"], rate: 25),
      ProductPlan(product: .audioSpeeches, models: ["tts-1-hd", "gpt-4o-mini-tts"], rate: 15),
    ],
    [
      ProductPlan(
        product: .completions,
        models: ["gpt-4o-mini", "gpt-4.1-mini", "gpt-5-mini", "gpt-realtime"], rate: 350),
      ProductPlan(
        product: .audioTranscriptions,
        models: ["whisper-1", "gpt-4o-transcribe", "gpt-4o-mini-transcribe"], rate: 80),
      ProductPlan(product: .audioSpeeches, models: ["tts-1", "gpt-4o-mini-tts"], rate: 60),
      ProductPlan(product: .moderations, models: ["omni-moderation-latest"], rate: 200),
      ProductPlan(product: .fileSearchCalls, models: [], rate: 90),
    ],
    [
      ProductPlan(
        product: .completions,
        models: ["gpt-3.5-turbo", "gpt-4o-mini", "gpt-4.1-nano", "gpt-5-nano", "gpt-4.1-mini"],
        rate: 600),
      ProductPlan(
        product: .embeddings, models: ["text-embedding-3-small", "text-embedding-3-large"],
        rate: 400),
      ProductPlan(product: .codeInterpreterSessions, models: [], rate: 12),
    ],
    [
      ProductPlan(product: .completions, models: ["o3", "o4-mini", "gpt-5", "gpt-4.1"], rate: 40),
      ProductPlan(product: .webSearchCalls, models: ["o4-mini", "gpt-5"], rate: 30),
      ProductPlan(product: .codeInterpreterSessions, models: [], rate: 8),
      ProductPlan(product: .images, models: ["dall-e-2", "gpt-image-1"], rate: 4),
      ProductPlan(product: .fileSearchCalls, models: [], rate: 15),
    ],
    [
      ProductPlan(
        product: .completions, models: ["gpt-3.5-turbo", "gpt-4-turbo", "gpt-4o-mini"], rate: 220),
      ProductPlan(product: .images, models: ["dall-e-2"], rate: 6),
      ProductPlan(product: .audioTranscriptions, models: ["whisper-1"], rate: 20),
      ProductPlan(product: .embeddings, models: ["text-embedding-ada-002"], rate: 80),
      ProductPlan(product: .fileSearchCalls, models: [], rate: 20),
    ],
  ]

  /// Projects whose service accounts run pipelines rather than serve customers.
  static let batchProjects: Set<Int> = [2, 5]

  /// Realtime (speech-to-speech) traffic is a small, expensive share of a key's requests.
  static func mixScale(_ alias: String) -> Double {
    alias.contains("realtime") ? 0.02 : 1
  }

  /// Local time offsets (hours) of each project's users.
  static let timeZoneOffsets: [Int64] = [0, -5, 1, 1, 9, 0, -8, -5]

  /// Image (model → [(size, source, share)]).
  static func imageVariants(_ model: String) -> [(size: String, source: String, share: Double)] {
    switch model {
    case "dall-e-2":
      [
        ("256x256", "image.generation", 0.15), ("512x512", "image.generation", 0.25),
        ("1024x1024", "image.generation", 0.3), ("512x512", "image.edit", 0.15),
        ("1024x1024", "image.variation", 0.15),
      ]
    case "dall-e-3":
      [
        ("1024x1024", "image.generation", 0.6), ("1792x1024", "image.generation", 0.25),
        ("1024x1792", "image.generation", 0.15),
      ]
    default:
      [
        ("1024x1024", "image.generation", 0.45), ("1536x1024", "image.generation", 0.25),
        ("1024x1536", "image.generation", 0.1), ("1024x1024", "image.edit", 0.2),
      ]
    }
  }

  /// (batch, service tier, share) of a key's completions traffic.
  func tierVariants(for key: DemoAPIKey) -> [(batch: Bool, tier: String, share: Double)] {
    guard key.isServiceAccount else { return [(false, "default", 1)] }
    switch key.project {
    case 5: return [(true, "default", 0.55), (false, "flex", 0.25), (false, "default", 0.2)]
    case 2: return [(true, "default", 0.3), (false, "default", 0.7)]
    case 1: return [(false, "default", 0.85), (false, "priority", 0.15)]
    default: return [(false, "default", 1)]
    }
  }
}
