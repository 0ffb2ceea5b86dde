/// The additive quantities of one stream over some time, in a fixed layout per endpoint.
///
/// Slot 0 is always the count that the minute split follows (requests, sessions; for vector
/// stores the level in bytes). Completions use all eleven slots:
/// requests, cached text/audio/image, cache writes, uncached text/audio/image,
/// output text/audio/image. Two-slot endpoints keep their second quantity in slot 1.
struct DemoMetrics: Sendable, Equatable {
  static let width = 11
  var values: InlineArray<11, Int64>

  init() { values = InlineArray(repeating: 0) }

  subscript(_ index: Int) -> Int64 {
    get { values[index] }
    set { values[index] = newValue }
  }

  var isZero: Bool {
    for index in 0..<Self.width where values[index] != 0 { return false }
    return true
  }

  static func == (lhs: DemoMetrics, rhs: DemoMetrics) -> Bool {
    for index in 0..<width where lhs.values[index] != rhs.values[index] { return false }
    return true
  }

  static func += (lhs: inout DemoMetrics, rhs: DemoMetrics) {
    for index in 0..<width { lhs.values[index] += rhs.values[index] }
  }
}

extension DemoMetrics {
  /// The value of result field `name` of `product`, or nil if the field is not a quantity.
  func field(_ name: String, product: DemoProduct) -> Int64? {
    Self.slots(name, product: product).map(sum)
  }

  /// The sum of `slots`.
  func sum(_ slots: [Int]) -> Int64 {
    var total: Int64 = 0
    for slot in slots { total += self[slot] }
    return total
  }

  /// The slots whose sum is result field `name` of `product`, or nil for other fields.
  static func slots(_ name: String, product: DemoProduct) -> [Int]? {
    switch product {
    case .completions: completionsSlots[name]
    case .embeddings, .moderations: ["num_model_requests": [0], "input_tokens": [1]][name]
    case .images: ["num_model_requests": [0], "images": [1]][name]
    case .audioSpeeches: ["num_model_requests": [0], "characters": [1]][name]
    case .audioTranscriptions: ["num_model_requests": [0], "seconds": [1]][name]
    case .vectorStores: name == "usage_bytes" ? [0] : nil
    case .codeInterpreterSessions: name == "num_sessions" ? [0] : nil
    case .fileSearchCalls: name == "num_requests" ? [0] : nil
    case .webSearchCalls: ["num_model_requests": [0], "num_requests": [1]][name]
    }
  }

  private static let completionsSlots: [String: [Int]] = [
    "num_model_requests": [0],
    "input_tokens": [1, 2, 3, 4, 5, 6, 7],
    "input_cached_tokens": [1, 2, 3],
    "input_cache_write_tokens": [4],
    "input_uncached_tokens": [5, 6, 7],
    "output_tokens": [8, 9, 10],
    "input_cached_text_tokens": [1],
    "input_cached_audio_tokens": [2],
    "input_cached_image_tokens": [3],
    "input_text_tokens": [5],
    "input_audio_tokens": [6],
    "input_image_tokens": [7],
    "output_text_tokens": [8],
    "output_audio_tokens": [9],
    "output_image_tokens": [10],
  ]
}
