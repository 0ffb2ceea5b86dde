import USQFrame

@testable import USQEngine

/// Small costs and usage frames for `load spend` and `price`, and a generated organization.
enum SpendFixtures {
  static let costsColumns: [(String, ColumnKind)] = [
    ("start_time", .time), ("end_time", .time), ("amount", .double), ("currency", .string),
    ("line_item", .string), ("project_id", .string), ("quantity", .double),
  ]

  static let usageColumns: [(String, ColumnKind)] = [
    ("start_time", .time), ("end_time", .time), ("input_tokens", .int),
    ("input_cached_tokens", .int), ("input_cache_write_tokens", .int), ("output_tokens", .int),
    ("input_text_tokens", .int), ("output_text_tokens", .int), ("input_audio_tokens", .int),
    ("output_audio_tokens", .int), ("input_image_tokens", .int), ("output_image_tokens", .int),
    ("project_id", .string), ("user_id", .string), ("api_key_id", .string), ("model", .string),
    ("batch", .bool), ("service_tier", .string),
  ]

  static let embeddingsColumns: [(String, ColumnKind)] = [
    ("start_time", .time), ("end_time", .time), ("input_tokens", .int), ("project_id", .string),
    ("user_id", .string), ("api_key_id", .string), ("model", .string),
  ]

  static let day0: Int64 = 1_795_651_200  // 2026-11-24

  static func costsRow(
    day: Int64 = 0, _ item: String?, amount: Double?, quantity: Double? = nil,
    project: String? = "p1", currency: String = "usd"
  ) -> [Value] {
    let start = day0 + day * 86_400
    return [
      .time(start), .time(start + 86_400), amount.map(Value.double) ?? .null, .string(currency),
      item.map(Value.string) ?? .null, project.map(Value.string) ?? .null,
      quantity.map(Value.double) ?? .null,
    ]
  }

  /// A completions row: (text input, cached, output) tokens; the other quantities 0.
  static func usageRow(
    day: Int64 = 0, hour: Int64? = nil, project: String? = "p1", user: String?, key: String? = "k1",
    model: String?, batch: Bool? = false, tier: String? = "default", input: Int64 = 0,
    cached: Int64 = 0, output: Int64 = 0, audioIn: Int64 = 0
  ) -> [Value] {
    let start = day0 + day * 86_400 + (hour ?? 0) * 3_600
    let end = start + (hour == nil ? 86_400 : 3_600)
    return [
      .time(start), .time(end), .int(input + cached + audioIn), .int(cached), .int(0),
      .int(output), .int(input), .int(output), .int(audioIn), .int(0), .int(0), .int(0),
      project.map(Value.string) ?? .null, user.map(Value.string) ?? .null,
      key.map(Value.string) ?? .null, model.map(Value.string) ?? .null,
      batch.map(Value.bool) ?? .null, tier.map(Value.string) ?? .null,
    ]
  }

  static func costs(_ rows: [[Value]]) -> Frame { Frames.make(costsColumns, rows) }
  static func usage(_ rows: [[Value]]) -> Frame { Frames.make(usageColumns, rows) }
}
