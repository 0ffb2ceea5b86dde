import USQEngine
import USQOpenAI

/// The engine's view of the API client's endpoint catalog.
enum EndpointDescriptions {
  /// Every endpoint `load` accepts, in the catalog's order.
  static let all: [EndpointDescription] = EndpointCatalog.all.map(describe)

  static func describe(_ endpoint: Endpoint) -> EndpointDescription {
    let fieldNames = Set(endpoint.fields.map(\.name))
    return EndpointDescription(
      name: endpoint.name,
      kind: EndpointDescription.Kind(rawValue: endpoint.kind.rawValue) ?? .usage,
      summary: summaries[endpoint.name] ?? endpoint.path,
      fields: endpoint.fields.map { field in
        FieldDescription(
          name: field.name, kind: field.kind, isNullable: field.isNullable,
          groupKey: field.groupKey,
          meaning: field.meaning)
      },
      groupKeys: endpoint.groupByKeys,
      filters: endpoint.filters.map { filter in
        // usq's friendly option names (`project=`, `vector_store=`); the API name works too.
        var option = FilterOption.forParameter(filter.apiName)
        if let field = option.field, !fieldNames.contains(field) { option.field = nil }
        return option
      },
      bucketWidths: endpoint.limits.compactMap { limit in
        guard let width = limit.width.flatMap({ APIBucketWidth(rawValue: $0.rawValue) }) else {
          return nil
        }
        return BucketWidthLimit(
          width: width, defaultLimit: limit.defaultValue, maximumLimit: limit.maximum)
      })
  }

  static let summaries: [String: String] = [
    "completions": "tokens and requests of text-generation models (chat, responses, batch)",
    "embeddings": "tokens and requests of embedding models",
    "moderations": "tokens and requests of moderation models",
    "images": "images generated, edited or varied, by size and source",
    "audio_speeches": "characters turned into speech (text-to-speech)",
    "audio_transcriptions": "seconds of audio transcribed (speech-to-text)",
    "vector_stores": "bytes stored in vector stores (a level, not a flow)",
    "code_interpreter_sessions": "code interpreter sessions",
    "file_search_calls": "file search tool calls, by vector store",
    "web_search_calls": "web search tool calls and the model requests that made them",
    "costs": "money spent per day, by project, line item or API key",
    "projects": "the organization's projects (archived included), for names",
    "users": "the organization's users, for names",
    "api_keys": "every project's API keys, for names",
  ]
}
