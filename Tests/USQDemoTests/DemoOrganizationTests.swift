import Foundation
import Testing
import USQOpenAI

@testable import USQDemo

@Suite struct DemoOrganizationTests {
  @Test("the organization has named projects, users, service accounts and keys")
  func entities() {
    let organization = sharedOrganization
    #expect(organization.projects.count == 8)
    #expect(organization.projects.filter { $0.archivedAt != nil }.count == 1)
    #expect(organization.projects.contains { $0.name == "Präsentationen" })
    #expect(organization.projects.contains { $0.name == "東京 Support" })
    #expect(organization.users.count == 26)
    #expect(organization.serviceAccounts.count == 7)
    #expect(organization.apiKeys.count == 40)
    #expect(Set(organization.apiKeys.map(\.id)).count == 40)
    #expect(organization.projects.allSatisfy { $0.id.hasPrefix("proj_") && $0.id.count == 29 })
  }

  @Test("the same seed gives the same bytes; another seed gives other IDs and numbers")
  func determinism() {
    let query = [
      ("start_time", String(wednesday)), ("group_by", "project_id"), ("group_by", "model"),
    ]
    let request = HTTPRequest(
      baseURL: "", path: "/organization/usage/completions",
      query: query.map { QueryItem($0.0, $0.1) })
    let first = DemoOrganization(seed: 7).respond(to: request, now: fixedNow)
    let again = DemoOrganization(seed: 7).respond(to: request, now: fixedNow)
    let other = DemoOrganization(seed: 8).respond(to: request, now: fixedNow)
    #expect(first.body == again.body)
    #expect(first.body != other.body)
    #expect(DemoOrganization(seed: 7).projects[0].id != DemoOrganization(seed: 8).projects[0].id)
  }

  @Test("a bucket does not depend on the page or the range it was asked in")
  func bucketIndependentOfQuery() {
    let path = "/organization/usage/embeddings"
    let wide = allBuckets(path, [("start_time", String(wednesday - 20 * 86_400)), ("limit", "3")])
    let narrow = allBuckets(
      path, [("start_time", String(wednesday)), ("end_time", String(wednesday + 86_400))])
    let match = wide.first { int($0["start_time"]) == wednesday }
    #expect(totals(match.map { [$0] } ?? [], groupBy: []) == totals(narrow, groupBy: []))
  }

  @Test("completions token fields obey the identities of reference section 8.1")
  func tokenIdentities() {
    let query = [
      ("start_time", String(wednesday - 6 * 86_400)), ("group_by", "model"), ("group_by", "batch"),
      ("group_by", "service_tier"),
    ]
    let all = allBuckets("/organization/usage/completions", query)
    var checked = 0
    var audio: Int64 = 0
    for row in all.flatMap(rows) {
      let value = { (name: String) in int(row[name]) ?? -1 }
      #expect(
        value("input_tokens") == value("input_cached_tokens") + value("input_cache_write_tokens")
          + value("input_uncached_tokens"))
      #expect(
        value("input_uncached_tokens") == value("input_text_tokens") + value("input_audio_tokens")
          + value("input_image_tokens"))
      #expect(
        value("input_cached_tokens") == value("input_cached_text_tokens")
          + value("input_cached_audio_tokens") + value("input_cached_image_tokens"))
      #expect(
        value("output_tokens") == value("output_text_tokens") + value("output_audio_tokens")
          + value("output_image_tokens"))
      #expect(
        row["project_id"] is NSNull && row["user_id"] is NSNull && row["api_key_id"] is NSNull)
      audio += value("output_audio_tokens")
      checked += 1
    }
    #expect(checked > 50)
    #expect(audio > 0)
  }

  @Test("service-account traffic has user_id null and user traffic names the user")
  func serviceAccountsHaveNoUser() {
    let query = [
      ("start_time", String(wednesday)), ("end_time", String(wednesday + 86_400)),
      ("group_by", "user_id"), ("group_by", "api_key_id"),
    ]
    let all = allBuckets("/organization/usage/completions", query).flatMap(rows)
    let serviceKeys = Set(sharedOrganization.apiKeys.filter(\.isServiceAccount).map(\.id))
    #expect(all.contains { serviceKeys.contains($0["api_key_id"] as? String ?? "") })
    for row in all {
      let isService = serviceKeys.contains(row["api_key_id"] as? String ?? "")
      #expect((row["user_id"] is NSNull) == isService)
    }
  }

  @Test("weekends are quieter than weekdays and the organization grows")
  func rhythmAndGrowth() {
    let days = allBuckets(
      "/organization/usage/completions",
      [
        ("start_time", String(wednesday - 6 * 86_400)), ("end_time", String(wednesday + 86_400)),
        ("limit", "31"),
      ])
    let requests = days.map { rows($0).first.flatMap { int($0["num_model_requests"]) } ?? 0 }
    // 2025-11-13 (Thu) … 2025-11-19 (Wed): Saturday and Sunday are entries 2 and 3.
    #expect((requests[2] + requests[3]) * 10 < (requests[0] + requests[1]) * 8)
    let earlier = allBuckets(
      "/organization/usage/completions",
      [
        ("start_time", String(wednesday - 365 * 86_400)),
        ("end_time", String(wednesday - 358 * 86_400)),
      ])
    let before = earlier.compactMap { rows($0).first.flatMap { int($0["num_model_requests"]) } }
      .reduce(0, +)
    #expect(before * 2 < requests.reduce(0, +))
  }

  @Test("there are a few empty days, answered as buckets with no results")
  func emptyDays() throws {
    let organization = sharedOrganization
    let today = wednesday / 86_400
    let empty = (today - 365..<today).filter { organization.isEmptyDay($0) }
    #expect((1...12).contains(empty.count))
    let day = try #require(empty.first) * 86_400
    let page = get(
      "/organization/usage/embeddings",
      [("start_time", String(day - 86_400)), ("end_time", String(day + 2 * 86_400))]
    ).json
    #expect(buckets(page).map { rows($0).isEmpty } == [false, true, false])
  }

  @Test("there is no traffic before the organization was founded")
  func beforeFounding() {
    let page = get(
      "/organization/usage/completions",
      [
        ("start_time", String(DemoCalendar.founded - 3 * 86_400)),
        ("end_time", String(DemoCalendar.founded)),
      ]
    ).json
    #expect(buckets(page).count == 3)
    #expect(buckets(page).allSatisfy { rows($0).isEmpty })
  }
}
