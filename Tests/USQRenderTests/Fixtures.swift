import USQFrame

/// Frames shaped like real usage data, deterministic, for the render tests.
enum Fixtures {
  /// 2026-03-01T00:00:00Z.
  static let march1: Int64 = 1_772_323_200
  static let day: Int64 = 86_400

  /// A frame from `(name, kind, values)` triples.
  static func frame(_ columns: [(String, ColumnKind, [Value])]) -> Frame {
    Frame(unchecked: columns.map { ($0.0, Column.from($0.2, kind: $0.1)) })
  }

  static func times(_ count: Int, from start: Int64 = march1, step: Int64 = day) -> [Value] {
    (0..<count).map { .time(start + Int64($0) * step) }
  }

  /// `load completions days=N` without group: daily tokens, dimension columns all null.
  /// The last bucket is in progress: it ends at "now" (`march1 + days - 1 days + 14h`).
  static func dailyCompletions(days: Int = 30) -> Frame {
    let starts = (0..<days).map { march1 + Int64($0) * day }
    let now = march1 + Int64(days - 1) * day + 14 * 3600
    let ends = starts.map { min($0 + day, now) }
    let input = (0..<days).map { index -> Value in
      let weekday = (index + 6) % 7  // March 1 2026 is a Sunday
      let base: Int64 = weekday >= 5 ? 310_000 : 1_150_000
      return .int(base + Int64((index * 7919) % 97) * 4_111)
    }
    let output = input.enumerated().map { index, value -> Value in
      guard case .int(let tokens) = value else { return .null }
      return .int(tokens / 4 + Int64(index * 1_237))
    }
    let nulls = [Value](repeating: .null, count: days)
    return frame([
      ("start_time", .time, starts.map(Value.time)), ("end_time", .time, ends.map(Value.time)),
      ("input_tokens", .int, input), ("output_tokens", .int, output),
      (
        "num_model_requests", .int,
        input.map { if case .int(let v) = $0 { .int(v / 900) } else { .null } }
      ),
      ("project_id", .string, nulls), ("user_id", .string, nulls), ("api_key_id", .string, nulls),
      ("model", .string, nulls), ("batch", .bool, nulls),
    ])
  }

  /// "now" for `dailyCompletions(days:)`.
  static func dailyNow(days: Int = 30) -> Int64 { march1 + Int64(days - 1) * day + 14 * 3600 }

  static let models = [
    "gpt-4o-mini-2024-07-18", "gpt-4o-2024-08-06", "o1-2024-12-17", "text-embedding-3-small",
  ]
  static let projects = [
    "proj_abc", "proj_research", "proj_support_bot", "proj_eval", "proj_legacy",
  ]

  /// `sum num_model_requests by model, project_id`.
  static func requestsByModelProject() -> Frame {
    var models: [Value] = []
    var projects: [Value] = []
    var counts: [Value] = []
    for (m, model) in Self.models.enumerated() {
      for (p, project) in Self.projects.enumerated() where (m + p) % 4 != 3 {
        models.append(.string(model))
        projects.append(.string(project))
        counts.append(.int(Int64((5 - p) * (5 - p) * (4 - m) * 1_310 + (m * 37 + p * 11) % 50)))
      }
    }
    return frame([
      ("model", .string, models), ("project_id", .string, projects),
      ("num_model_requests", .int, counts),
    ])
  }

  /// `sum num_model_requests by project_id | other 5%`.
  static func requestsByProjectWithOther() -> Frame {
    frame([
      (
        "project_id", .string,
        ["proj_abc", "proj_research", "proj_support_bot", "Other"].map(Value.string)
      ),
      ("num_model_requests", .int, [48_210, 23_877, 9_102, 3_516].map(Value.int)),
    ])
  }

  /// `share num_model_requests | where share < 5`.
  static func otherBrokenDown() -> Frame {
    frame([
      ("project_id", .string, ["proj_eval", "proj_legacy", "proj_sandbox"].map(Value.string)),
      ("num_model_requests", .int, [2_014, 1_201, 301].map(Value.int)),
      ("share", .double, [2.381, 1.42, 0.356].map(Value.double)),
    ])
  }

  /// `load costs days=30 group=line_item | sum amount by line_item`.
  static func costsByLineItem() -> Frame {
    frame([
      (
        "line_item", .string,
        [
          "gpt-4o-2024-08-06, input", "gpt-4o-2024-08-06, output", "gpt-4o-mini-2024-07-18, input",
          "gpt-4o-mini-2024-07-18, output", "o1-2024-12-17, input", "web search tool calls",
        ].map(Value.string)
      ),
      ("amount", .double, [412.8125, 1_024.5, 18.0341, 43.27, 287.19, 12.5].map(Value.double)),
    ])
  }

  /// Hourly requests over `days` days with a weekday rhythm (for heat and line charts).
  static func hourlyRequests(days: Int = 7) -> Frame {
    let count = days * 24
    let values = (0..<count).map { index -> Value in
      let hour = index % 24
      let dayIndex = index / 24
      let weekend = (dayIndex + 6) % 7 >= 5
      let office = hour >= 8 && hour < 19 ? 40 + (hour - 8) * (18 - hour) * 6 : 3 + hour % 5
      return .int(Int64(weekend ? office / 5 : office))
    }
    return frame([
      ("start_time", .time, times(count, step: 3600)),
      ("end_time", .time, times(count, from: march1 + 3600, step: 3600)),
      ("num_model_requests", .int, values),
    ])
  }

  /// Daily requests per model (for line and spark charts).
  static func dailyByModel(days: Int = 14) -> Frame {
    var starts: [Value] = []
    var models: [Value] = []
    var counts: [Value] = []
    for index in 0..<days {
      for (m, model) in Self.models.prefix(3).enumerated() {
        starts.append(.time(march1 + Int64(index) * day))
        models.append(.string(model))
        let wave = (index * (m + 3) * 37) % 23
        counts.append(.int(Int64((3 - m) * 900 + wave * (40 + m * 25) + index * 30)))
      }
    }
    return frame([
      ("start_time", .time, starts), ("model", .string, models),
      ("num_model_requests", .int, counts),
    ])
  }
}
