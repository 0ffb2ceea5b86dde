/// What a token line item bills, and which usage fields count it (LANGUAGE.md contract v2,
/// the KIND → quantity table).
public enum LineItemKind: String, Sendable, Hashable, CaseIterable {
  case input = "input"
  case cachedInput = "cached input"
  case audioInput = "audio input"
  case output = "output"
  case audioOutput = "audio output"

  /// The usage fields whose sum is this kind's quantity on a row of `endpoint`; empty when the
  /// endpoint never bills it (embeddings bill only `input`).
  ///
  /// Completions' `input_tokens` also holds the cached and audio tokens, which have line items
  /// of their own, so `input` counts only text, image and cache-write tokens.
  public func quantityFields(endpoint: String) -> [String] {
    if endpoint == "embeddings" { return self == .input ? ["input_tokens"] : [] }
    switch self {
    case .input: return ["input_text_tokens", "input_image_tokens", "input_cache_write_tokens"]
    case .cachedInput: return ["input_cached_tokens"]
    case .audioInput: return ["input_audio_tokens"]
    case .output: return ["output_text_tokens", "output_image_tokens"]
    case .audioOutput: return ["output_audio_tokens"]
    }
  }

  /// The usage endpoints whose rows token line items count.
  public static let endpoints = ["completions", "embeddings"]

  /// `input_text_tokens + input_image_tokens + …` as `explain` and `help` print it.
  public func formula(endpoint: String) -> String {
    quantityFields(endpoint: endpoint).joined(separator: " + ")
  }
}
