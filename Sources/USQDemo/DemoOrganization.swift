/// A deterministic, realistic OpenAI organization that answers Usage, Costs and admin API
/// requests with API-shaped JSON pages.
///
/// Every number is a pure function of (seed, time, group): usage is defined per hour and stream
/// (one API key × model × batch × service tier × …), split into minutes deterministically, so a 1d
/// bucket is exactly the sum of its 24 1h and 1440 1m buckets for any grouping and filter.
/// Nothing reads the clock: "now" is a parameter of every request.
///
/// ```swift
/// let organization = DemoOrganization()
/// let response = organization.respond(to: request, now: 1_764_000_000)
/// ```
public struct DemoOrganization: Sendable {
  /// The seed used when none is given.
  public static let defaultSeed: UInt64 = 20_240_304

  public let seed: UInt64
  public let projects: [DemoProject]
  public let users: [DemoUser]
  public let serviceAccounts: [DemoServiceAccount]
  public let apiKeys: [DemoAPIKey]
  public let vectorStores: [DemoVectorStore]
  /// The organization's first day (seconds since the epoch, UTC).
  public var foundedAt: Int64 { DemoCalendar.founded }

  let streams: [DemoStream]
  let mixes: [[DemoMixMember]]
  /// How each stream is billed, by stream index.
  let tariffs: [[DemoTariffLine]]

  /// Builds the organization for `seed`.
  public init(seed: UInt64 = DemoOrganization.defaultSeed) {
    self.seed = seed
    let projects = Self.makeProjects(seed: seed)
    let users = Self.makeUsers(seed: seed, projectCount: projects.count)
    let accounts = Self.makeServiceAccounts(seed: seed, projects: projects)
    let keys = Self.makeKeys(seed: seed, projects: projects, users: users, accounts: accounts)
    let stores = Self.makeVectorStores(seed: seed, projects: projects)
    self.projects = projects
    self.users = users
    self.serviceAccounts = accounts
    self.apiKeys = keys
    self.vectorStores = stores
    var builder = DemoStreamBuilder(
      seed: seed, projects: projects, users: users, accounts: accounts, keys: keys, stores: stores)
    builder.build()
    self.streams = builder.streams
    self.mixes = builder.mixes
    self.tariffs = builder.streams.map(Self.tariff)
  }

  /// Whether the whole organization was idle on `day` (days since the epoch): a few days a year.
  func isEmptyDay(_ day: Int64) -> Bool {
    DemoHash.unit(seed, UInt64(bitPattern: day), 0xE117) < 0.012
  }
}

// MARK: - Entities

extension DemoOrganization {
  struct ProjectPlan {
    let name: String
    let created: Int64
    let archived: Int64?
    let weight: Double
    let residency: String
  }

  static let projectPlans: [ProjectPlan] = {
    let d = DemoCalendar.date
    return [
      ProjectPlan(
        name: "Default project", created: DemoCalendar.founded, archived: nil,
        weight: 0.05, residency: "GLOBAL"),
      ProjectPlan(
        name: "Support Assistant", created: d(2024, 3, 11), archived: nil, weight: 0.38,
        residency: "GLOBAL"),
      ProjectPlan(
        name: "Document Search", created: d(2024, 4, 2), archived: nil, weight: 0.22,
        residency: "EU_STORAGE_PROCESSING"),
      ProjectPlan(
        name: "Präsentationen", created: d(2024, 6, 17), archived: nil, weight: 0.08,
        residency: "EU_STORAGE_PROCESSING"),
      ProjectPlan(
        name: "東京 Support", created: d(2024, 9, 2), archived: nil, weight: 0.1,
        residency: "JP_STORAGE"),
      ProjectPlan(
        name: "Data Pipeline", created: d(2024, 5, 6), archived: nil, weight: 0.12,
        residency: "US_STORAGE_PROCESSING"),
      ProjectPlan(
        name: "Research Sandbox", created: d(2025, 1, 13), archived: nil, weight: 0.03,
        residency: "GLOBAL"),
      ProjectPlan(
        name: "Legacy Chatbot", created: DemoCalendar.founded, archived: d(2025, 6, 30),
        weight: 0.02, residency: "GLOBAL"),
    ]
  }()

  static func makeProjects(seed: UInt64) -> [DemoProject] {
    projectPlans.enumerated().map { index, plan in
      DemoProject(
        id: "proj_" + DemoHash.identifier(seed, 0x100 + UInt64(index), length: 24),
        name: plan.name, createdAt: plan.created, archivedAt: plan.archived, weight: plan.weight,
        residency: plan.residency)
    }
  }

  static let userNames = [
    "Amara Okafor", "Ben Fischer", "Chloé Martin", "Daniel Kim", "Elena Petrova", "Farid Haddad",
    "Grace Liu", "Hannah Schmidt", "Ibrahim Yilmaz", "Julia Nowak", "Kenji Tanaka", "Lena Müller",
    "Marco Rossi", "Nadia Benali", "Oliver Brown", "Priya Sharma", "Quentin Dubois", "Rosa García",
    "Sven Johansson", "Tomás Silva", "Uma Patel", "Victor Hugo Lima", "Wen Zhang", "Yuki Sato",
    "Zoe Adams", "Arjun Mehta",
  ]

  static func makeUsers(seed: UInt64, projectCount: Int) -> [DemoUser] {
    userNames.enumerated().map { index, name in
      let parts = name.lowercased().split(separator: " ")
      let ascii = parts.joined(separator: ".").map { character -> String in
        switch character {
        case "é": "e"
        case "ü": "ue"
        case "á": "a"
        default: String(character)
        }
      }.joined()
      let offsetDays = Int64(DemoHash.hash(seed, 0x200, UInt64(index)) % 420)
      return DemoUser(
        id: "user-" + DemoHash.identifier(seed, 0x200 + UInt64(index), length: 24),
        name: name, email: ascii + "@northwind-labs.example", role: index < 3 ? "owner" : "reader",
        addedAt: DemoCalendar.founded + (index < 3 ? 0 : offsetDays * DemoCalendar.day + 36_000),
        homeProject: index % projectCount,
        hasLeft: index == userNames.count - 1)
    }
  }

  static let serviceAccountPlans: [(name: String, project: Int)] = [
    ("support-bot-prod", 1), ("ingest-worker", 2), ("deck-renderer", 3),
    ("tokyo-helpdesk", 4), ("pipeline-batch", 5), ("pipeline-evals", 5), ("legacy-bot", 7),
  ]

  static func makeServiceAccounts(seed: UInt64, projects: [DemoProject]) -> [DemoServiceAccount] {
    serviceAccountPlans.enumerated().map { index, plan in
      DemoServiceAccount(
        id: "svc_acct_" + DemoHash.identifier(seed, 0x300 + UInt64(index), length: 20),
        name: plan.name, project: plan.project,
        createdAt: projects[plan.project].createdAt + 2 * DemoCalendar.day)
    }
  }

  static func makeVectorStores(seed: UInt64, projects: [DemoProject]) -> [DemoVectorStore] {
    let plans: [(project: Int, days: Int64, megabytes: Int64)] = [
      (1, 10, 180), (1, 200, 40), (2, 3, 900), (2, 60, 350), (2, 310, 120), (2, 500, 60),
      (4, 20, 75), (6, 5, 30), (7, 30, 55),
    ]
    return plans.enumerated().map { index, plan in
      DemoVectorStore(
        id: "vs_" + DemoHash.hexIdentifier(seed, 0x400 + UInt64(index), length: 32),
        project: plan.project,
        createdAt: projects[plan.project].createdAt + plan.days * DemoCalendar.day,
        initialBytes: plan.megabytes * 1_048_576)
    }
  }
}
