import Foundation

extension DemoOrganization {
  /// Keys per project, in project order; 40 in all.
  static let keyCounts = [4, 8, 7, 5, 5, 5, 3, 3]

  static func makeKeys(
    seed: UInt64, projects: [DemoProject], users: [DemoUser], accounts: [DemoServiceAccount]
  ) -> [DemoAPIKey] {
    var keys: [DemoAPIKey] = []
    var number: UInt64 = 0
    for (project, count) in keyCounts.enumerated() {
      let projectAccounts = accounts.indices.filter { accounts[$0].project == project }
      let members = memberUsers(seed: seed, project: project, users: users)
      var weights: [Double] = []
      var plans: [(owner: DemoKeyOwner, name: String)] = []
      for slot in 0..<count {
        if slot < projectAccounts.count {
          let account = projectAccounts[slot]
          plans.append((.serviceAccount(account), accounts[account].name + " prod"))
        } else {
          let user = members[(slot - projectAccounts.count) % members.count]
          let first = users[user].name.split(separator: " ").first.map(String.init) ?? "user"
          let purpose = ["dev", "staging", "notebook", "ci", "eval"][slot % 5]
          plans.append((.user(user), "\(first.lowercased())-\(purpose)"))
        }
        weights.append(1 / pow(Double(slot + 1), 1.3))
      }
      let total = weights.reduce(0, +)
      for (slot, plan) in plans.enumerated() {
        keys.append(
          makeKey(
            seed: seed, number: number, project: project, projects: projects, users: users,
            accounts: accounts, owner: plan.owner, name: plan.name, weight: weights[slot] / total,
            isDeleted: project == 1 && slot == count - 1))
        number += 1
      }
    }
    return keys
  }

  private static func memberUsers(seed: UInt64, project: Int, users: [DemoUser]) -> [Int] {
    let members = users.indices.filter {
      users[$0].homeProject == project
        || DemoHash.unit(seed, 0x500, UInt64($0), UInt64(project)) < 0.12
    }
    return members.isEmpty ? [0] : members
  }

  private static func makeKey(
    seed: UInt64, number: UInt64, project: Int, projects: [DemoProject], users: [DemoUser],
    accounts: [DemoServiceAccount], owner: DemoKeyOwner, name: String, weight: Double,
    isDeleted: Bool
  ) -> DemoAPIKey {
    let start: Int64
    switch owner {
    case .user(let user): start = max(projects[project].createdAt, users[user].addedAt)
    case .serviceAccount(let account): start = accounts[account].createdAt
    }
    let delay = Int64(DemoHash.hash(seed, 0x600, number) % 40) * DemoCalendar.day
    let created = start + delay + Int64(DemoHash.hash(seed, 0x601, number) % 80_000)
    let secret = DemoHash.identifier(seed, 0x7FF + number, length: 4)
    let deleted: Int64? =
      if isDeleted {
        DemoCalendar.date(2025, 10, 20)
      } else if case .user(let user) = owner, users[user].hasLeft {
        DemoCalendar.date(2025, 11, 3)
      } else { nil }
    return DemoAPIKey(
      id: "key_" + DemoHash.identifier(seed, 0x700 + number, length: 16), name: name,
      project: project, owner: owner, createdAt: created, deletedAt: deleted, weight: weight,
      redactedValue: (isUser(owner) ? "sk-proj-" : "sk-svcacct-") + "..." + secret)
  }
}

private func isUser(_ owner: DemoKeyOwner) -> Bool {
  if case .user = owner { return true }
  return false
}
