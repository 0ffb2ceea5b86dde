import Foundation
import USQFrame
import USQOpenAI

/// `usq-bench ingest DIR` and `usq-bench query DIR`: API page files (gen_usage.py's
/// `data/<size>/pages`) → one frame, and the peers' q1–q4 on that frame.
///
/// Each prints human lines and one `RESULT op median_ms cpu_ms rows bytes peak_rss` line per
/// operation for `Scripts/bench`.
enum IngestBenchmark {
  struct Options {
    var directory = ""
    var runs = 5
    var threads = 2
    /// Also time decoding alone, with every file mapped and touched first (its peak memory
    /// then includes all the files).
    var decodeOnly = false
  }

  static func parse(_ arguments: [String], usage: String) -> Options? {
    var options = Options()
    var index = 0
    while index < arguments.count {
      let value = index + 1 < arguments.count ? Int(arguments[index + 1]) : nil
      switch (arguments[index], value) {
      case ("--runs", let count?):
        options.runs = max(1, count)
        index += 2
      case ("--threads", let count?):
        options.threads = max(1, count)
        index += 2
      case ("--decode-only", _):
        options.decodeOnly = true
        index += 1
      case (let argument, _) where !argument.hasPrefix("-") && options.directory.isEmpty:
        options.directory = argument
        index += 1
      default:
        print(usage)
        return nil
      }
    }
    guard !options.directory.isEmpty else {
      print(usage)
      return nil
    }
    return options
  }

  static func pageFiles(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter { $0.hasSuffix(".json") }.sorted().map { directory + "/" + $0 }
  }

  /// Maps the files and decodes them into one frame (both timed: the peers read files too).
  /// The decoder holds the only reference to each mapping and drops it once scanned.
  static func ingest(_ files: [String], threads: Int) throws -> Frame {
    try PageScanner.frame(documents: try mapped(files), endpoint: .completions, threads: threads)
  }

  static func mapped(_ files: [String]) throws -> [Data] {
    try files.map { try Data(contentsOf: URL(fileURLWithPath: $0), options: .alwaysMapped) }
  }

  static func ingestMain(_ arguments: [String]) -> Int32 {
    guard
      let options = parse(
        arguments, usage: "usage: usq-bench ingest DIR [--runs N] [--threads N] [--decode-only]")
    else { return 2 }
    do {
      let files = try pageFiles(options.directory)
      let bytes = try files.reduce(0) {
        $0 + (try FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int ?? 0)
      }
      var frame = Frame.empty
      let (wall, cpu) = try medianMilliseconds(runs: options.runs) {
        frame = Frame.empty
        frame = try ingest(files, threads: options.threads)
      }
      let ingestPeak = peakResidentBytes()
      if options.decodeOnly { try decodeOnly(files, bytes: bytes, options: options) }
      let requests = try frame.aggregate([Aggregate(.sum, "num_model_requests", as: "n")], by: [])
        .rows[0][0]
      let rate = Double(bytes) / (wall / 1_000) / 1e6
      let columnBytes = frame.columns.reduce(0) { $0 + $1.storageBytes }
      print(
        "ingest \(files.count) files, \(bytes / 1_000_000) MB: \(formatted(wall)) ms median of \(options.runs) (\(options.threads) threads, main-thread cpu \(formatted(cpu)) ms), \(formatted(rate, digits: 0)) MB/s, \(frame.rowCount) rows (\(frame.columnCount) columns, \(columnBytes / 1_048_576) MiB), sum num_model_requests \(requests), peak RSS \(ingestPeak / 1_048_576) MiB"
      )
      print(
        "RESULT ingest \(formatted(wall, digits: 2)) \(formatted(cpu, digits: 2)) \(frame.rowCount) \(bytes) \(ingestPeak)"
      )
    } catch {
      print("error: \(error)")
      return 1
    }
    return 0
  }

  /// Decoding alone: all files mapped and touched before the clock starts.
  static func decodeOnly(_ files: [String], bytes: Int, options: Options) throws {
    let documents = try mapped(files)
    var cpuTimes: [Double] = []
    let (decodeWall, _) = try medianMilliseconds(runs: options.runs) {
      let before = processCPUMilliseconds()
      blackHole(
        try PageScanner.frame(
          documents: documents, endpoint: .completions, threads: options.threads))
      cpuTimes.append(processCPUMilliseconds() - before)
    }
    let decodeCPU = cpuTimes.sorted()[cpuTimes.count / 2]
    print(
      "  decode only (files in memory): \(formatted(decodeWall)) ms median, process cpu \(formatted(decodeCPU)) ms (\(formatted(Double(bytes) / (decodeCPU / 1_000) / 1e6, digits: 0)) MB per cpu-second), \(formatted(Double(bytes) / (decodeWall / 1_000) / 1e6, digits: 0)) MB/s wall"
    )
  }

  /// User + system CPU time of the whole process (all threads), in milliseconds.
  static func processCPUMilliseconds() -> Double {
    var usage = rusage()
    #if canImport(Darwin)
    getrusage(RUSAGE_SELF, &usage)
    #else
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #endif
    let user = Double(usage.ru_utime.tv_sec) * 1_000 + Double(usage.ru_utime.tv_usec) / 1_000
    return user + Double(usage.ru_stime.tv_sec) * 1_000 + Double(usage.ru_stime.tv_usec) / 1_000
  }

  static func queryMain(_ arguments: [String]) -> Int32 {
    guard let options = parse(arguments, usage: "usage: usq-bench query DIR [--runs N]") else {
      return 2
    }
    do {
      keepFreedMemory()
      // The real path: `read DIR | …` — the stages are bound and optimized once the pages are
      // read (late binding); the time excludes `read`'s decoding (that is `ingest`).
      let runner = StatementRunner(dataSource: NoDataSource(threads: options.threads))
      let read = "read \(options.directory)"
      // The peers' q3 is one row per day of the model's interactive token sums.
      let queries = [
        ("q1", "\(read) | sum num_model_requests by project_id | top 5"),
        (
          "q2",
          "\(read) | sum input_tokens, output_tokens, num_model_requests by model, project_id"
        ),
        (
          "q3",
          "\(read) | where model = \"gpt-4o-mini-2024-07-18\" and batch = false | bucket day | sum input_tokens, output_tokens by start_time"
        ),
        ("q4", "\(read) | sum num_model_requests by project_id | other 5%"),
      ]
      for (name, statement) in queries {
        let (wall, cpu, result) = try runner.time(
          statement, runs: options.runs, excludingSource: true)
        // The stages of the last run alone (the rest is binding, late binding, optimizing).
        let stages = result.timings.dropFirst().reduce(0) { $0 + $1.seconds } * 1_000
        print(
          "\(name): \(formatted(wall, digits: 2)) ms median of \(options.runs) (stages of the last run \(formatted(stages, digits: 2)) ms; cpu \(formatted(cpu, digits: 2)) ms with read), \(result.frame.rowCount) result rows  [\(statement)]"
        )
        print(
          "RESULT \(name) \(formatted(wall, digits: 3)) \(formatted(cpu, digits: 3)) \(result.frame.rowCount) 0 \(peakResidentBytes())"
        )
      }
    } catch {
      print("error: \(error)")
      return 1
    }
    return 0
  }
}
