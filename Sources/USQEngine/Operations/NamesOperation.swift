import USQFrame
import USQLanguage
import USQVocabulary

/// `names`: adds `project_name`, `user_name`, `api_key_name` right after the id columns present,
/// resolved through the organization's lists (`projects`, `users`, `api_keys`).
///
/// ```
/// load completions group=project_id | sum num_model_requests by project_id | names
/// ```
struct NamesOperation: PipelineOperation {
  /// An id column, the list endpoint that names it, and the new column.
  struct Lookup: Sendable, Hashable {
    var idColumn: String
    var listName: String
    var nameColumn: String
  }

  /// A lookup this stage makes, with its list endpoint from the environment.
  struct ResolvedLookup: Sendable, Hashable {
    var idColumn: String
    var list: Endpoint
    var nameColumn: String
  }

  static let lookups = [
    Lookup(idColumn: "project_id", listName: "projects", nameColumn: "project_name"),
    Lookup(idColumn: "user_id", listName: "users", nameColumn: "user_name"),
    Lookup(idColumn: "api_key_id", listName: "api_keys", nameColumn: "api_key_name"),
  ]

  var lookups: [ResolvedLookup]

  var summary: String { "names (" + lookups.map(\.nameColumn).joined(separator: ", ") + ")" }

  static let help = HelpTopic(
    name: "names", aliases: [], kind: .stage, usage: "names",
    details:
      "Adds project_name, user_name and api_key_name right after the id columns present,\nresolved through the organization's lists (projects, users, api_keys).",
    examples: [
      "load completions days=30 | sum num_model_requests by project_id | names"
    ])

  static func bind(verb: Name, input: StageSchema, _ state: inout BindState) -> BoundStage? {
    var columns = input.columns
    var used: [ResolvedLookup] = []
    for lookup in lookups {
      guard let column = input[lookup.idColumn], column.kind == .string,
        input[lookup.nameColumn] == nil,
        let list = state.environment.endpoint(named: lookup.listName)
      else { continue }
      state.use(column, at: verb.span, isOptional: true)
      used.append(
        ResolvedLookup(idColumn: lookup.idColumn, list: list, nameColumn: lookup.nameColumn))
      let index = (columns.firstIndex { $0.name == lookup.idColumn } ?? columns.count - 1) + 1
      columns.insert(ColumnInfo(name: lookup.nameColumn, kind: .string), at: index)
    }
    if used.isEmpty && !input.isOpen {
      state.report(noIDs(verb, in: input))
      return nil
    }
    return BoundStage(operation: .names(Self(lookups: used)), output: input.with(columns: columns))
  }

  func run(_ frame: Frame, context: OperationContext) async throws -> Frame {
    var result = frame
    for lookup in lookups {
      guard case .string(let ids)? = result[lookup.idColumn] else { continue }
      let request = UsageQuery(endpoint: lookup.list, bucketWidth: nil)
      let source = context.dataSource
      let load: @Sendable () async throws -> Frame = {
        try await source.load(request, progress: { _, _ in })
      }
      let list: Frame
      if let cache = context.listCache {
        list = try await cache.frame(lookup.list.name, load: load)
      } else {
        list = try await load()
      }
      let named = Self.naming(ids, Self.dictionary(list))
      result = Self.inserting(
        .string(named), named: lookup.nameColumn, after: lookup.idColumn, in: result)
    }
    return result
  }

  /// id → name (falling back to `email` for users without a name).
  static func dictionary(_ list: Frame) -> [String: String] {
    guard let ids = list["id"] else { return [:] }
    let names = list["name"]
    let emails = list["email"]
    var result: [String: String] = [:]
    for row in 0..<list.rowCount {
      guard case .string(let id) = ids[row] else { continue }
      if case .string(let name)? = names?[row], !name.isEmpty {
        result[id] = name
      } else if case .string(let email)? = emails?[row] {
        result[id] = email
      }
    }
    return result
  }

  /// The names of `ids` (null where the id is null or unnamed), with a unique dictionary.
  static func naming(_ ids: StringColumn, _ names: [String: String]) -> StringColumn {
    var dictionary: [String] = []
    var positions: [String: UInt32] = [:]
    let remap: [UInt32?] = ids.dictionary.map { id in
      guard let name = names[id] else { return nil }
      if let code = positions[name] { return code }
      let code = UInt32(dictionary.count)
      positions[name] = code
      dictionary.append(name)
      return code
    }
    var codes = ContiguousArray<UInt32>(repeating: 0, count: ids.codes.count)
    var validity = Bitmap(repeating: true, count: ids.codes.count)
    for row in 0..<ids.codes.count {
      let old = Int(ids.codes[row])
      if ids.isValid(row), old < remap.count, let code = remap[old] {
        codes[row] = code
      } else {
        validity[row] = false
      }
    }
    return StringColumn(
      codes: codes, dictionary: dictionary, validity: validity.isAllSet ? nil : validity)
  }

  static func inserting(_ column: Column, named name: String, after anchor: String, in frame: Frame)
    -> Frame
  {
    var pairs = frame.pairs
    let index = (frame.index(of: anchor) ?? pairs.count - 1) + 1
    pairs.insert((name, column), at: index)
    return Frame(unchecked: pairs)
  }

  fileprivate static func noIDs(_ verb: Name, in schema: StageSchema) -> Diagnostic {
    .error(
      "bind.names-without-ids",
      "'names' needs a 'project_id', 'user_id' or 'api_key_id' column", at: verb.span,
      label: "no id column to name",
      notes: ["the input frame's columns: \(schema.names.joined(separator: ", "))"])
  }
}

extension NamesOperation: ColumnPruning {
  /// The needed columns and the id columns looked up.
  func inputColumns(for demand: ColumnDemand, input: StageSchema) -> Set<String> {
    demand.columns.union(lookups.map(\.idColumn))
  }
}
