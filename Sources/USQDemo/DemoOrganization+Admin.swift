extension DemoOrganization {
  /// Answers the admin endpoints (lists and single objects), or nil for other paths.
  func adminAnswer(path: String, query: DemoQuery, now: Int64) throws(DemoRequestError) -> DemoJSON?
  {
    let parts = path.split(separator: "/").map(String.init)
    guard parts.count >= 2, parts[0] == "organization" else { return nil }
    switch (parts[1], parts.count) {
    case ("projects", 2):
      try query.check(allowed: ["limit", "after", "include_archived"])
      let archived = try query.boolean("include_archived") ?? false
      let visible = projects.filter {
        $0.createdAt <= now && (archived || !isArchived($0, now: now))
      }
      return try list(
        visible.map { projectJSON($0, now: now) }, ids: visible.map(\.id), query: query)
    case ("projects", 3):
      try query.check(allowed: [])
      return projectJSON(try project(parts[2], now: now), now: now)
    case ("projects", 4), ("projects", 5):
      return try projectChild(
        project: try project(parts[2], now: now), parts: parts, query: query, now: now)
    case ("users", 2):
      try query.check(allowed: ["limit", "after", "emails"])
      let emails = Set(query.all("emails"))
      let visible = listedUsers(now: now).filter { emails.isEmpty || emails.contains($0.email) }
      return try list(visible.map(userJSON), ids: visible.map(\.id), query: query)
    case ("users", 3):
      try query.check(allowed: [])
      guard let user = listedUsers(now: now).first(where: { $0.id == parts[2] }) else {
        throw .objectNotFound("user", parts[2], param: "user_id")
      }
      return userJSON(user)
    default:
      return nil
    }
  }

  private func isArchived(_ project: DemoProject, now: Int64) -> Bool {
    project.archivedAt.map { $0 <= now } ?? false
  }

  private func project(_ id: String, now: Int64) throws(DemoRequestError) -> DemoProject {
    guard let project = projects.first(where: { $0.id == id && $0.createdAt <= now }) else {
      throw .objectNotFound("project", id, param: "project_id")
    }
    return project
  }

  private func listedUsers(now: Int64) -> [DemoUser] {
    users.filter { !$0.hasLeft && $0.addedAt <= now }
  }

  private func projectChild(project: DemoProject, parts: [String], query: DemoQuery, now: Int64)
    throws(DemoRequestError) -> DemoJSON?
  {
    guard let index = projects.firstIndex(of: project) else { return nil }
    let id = parts.count == 5 ? parts[4] : nil
    switch parts[3] {
    case "api_keys":
      let keys = apiKeys.filter {
        $0.project == index && $0.createdAt <= now && ($0.deletedAt ?? .max) > now
      }
      if let id {
        try query.check(allowed: [])
        guard let key = keys.first(where: { $0.id == id }) else {
          throw .objectNotFound("API key", id, param: "api_key_id")
        }
        return keyJSON(key, now: now)
      }
      try query.check(allowed: ["limit", "after", "owner_project_access"])
      if let access = query.value("owner_project_access"),
        !["active", "inactive", "any"].contains(access)
      {
        throw .notOneOf("owner_project_access", access, allowed: ["active", "inactive", "any"])
      }
      let shown = query.value("owner_project_access") == "inactive" ? [] : keys
      return try list(shown.map { keyJSON($0, now: now) }, ids: shown.map(\.id), query: query)
    case "service_accounts", "users":
      if isArchived(project, now: now) {
        throw .invalid(
          "Project '\(project.id)' is archived.", param: "project_id", code: "project_archived")
      }
      return try projectMembers(parts[3], project: index, id: id, query: query, now: now)
    default:
      return nil
    }
  }

  private func projectMembers(
    _ kind: String, project: Int, id: String?, query: DemoQuery, now: Int64
  )
    throws(DemoRequestError) -> DemoJSON
  {
    var objects: [(String, DemoJSON)] = []
    if kind == "service_accounts" {
      for account in serviceAccounts where account.project == project && account.createdAt <= now {
        objects.append((account.id, accountJSON(account)))
      }
    } else {
      let members = Set(
        apiKeys.compactMap { key -> Int? in
          if key.project == project, case .user(let user) = key.owner { return user }
          return nil
        })
      for user in listedUsers(now: now)
      where users.firstIndex(of: user).map(members.contains) ?? false {
        objects.append((user.id, projectUserJSON(user)))
      }
    }
    if let id {
      try query.check(allowed: [])
      guard let found = objects.first(where: { $0.0 == id }) else {
        throw .objectNotFound(kind == "users" ? "user" : "service account", id, param: "id")
      }
      return found.1
    }
    try query.check(allowed: ["limit", "after"])
    return try list(objects.map(\.1), ids: objects.map(\.0), query: query)
  }

  /// A list page: `after` skips to the object after that ID; `limit` 1…100, default 20.
  private func list(_ objects: [DemoJSON], ids: [String], query: DemoQuery) throws(DemoRequestError)
    -> DemoJSON
  {
    let limit = try query.limit(defaultValue: 20, maximum: 100)
    var first = 0
    if let after = query.value("after") {
      guard let position = ids.firstIndex(of: after) else {
        throw .invalid(
          "Invalid value for 'after': '\(after)' is not an ID in this list.", param: "after")
      }
      first = position + 1
    }
    let last = min(ids.count, first + limit)
    let shown = first < last ? Array(first..<last) : []
    return .object([
      ("object", .string("list")), ("data", .array(shown.map { objects[$0] })),
      ("first_id", .optional(shown.first.map { ids[$0] })),
      ("last_id", .optional(shown.last.map { ids[$0] })), ("has_more", .bool(last < ids.count)),
    ])
  }

  // MARK: - Objects

  private func projectJSON(_ project: DemoProject, now: Int64) -> DemoJSON {
    let archived = isArchived(project, now: now)
    return .object([
      ("id", .string(project.id)), ("object", .string("organization.project")),
      ("name", .string(project.name)), ("created_at", .int(project.createdAt)),
      ("archived_at", archived ? .optional(project.archivedAt) : .null),
      ("status", .string(archived ? "archived" : "active")),
      ("residency", .string(project.residency)),
    ])
  }

  private func userJSON(_ user: DemoUser) -> DemoJSON {
    .object([
      ("object", .string("organization.user")), ("id", .string(user.id)),
      ("name", .string(user.name)),
      ("email", .string(user.email)), ("role", .string(user.role)),
      ("added_at", .int(user.addedAt)),
    ])
  }

  private func projectUserJSON(_ user: DemoUser) -> DemoJSON {
    .object([
      ("object", .string("organization.project.user")), ("id", .string(user.id)),
      ("name", .string(user.name)), ("email", .string(user.email)),
      ("role", .string(user.role == "owner" ? "owner" : "member")),
      ("added_at", .int(user.addedAt)),
    ])
  }

  private func accountJSON(_ account: DemoServiceAccount) -> DemoJSON {
    .object([
      ("object", .string("organization.project.service_account")), ("id", .string(account.id)),
      ("name", .string(account.name)), ("role", .string("member")),
      ("created_at", .int(account.createdAt)),
    ])
  }

  private func keyJSON(_ key: DemoAPIKey, now: Int64) -> DemoJSON {
    let owner: DemoJSON
    switch key.owner {
    case .user(let index):
      let user = users[index]
      owner = .object([
        ("type", .string("user")),
        (
          "user",
          .object([
            ("id", .string(user.id)), ("name", .string(user.name)), ("email", .string(user.email)),
            ("role", .string(user.role == "owner" ? "owner" : "member")),
            ("created_at", .int(user.addedAt)),
          ])
        ),
      ])
    case .serviceAccount(let index):
      let account = serviceAccounts[index]
      owner = .object([
        ("type", .string("service_account")),
        (
          "service_account",
          .object([
            ("id", .string(account.id)), ("name", .string(account.name)),
            ("role", .string("member")),
            ("created_at", .int(account.createdAt)),
          ])
        ),
      ])
    }
    let end = min(now, projects[key.project].archivedAt ?? now)
    let lastUsed = end - Int64(DemoHash.hash(seed, 0xB00, DemoHash.hash(key.id)) % 5_400)
    return .object([
      ("object", .string("organization.project.api_key")),
      ("redacted_value", .string(key.redactedValue)),
      ("name", .string(key.name)), ("created_at", .int(key.createdAt)),
      ("last_used_at", lastUsed > key.createdAt ? .int(lastUsed) : .null), ("id", .string(key.id)),
      ("owner_project_access", .string("active")), ("owner", owner),
    ])
  }
}
