import Foundation
import Testing
import USQFrame
import USQOpenAI
import USQVocabulary

@Suite struct EndpointCatalogTests {
  @Test("costs amount and currency say where the JSON holds them, in words for users")
  func moneyNotes() throws {
    let costs = Endpoint.named("costs")
    let amount = try #require(costs.fields.first { $0.name == "amount" })
    #expect(amount.meaning.contains("amount.value"))
    let currency = try #require(costs.fields.first { $0.name == "currency" })
    #expect(currency.meaning.contains("amount.currency"))
    for endpoint in EndpointCatalog.all {
      for field in endpoint.fields {
        #expect(!field.meaning.contains("decode both"), "\(endpoint.name).\(field.name)")
      }
    }
  }

  @Test("the catalog lists ten usage endpoints, costs, then the three lists")
  func names() {
    #expect(
      EndpointCatalog.names == [
        "completions", "embeddings", "moderations", "images", "audio_speeches",
        "audio_transcriptions",
        "vector_stores", "code_interpreter_sessions", "file_search_calls", "web_search_calls",
        "costs",
        "projects", "users", "api_keys",
      ])
  }

  @Test(
    "every usage endpoint matches the reference JSON: path, object, widths, keys, filters, fields in order"
  )
  func matchesReference() throws {
    let reference = try Fixtures.reference()
    let endpoints = try #require(reference["endpoints"] as? [[String: Any]])
    #expect(endpoints.count == 11)
    for json in endpoints {
      let endpoint = try #require(EndpointCatalog.endpoint(named: json["name"] as? String ?? ""))
      #expect(endpoint.path == json["path"] as? String)
      #expect(endpoint.resultObject == json["result_object"] as? String)
      #expect(endpoint.bucketWidths.map(\.rawValue) == json["bucket_widths"] as? [String])
      #expect(endpoint.groupKeys == json["group_by_keys"] as? [String])
      #expect(endpoint.filters.map(\.apiName) == json["filter_params"] as? [String])
      let fields = (json["result_fields"] as? [[String: Any]] ?? []).compactMap {
        $0["name"] as? String
      }
      .filter { $0 != "object" && $0 != "amount" }
      .map { $0 == "amount.value" ? "amount" : $0 == "amount.currency" ? "currency" : $0 }
      #expect(endpoint.fields.map(\.name) == fields, "\(endpoint.name)")
    }
  }

  @Test(
    "costs columns are amount, currency, line_item, project_id, api_key_id, quantity, quantity_unit"
  )
  func costs() throws {
    let costs = Endpoint.costs
    #expect(
      costs.fields.map(\.name) == [
        "amount", "currency", "line_item", "project_id", "api_key_id", "quantity", "quantity_unit",
      ])
    #expect(
      costs.fields.map(\.kind) == [.double, .string, .string, .string, .string, .double, .string])
    #expect(costs.field(named: "amount")?.jsonPath == ["amount", "value"])
    #expect(costs.field(named: "quantity")?.groupKey == "line_item")
    #expect(costs.limits == [PageLimit(width: .day, defaultValue: 7, maximum: 180)])
    #expect(costs.bucketWidths == [.day])
  }

  @Test(
    "filters carry usq option names: project, user, key, model, batch, source, size, others singular"
  )
  func optionNames() {
    #expect(
      Endpoint.completions.filters.map(\.optionName) == [
        "project", "user", "key", "model", "batch",
      ])
    #expect(
      Endpoint.named("images").filters.map(\.optionName) == [
        "source", "size", "project", "user", "key", "model",
      ])
    #expect(
      Endpoint.named("file_search_calls").filters.map(\.optionName) == [
        "project", "user", "key", "vector_store",
      ])
    #expect(
      Endpoint.named("web_search_calls").filter(named: "context_levels")?.allowedValues == [
        "low", "medium", "high",
      ])
    #expect(Endpoint.completions.filter(named: "batch")?.isBoolean == true)
    #expect(Endpoint.completions.filter(named: "key")?.apiName == "api_key_ids")
  }

  @Test("limits per bucket width: 7/31 for 1d, 24/168 for 1h, 60/1440 for 1m; lists 20/100")
  func limits() {
    let completions = Endpoint.completions
    #expect(completions.limit(for: .day) == PageLimit(width: .day, defaultValue: 7, maximum: 31))
    #expect(
      completions.limit(for: .hour) == PageLimit(width: .hour, defaultValue: 24, maximum: 168))
    #expect(
      completions.limit(for: .minute) == PageLimit(width: .minute, defaultValue: 60, maximum: 1440))
    #expect(
      Endpoint.named("users").limit(for: nil)
        == PageLimit(width: nil, defaultValue: 20, maximum: 100))
  }

  @Test("completions fields: kinds, required, nullability and the group key that fills them")
  func completionsFields() throws {
    let completions = Endpoint.completions
    let batch = try #require(completions.field(named: "batch"))
    #expect(
      batch.kind == .bool && batch.isNullable && !batch.isRequired && batch.groupKey == "batch")
    let input = try #require(completions.field(named: "input_tokens"))
    #expect(input.kind == .int && !input.isNullable && input.isRequired && input.groupKey == nil)
    #expect(input.meaning.hasPrefix("All prompt-side tokens"))
    #expect(completions.schema.names.prefix(3) == ["start_time", "end_time", "input_tokens"])
    #expect(completions.schema.fields[0].kind == .time)
  }

  @Test(
    "lists: projects, users and api_keys columns, times as .time, api_keys with owner and project_id"
  )
  func lists() {
    #expect(
      Endpoint.named("projects").fields.map(\.name) == [
        "id", "name", "created_at", "archived_at", "status", "external_key_id", "residency",
      ])
    #expect(Endpoint.named("projects").field(named: "created_at")?.kind == .time)
    #expect(
      Endpoint.named("users").fields.prefix(5).map(\.name) == [
        "id", "name", "email", "role", "added_at",
      ])
    #expect(
      Endpoint.named("api_keys").fields.map(\.name) == [
        "id", "redacted_value", "name", "created_at", "last_used_at", "owner_project_access",
        "owner_type",
        "owner_id", "owner_name", "project_id",
      ])
    #expect(Endpoint.named("api_keys").path == "/organization/projects/{project_id}/api_keys")
  }
}
