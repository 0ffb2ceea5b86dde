import Foundation
import Testing
import USQFrame
import USQLanguage

@testable import USQEngine

/// Endpoint descriptions as the shell adapter would build them from the reference.
enum Fixtures {
  static let usageWidths = [
    BucketWidthLimit(width: .minute, defaultLimit: 60, maximumLimit: 1_440),
    BucketWidthLimit(width: .hour, defaultLimit: 24, maximumLimit: 168),
    BucketWidthLimit(width: .day, defaultLimit: 7, maximumLimit: 31),
  ]

  static func dimension(_ name: String, _ kind: ColumnKind = .string) -> FieldDescription {
    FieldDescription(
      name: name, kind: kind, isNullable: true, groupKey: name,
      meaning: "Filled only when group_by includes \(name); otherwise null.")
  }

  static let standardFilters = [
    FilterOption(option: "project", parameter: "project_ids", field: "project_id"),
    FilterOption(option: "user", parameter: "user_ids", field: "user_id"),
    FilterOption(option: "key", parameter: "api_key_ids", field: "api_key_id"),
    FilterOption(option: "model", parameter: "models", field: "model"),
  ]

  static let completions = EndpointDescription(
    name: "completions", kind: .usage,
    summary: "Tokens and requests of the chat and responses models.",
    fields: [
      FieldDescription(name: "input_tokens", kind: .int, meaning: "All prompt-side tokens."),
      FieldDescription(name: "input_cached_tokens", kind: .int, meaning: "Cached prompt tokens."),
      FieldDescription(name: "output_tokens", kind: .int, meaning: "Generated tokens."),
      FieldDescription(name: "num_model_requests", kind: .int, meaning: "Requests."),
      dimension("project_id"), dimension("user_id"), dimension("api_key_id"), dimension("model"),
      dimension("batch", .bool), dimension("service_tier"),
    ],
    groupKeys: ["project_id", "user_id", "api_key_id", "model", "batch", "service_tier"],
    filters: standardFilters + [
      FilterOption(option: "batch", parameter: "batch", field: "batch", isBoolean: true)
    ],
    bucketWidths: usageWidths)

  static let embeddings = EndpointDescription(
    name: "embeddings", kind: .usage, summary: "Embedding tokens and requests.",
    fields: [
      FieldDescription(name: "input_tokens", kind: .int, meaning: "Tokens embedded."),
      FieldDescription(name: "num_model_requests", kind: .int, meaning: "Requests."),
      dimension("project_id"), dimension("user_id"), dimension("api_key_id"), dimension("model"),
    ],
    groupKeys: ["project_id", "user_id", "api_key_id", "model"], filters: standardFilters,
    bucketWidths: usageWidths)

  static let images = EndpointDescription(
    name: "images", kind: .usage, summary: "Images generated and edited.",
    fields: [
      FieldDescription(name: "images", kind: .int, meaning: "Images."),
      FieldDescription(name: "num_model_requests", kind: .int, meaning: "Requests."),
      dimension("source"), dimension("size"), dimension("project_id"), dimension("user_id"),
      dimension("api_key_id"), dimension("model"),
    ],
    groupKeys: ["project_id", "user_id", "api_key_id", "model", "size", "source"],
    filters: [
      FilterOption(option: "source", parameter: "sources", field: "source"),
      FilterOption(option: "size", parameter: "sizes", field: "size"),
    ] + standardFilters,
    bucketWidths: usageWidths)

  static let costs = EndpointDescription(
    name: "costs", kind: .costs, summary: "What the organization spent, per day.",
    fields: [
      FieldDescription(name: "amount", kind: .double, meaning: "Cost in currency units."),
      FieldDescription(name: "currency", kind: .string, meaning: "ISO-4217 code."),
      dimension("line_item"), dimension("project_id"), dimension("api_key_id"),
      FieldDescription(
        name: "quantity", kind: .double, isNullable: true, groupKey: "line_item",
        meaning: "How much."),
      FieldDescription(
        name: "quantity_unit", kind: .string, isNullable: true, meaning: "Unit of quantity."),
    ],
    groupKeys: ["project_id", "line_item", "api_key_id"],
    filters: [
      FilterOption(option: "project", parameter: "project_ids", field: "project_id"),
      FilterOption(option: "key", parameter: "api_key_ids", field: "api_key_id"),
    ],
    bucketWidths: [BucketWidthLimit(width: .day, defaultLimit: 7, maximumLimit: 180)])

  static let projects = EndpointDescription(
    name: "projects", kind: .list, summary: "The organization's projects.",
    fields: [
      FieldDescription(name: "id", kind: .string, meaning: "Project ID."),
      FieldDescription(name: "name", kind: .string, isNullable: true, meaning: "Project name."),
    ])

  static let users = EndpointDescription(
    name: "users", kind: .list, summary: "The organization's users.",
    fields: [
      FieldDescription(name: "id", kind: .string, meaning: "User ID."),
      FieldDescription(name: "name", kind: .string, isNullable: true, meaning: "Name."),
      FieldDescription(name: "email", kind: .string, isNullable: true, meaning: "Email."),
    ])

  static let apiKeys = EndpointDescription(
    name: "api_keys", kind: .list, summary: "Every project's API keys.",
    fields: [
      FieldDescription(name: "id", kind: .string, meaning: "Key ID."),
      FieldDescription(name: "name", kind: .string, isNullable: true, meaning: "Key name."),
    ])

  static let endpoints = [completions, embeddings, images, costs, projects, users, apiKeys]

  /// 2026-11-30T12:34:56Z.
  static let now: Int64 = 1_796_042_096

  static func environment(
    frames: [String: Frame] = [:], last: Frame? = nil, prefixes: Bool = false
  ) -> Environment {
    Environment(
      endpoints: endpoints, frames: frames, lastResult: last, now: now, acceptsPrefixes: prefixes)
  }

  static func time(_ text: String) -> Int64 {
    guard let value = DateParser.parse(text) else {
      Issue.record("bad date \(text)")
      return 0
    }
    return value
  }
}
