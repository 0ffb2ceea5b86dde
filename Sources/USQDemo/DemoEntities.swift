import USQBasics

/// A project of the demo organization.
public struct DemoProject: Sendable, Hashable {
  /// `proj_…`, reproducible from the seed.
  public let id: String
  public let name: String
  /// Seconds since the epoch, UTC.
  public let createdAt: Int64
  /// Seconds since the epoch, UTC; nil while active.
  public let archivedAt: Int64?
  /// Share of the organization's traffic (the weights of all projects add up to 1).
  public let weight: Double
  /// Data-residency setting (`GLOBAL`, `EU_STORAGE_PROCESSING`, …).
  public let residency: String
}

/// An organization user (a person).
public struct DemoUser: Sendable, Hashable {
  /// `user-…`, reproducible from the seed.
  public let id: String
  public let name: String
  public let email: String
  /// `owner` or `reader`.
  public let role: String
  /// Seconds since the epoch, UTC.
  public let addedAt: Int64
  /// Index of the user's main project in `DemoOrganization.projects`.
  public let homeProject: Int
  /// Whether the user has left: their old usage remains, but `/organization/users` omits them.
  public let hasLeft: Bool
}

/// A project service account; traffic of its keys has `user_id` null.
public struct DemoServiceAccount: Sendable, Hashable {
  /// `svc_acct_…`.
  public let id: String
  public let name: String
  /// Index into `DemoOrganization.projects`.
  public let project: Int
  public let createdAt: Int64
}

/// Who owns an API key.
public enum DemoKeyOwner: Sendable, Hashable {
  /// Index into `DemoOrganization.users`.
  case user(Int)
  /// Index into `DemoOrganization.serviceAccounts`.
  case serviceAccount(Int)
}

/// A project API key.
public struct DemoAPIKey: Sendable, Hashable {
  /// `key_…`, the value of `api_key_id` in usage rows.
  public let id: String
  public let name: String
  /// Index into `DemoOrganization.projects`.
  public let project: Int
  public let owner: DemoKeyOwner
  public let createdAt: Int64
  /// When the key was deleted (no usage after, not listed any more); nil while it exists.
  public let deletedAt: Int64?
  /// Share of its project's traffic.
  public let weight: Double
  /// `sk-…abcd` style masked secret.
  public let redactedValue: String

  /// Whether traffic of this key belongs to a service account.
  public var isServiceAccount: Bool {
    if case .serviceAccount = owner { return true }
    return false
  }
}

/// A vector store (file search); its size is a level that grows over time.
public struct DemoVectorStore: Sendable, Hashable {
  /// `vs_…`.
  public let id: String
  /// Index into `DemoOrganization.projects`.
  public let project: Int
  public let createdAt: Int64
  /// Size in bytes on the day it was created.
  public let initialBytes: Int64
}

// MARK: - Fixed time anchors

/// Calendar facts used by the generator; every time is seconds since the epoch, UTC.
enum DemoCalendar {
  /// 2024-03-04 00:00 UTC (a Monday): the organization's first day.
  static let founded: Int64 = 1_709_510_400
  static let day: Int64 = 86_400
  static let hour: Int64 = 3_600

  /// Seconds of `date` given as year, month, day (UTC midnight).
  static func date(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
    CivilDate(year: Int64(year), month: Int64(month), day: Int64(day)).days * 86_400
  }

  /// Floor division for possibly negative times.
  static func floor(_ value: Int64, _ unit: Int64) -> Int64 { floorDivide(value, unit) }

  /// 0 = Monday … 6 = Sunday, for a day number since the epoch.
  static func weekday(ofDay day: Int64) -> Int { CivilDate.weekday(ofDays: day) }
}
