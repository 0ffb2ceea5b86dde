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
    switch product {
    case .completions: completionsField(name)
    case .embeddings, .moderations:
      name == "input_tokens" ? self[1] : name == "num_model_requests" ? self[0] : nil
    case .images: name == "images" ? self[1] : name == "num_model_requests" ? self[0] : nil
    case .audioSpeeches:
      name == "characters" ? self[1] : name == "num_model_requests" ? self[0] : nil
    case .audioTranscriptions:
      name == "seconds" ? self[1] : name == "num_model_requests" ? self[0] : nil
    case .vectorStores: name == "usage_bytes" ? self[0] : nil
    case .codeInterpreterSessions: name == "num_sessions" ? self[0] : nil
    case .fileSearchCalls: name == "num_requests" ? self[0] : nil
    case .webSearchCalls:
      name == "num_model_requests" ? self[0] : name == "num_requests" ? self[1] : nil
    }
  }

  private func completionsField(_ name: String) -> Int64? {
    switch name {
    case "num_model_requests": self[0]
    case "input_tokens": self[1] + self[2] + self[3] + self[4] + self[5] + self[6] + self[7]
    case "input_cached_tokens": self[1] + self[2] + self[3]
    case "input_cache_write_tokens": self[4]
    case "input_uncached_tokens": self[5] + self[6] + self[7]
    case "output_tokens": self[8] + self[9] + self[10]
    case "input_cached_text_tokens": self[1]
    case "input_cached_audio_tokens": self[2]
    case "input_cached_image_tokens": self[3]
    case "input_text_tokens": self[5]
    case "input_audio_tokens": self[6]
    case "input_image_tokens": self[7]
    case "output_text_tokens": self[8]
    case "output_audio_tokens": self[9]
    case "output_image_tokens": self[10]
    default: nil
    }
  }
}
