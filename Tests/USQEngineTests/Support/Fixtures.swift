import Foundation
import Testing
import USQBasics
import USQFrame
import USQLanguage
import USQShell
import USQVocabulary

@testable import USQEngine

/// Endpoint descriptions as the shell adapter would build them from the reference.
enum Fixtures {
  static let usageLimits = [
    PageLimit(width: .minute, defaultValue: 60, maximum: 1_440),
    PageLimit(width: .hour, defaultValue: 24, maximum: 168),
    PageLimit(width: .day, defaultValue: 7, maximum: 31),
  ]

  static func dimension(_ name: String, _ kind: ColumnKind = .string) -> ResultField {
    ResultField(
      name: name, kind: kind, isNullable: true, groupKey: name,
      meaning: "Filled only when group_by includes \(name); otherwise null.")
  }

  static let standardFilters = [
    EndpointFilter(optionName: "project", apiName: "project_ids", field: "project_id"),
    EndpointFilter(optionName: "user", apiName: "user_ids", field: "user_id"),
    EndpointFilter(optionName: "key", apiName: "api_key_ids", field: "api_key_id"),
    EndpointFilter(optionName: "model", apiName: "models", field: "model"),
  ]

  static let completions = Endpoint(
    name: "completions", kind: .usage,
    summary: "Tokens and requests of the chat and responses models.",
    fields: [
      ResultField(name: "input_tokens", kind: .int, meaning: "All prompt-side tokens."),
      ResultField(name: "input_cached_tokens", kind: .int, meaning: "Cached prompt tokens."),
      ResultField(name: "output_tokens", kind: .int, meaning: "Generated tokens."),
      ResultField(name: "num_model_requests", kind: .int, meaning: "Requests."),
      dimension("project_id"), dimension("user_id"), dimension("api_key_id"), dimension("model"),
      dimension("batch", .bool), dimension("service_tier"),
    ],
    groupKeys: ["project_id", "user_id", "api_key_id", "model", "batch", "service_tier"],
    filters: standardFilters + [
      EndpointFilter(optionName: "batch", apiName: "batch", field: "batch", isBoolean: true)
    ],
    limits: usageLimits)

  static let embeddings = Endpoint(
    name: "embeddings", kind: .usage, summary: "Embedding tokens and requests.",
    fields: [
      ResultField(name: "input_tokens", kind: .int, meaning: "Tokens embedded."),
      ResultField(name: "num_model_requests", kind: .int, meaning: "Requests."),
      dimension("project_id"), dimension("user_id"), dimension("api_key_id"), dimension("model"),
    ],
    groupKeys: ["project_id", "user_id", "api_key_id", "model"], filters: standardFilters,
    limits: usageLimits)

  static let images = Endpoint(
    name: "images", kind: .usage, summary: "Images generated and edited.",
    fields: [
      ResultField(name: "images", kind: .int, meaning: "Images."),
      ResultField(name: "num_model_requests", kind: .int, meaning: "Requests."),
      dimension("source"), dimension("size"), dimension("project_id"), dimension("user_id"),
      dimension("api_key_id"), dimension("model"),
    ],
    groupKeys: ["project_id", "user_id", "api_key_id", "model", "size", "source"],
    filters: [
      EndpointFilter(optionName: "source", apiName: "sources", field: "source"),
      EndpointFilter(optionName: "size", apiName: "sizes", field: "size"),
    ] + standardFilters,
    limits: usageLimits)

  static let costs = Endpoint(
    name: "costs", kind: .costs, summary: "What the organization spent, per day.",
    fields: [
      ResultField(name: "amount", kind: .double, meaning: "Cost in currency units."),
      ResultField(name: "currency", kind: .string, meaning: "ISO-4217 code."),
      dimension("line_item"), dimension("project_id"), dimension("api_key_id"),
      ResultField(
        name: "quantity", kind: .double, isNullable: true, groupKey: "line_item",
        meaning: "How much."),
      ResultField(
        name: "quantity_unit", kind: .string, isNullable: true, meaning: "Unit of quantity."),
    ],
    groupKeys: ["project_id", "line_item", "api_key_id"],
    filters: [
      EndpointFilter(optionName: "project", apiName: "project_ids", field: "project_id"),
      EndpointFilter(optionName: "key", apiName: "api_key_ids", field: "api_key_id"),
    ],
    limits: [PageLimit(width: .day, defaultValue: 7, maximum: 180)])

  static let projects = Endpoint(
    name: "projects", kind: .list, summary: "The organization's projects.",
    fields: [
      ResultField(name: "id", kind: .string, meaning: "Project ID."),
      ResultField(name: "name", kind: .string, isNullable: true, meaning: "Project name."),
    ])

  static let users = Endpoint(
    name: "users", kind: .list, summary: "The organization's users.",
    fields: [
      ResultField(name: "id", kind: .string, meaning: "User ID."),
      ResultField(name: "name", kind: .string, isNullable: true, meaning: "Name."),
      ResultField(name: "email", kind: .string, isNullable: true, meaning: "Email."),
    ])

  static let apiKeys = Endpoint(
    name: "api_keys", kind: .list, summary: "Every project's API keys.",
    fields: [
      ResultField(name: "id", kind: .string, meaning: "Key ID."),
      ResultField(name: "name", kind: .string, isNullable: true, meaning: "Key name."),
    ])

  static let endpoints = [completions, embeddings, images, costs, projects, users, apiKeys]

  /// 2026-11-30T12:34:56Z.
  static let now: Int64 = 1_796_042_096

  static func environment(
    frames: [String: Frame] = [:], last: Frame? = nil, prefixes: Bool = false
  ) -> Environment {
    // `read` goes through the shell's real file source, as in the program.
    Environment(
      endpoints: endpoints, frames: frames, lastResult: last, now: now, acceptsPrefixes: prefixes,
      files: LocalFiles())
  }

  static func time(_ text: String) -> Int64 {
    guard let value = ISODate.parse(text) else {
      Issue.record("bad date \(text)")
      return 0
    }
    return value
  }
}
