import Foundation
import USQFrame
import USQVocabulary

extension UsageClient {
  // MARK: - Admin lists

  /// Every object of a list endpoint as a frame: `projects` (archived included), `users`, or
  /// `api_keys` (the keys of every project, archived projects included, with `project_id`).
  ///
  /// - Throws: `UsageAPIError`; `.invalidQuery` for a bucketed endpoint.
  public func list(_ endpoint: Endpoint) async throws(UsageAPIError) -> Frame {
    guard endpoint.kind == .list else {
      throw .invalidQuery(
        endpoint: endpoint.name, message: "'\(endpoint.name)' is not a list endpoint")
    }
    return try await Self.boundary(endpoint: endpoint.name) {
      if endpoint.name == "api_keys" { return try await listAPIKeys(endpoint) }
      return try await listAll(endpoint, projectID: nil)
    }
  }

  /// The first request of a list, key redacted (for `explain`); `api_keys` needs a project.
  public func listRequest(_ endpoint: Endpoint, projectID: String? = nil) -> HTTPRequest {
    request(path: listPath(endpoint, projectID: projectID), query: listItems(endpoint, after: nil))
      .redacted
  }

  private func listPath(_ endpoint: Endpoint, projectID: String?) -> String {
    guard let projectID else { return endpoint.path }
    return endpoint.path.replacingOccurrences(
      of: "{project_id}", with: QueryEncoding.escape(projectID))
  }

  /// `limit=100` (the maximum), list-specific switches, then `after` when paging.
  func listItems(_ endpoint: Endpoint, after: String?) -> [QueryItem] {
    var items = [QueryItem("limit", String(endpoint.limit(for: nil)?.maximum ?? 100))]
    switch endpoint.name {
    case "projects": items.append(QueryItem("include_archived", "true"))
    case "api_keys": items.append(QueryItem("owner_project_access", "any"))
    default: break
    }
    if let after { items.append(QueryItem("after", after)) }
    return items
  }

  private func listAll(_ endpoint: Endpoint, projectID: String?) async throws -> Frame {
    let pages = try await fetchPages(
      endpoint, path: listPath(endpoint, projectID: projectID), projectID: projectID
    ) {
      listItems(endpoint, after: $0)
    }
    return try Frame.concatenate(pages.map(\.page.frame))
  }

  private func listAPIKeys(_ endpoint: Endpoint) async throws -> Frame {
    let projects = try await listAll(.named("projects"), projectID: nil)
    guard case .string(let ids)? = projects["id"] else { return Frame(empty: endpoint.schema) }
    let projectIDs = (0..<ids.count).compactMap { ids[$0] }
    let frames = try await forEachConcurrently(projectIDs.count) { index in
      do {
        return try await listAll(endpoint, projectID: projectIDs[index])
      } catch UsageAPIError.badRequest {
        return Frame(empty: endpoint.schema)  // an archived project may refuse to list its keys
      }
    } progress: { _, _ in
    }
    return frames.isEmpty ? Frame(empty: endpoint.schema) : try Frame.concatenate(frames)
  }
}
