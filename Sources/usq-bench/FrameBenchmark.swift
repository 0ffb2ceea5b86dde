import USQBasics
import USQFrame

/// `usq-bench frame`: Q1–Q4 of issue #3 as usq statements through the engine (parse, bind, run)
/// on a stored usage-like frame, each result checked against the same query as kernel calls.
enum FrameBenchmark {
  static func main(_ arguments: [String]) -> Int32 {
    var rowCounts = [1_000_000, 10_000_000]
    var runs = 7
    var only: Int?
    var index = 0
    while index < arguments.count {
      let value = index + 1 < arguments.count ? Int(arguments[index + 1].filter { $0 != "_" }) : nil
      switch (arguments[index], value) {
      case ("--rows", let count?): rowCounts = [count]
      case ("--runs", let count?): runs = max(1, count)
      case ("--query", let number?): only = number
      default:
        print("usage: usq-bench frame [--rows N] [--runs N] [--query 1…4]")
        return 2
      }
      index += 2
    }
    do {
      for rows in rowCounts { try run(rows: rows, runs: runs, only: only) }
    } catch {
      print("error: \(error)")
      return 1
    }
    return 0
  }

  static func run(rows: Int, runs: Int, only: Int?) throws {
    keepFreedMemory()
    let frame = UsageFrameGenerator(rows: rows).frame()
    let bytes = frame.columns.reduce(0) { $0 + $1.storageBytes }
    print(
      "frame: \(rows) rows, \(frame.columnCount) columns, \(bytes / 1_048_576) MiB in columns, peak RSS \(peakResidentBytes() / 1_048_576) MiB"
    )
    let mostCommon = try frame.aggregate([Aggregate(.count)], by: ["model"]).top(1, by: "count")
      .rows[0][0]
    guard case .string(let model) = mostCommon else { return }
    let runner = StatementRunner(frames: ["usage": frame])
    let queries: [(String, (Frame) throws -> Frame)] = [
      ("from usage | sum num_model_requests by project_id | top 5", q1),
      ("from usage | sum input_tokens, output_tokens, num_model_requests by model, project_id", q2),
      (
        "from usage | where model = \"\(model)\" and batch = false | bucket day | sum input_tokens, output_tokens",
        { try q3($0, model: mostCommon) }
      ),
      ("from usage | sum num_model_requests by project_id | other 5%", q4),
    ]
    for (number, (statement, reference)) in queries.enumerated()
    where only == nil || only == number + 1 {
      let (wall, cpu, result) = try runner.time(statement, runs: runs)
      let perSecond = Double(rows) / (wall / 1_000)
      let check = result.frame == (try reference(frame)) ? "" : " MISMATCH with the kernels"
      print(
        "Q\(number + 1) \(statement): \(formatted(wall)) ms median of \(runs) (cpu \(formatted(cpu)) ms), \(formatted(perSecond / 1e6)) M rows/s, \(result.frame.rowCount) result rows, peak RSS \(peakResidentBytes() / 1_048_576) MiB\(check)"
      )
      print("   \(result.timerLine)")
    }
  }

  // The same queries as hand-written kernel calls, to check the engine's results.

  static func q1(_ frame: Frame) throws -> Frame {
    try frame.aggregate(
      [Aggregate(.sum, "num_model_requests", as: "num_model_requests")], by: ["project_id"]
    )
    .top(5, by: "num_model_requests")
  }

  static func q2(_ frame: Frame) throws -> Frame {
    try frame.aggregate(
      ["input_tokens", "output_tokens", "num_model_requests"].map { Aggregate(.sum, $0, as: $0) },
      by: ["model", "project_id"])
  }

  static func q3(_ frame: Frame, model: Value) throws -> Frame {
    let isModel = try Column.compare(.equal, try frame.column("model"), model)
    let interactive = try Column.compare(.equal, try frame.column("batch"), .bool(false))
    return try frame.filter(BoolColumn.and(isModel, interactive)).bucket(.day).aggregate(
      ["input_tokens", "output_tokens"].map { Aggregate(.sum, $0, as: $0) }, by: [])
  }

  static func q4(_ frame: Frame) throws -> Frame {
    try frame.aggregate(
      [Aggregate(.sum, "num_model_requests", as: "num_model_requests")], by: ["project_id"]
    )
    .other(percent: 5)
  }
}

/// Usage-like rows: hourly buckets over 30 days, Zipf-skewed dimensions, sorted by time as
/// `load` delivers them.
struct UsageFrameGenerator {
  let rows: Int

  func frame() -> Frame {
    var random = SeededGenerator(seed: 42)
    let models = ZipfSampler(count: 20)
    let projects = ZipfSampler(count: 40)
    let users = ZipfSampler(count: 300)
    let keys = ZipfSampler(count: 500)
    let start: Int64 = 1_793_404_800  // 2026-10-31T00:00Z
    let hours = 30 * 24
    var starts = ContiguousArray<Int64>(repeating: 0, count: rows)
    var modelCodes = ContiguousArray<UInt32>(repeating: 0, count: rows)
    var projectCodes = modelCodes
    var userCodes = modelCodes
    var keyCodes = modelCodes
    var input = ContiguousArray<Int64>(repeating: 0, count: rows)
    var output = input
    var requests = input
    var batch = Bitmap(repeating: false, count: rows)
    for row in 0..<rows {
      starts[row] = start + Int64(row * hours / max(rows, 1)) * 3_600
      modelCodes[row] = UInt32(models.sample(&random))
      projectCodes[row] = UInt32(projects.sample(&random))
      userCodes[row] = UInt32(users.sample(&random))
      keyCodes[row] = UInt32(keys.sample(&random))
      requests[row] = Int64(1 + random.next() % 40)
      input[row] = requests[row] * Int64(200 + random.next() % 4_000)
      output[row] = requests[row] * Int64(50 + random.next() % 800)
      if random.next() % 5 == 0 { batch[row] = true }
    }
    let ends = ContiguousArray(starts.lazy.map { $0 + 3_600 })
    func strings(_ codes: ContiguousArray<UInt32>, _ prefix: String, _ count: Int) -> Column {
      .string(StringColumn(codes: codes, dictionary: (0..<count).map { "\(prefix)\($0)" }))
    }
    let modelNames =
      ["gpt-4o-mini", "gpt-4o", "o1-mini", "gpt-4.1", "o3"] + (5..<20).map { "model-\($0)" }
    return Frame(unchecked: [
      ("start_time", .time(TimeColumn(values: starts))),
      ("end_time", .time(TimeColumn(values: ends))),
      ("input_tokens", .int(IntColumn(values: input))),
      ("output_tokens", .int(IntColumn(values: output))),
      ("num_model_requests", .int(IntColumn(values: requests))),
      ("project_id", strings(projectCodes, "proj_", 40)),
      ("user_id", strings(userCodes, "user-", 300)),
      ("api_key_id", strings(keyCodes, "key_", 500)),
      ("model", .string(StringColumn(codes: modelCodes, dictionary: modelNames))),
      ("batch", .bool(BoolColumn(bits: batch))),
    ])
  }
}

extension Column {
  /// Bytes held by the column's buffers (values, codes, bitmaps; dictionaries approximated).
  var storageBytes: Int {
    let validityBytes = (validity?.words.count ?? 0) * 8
    switch self {
    case .int(let column), .time(let column): return column.values.count * 8 + validityBytes
    case .double(let column): return column.values.count * 8 + validityBytes
    case .bool(let column): return column.bits.words.count * 8 + validityBytes
    case .string(let column):
      return column.codes.count * 4 + column.dictionary.reduce(0) { $0 + $1.utf8.count + 16 }
        + validityBytes
    }
  }
}
