import Foundation
import Testing
import USQOpenAI
import USQVocabulary

@testable import USQDemo

/// Sample responses of every endpoint, checked here and written to `$USQ_DEMO_DUMP` (a directory)
/// when set, for `Scripts/checks/validate_schema.py`.
@Suite struct DemoSampleDumpTests {
  struct Sample {
    let name: String
    let path: String
    let query: [(String, String)]
    let status: Int
  }

  static var samples: [Sample] {
    let start = String(wednesday - 6 * 86_400)
    var result: [Sample] = []
    for endpoint in EndpointCatalog.bucketed {
      result.append(
        Sample(
          name: "\(endpoint.name)-page", path: endpoint.path,
          query: [("start_time", start), ("limit", "3")], status: 200))
      let grouped = endpoint.groupKeys.map { ("group_by", $0) }
      result.append(
        Sample(
          name: "\(endpoint.name)-page-grouped", path: endpoint.path,
          query: [("start_time", start)] + grouped, status: 200))
      if endpoint.bucketWidths.contains(.hour) {
        result.append(
          Sample(
            name: "\(endpoint.name)-page-hourly", path: endpoint.path,
            query: [
              ("start_time", String(wednesday + 1_800)), ("bucket_width", "1h"),
              ("group_by", endpoint.groupKeys[0]),
            ], status: 200))
      }
    }
    let projectID = sharedOrganization.projects[1].id
    result += [
      Sample(
        name: "projects-list", path: "/organization/projects",
        query: [("include_archived", "true")], status: 200),
      Sample(name: "project", path: "/organization/projects/\(projectID)", query: [], status: 200),
      Sample(
        name: "users-list", path: "/organization/users", query: [("limit", "100")], status: 200),
      Sample(
        name: "user", path: "/organization/users/\(sharedOrganization.users[0].id)", query: [],
        status: 200),
      Sample(
        name: "project-api-keys-list", path: "/organization/projects/\(projectID)/api_keys",
        query: [], status: 200),
      Sample(
        name: "project-service-accounts-list",
        path: "/organization/projects/\(projectID)/service_accounts", query: [], status: 200),
      Sample(
        name: "project-users-list", path: "/organization/projects/\(projectID)/users", query: [],
        status: 200),
      Sample(
        name: "error-missing-start-time", path: "/organization/usage/completions", query: [],
        status: 400),
      Sample(
        name: "error-bad-group-by", path: "/organization/costs",
        query: [("start_time", start), ("group_by", "model")], status: 400),
    ]
    return result
  }

  @Test("every endpoint answers with a page of the API's shape")
  func samplesAnswer() throws {
    let directory = ProcessInfo.processInfo.environment["USQ_DEMO_DUMP"]
    for sample in Self.samples {
      let request = HTTPRequest(
        baseURL: "", path: sample.path, query: sample.query.map { QueryItem($0.0, $0.1) })
      let response = sharedOrganization.respond(to: request, now: fixedNow)
      #expect(response.status == sample.status, "\(sample.name)")
      let json = try #require(
        try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
      if sample.status == 200, sample.path.contains("/usage/") || sample.path.hasSuffix("/costs") {
        #expect(json["object"] as? String == "page")
        #expect(!buckets(json).isEmpty, "\(sample.name)")
        #expect(buckets(json).contains { !rows($0).isEmpty }, "\(sample.name)")
      }
      if let directory {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("\(sample.name).json")
        try response.body.write(to: url)
      }
    }
  }
}
