// usq-bench: release-mode benchmarks, one subcommand per area.
//
//   usq-bench frame [--rows N] [--runs N] [--query 1…4]   frame kernels on usage-like data (Q1–Q4)
//   usq-bench ingest DIR [--runs N] [--threads N]         API page files → one frame (PageScanner)
//   usq-bench query DIR [--runs N]                        the peers' q1–q4 as `read DIR | …` (read excluded)
//
// More subcommands (ingest, whole queries) plug into `commands` below.

let commands: [String: ([String]) -> Int32] = [
  "frame": FrameBenchmark.main,
  "ingest": IngestBenchmark.ingestMain,
  "query": IngestBenchmark.queryMain,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let command = commands[name] else {
  print("usage: usq-bench <\(commands.keys.sorted().joined(separator: "|"))> [options]")
  exitProcess(2)
}
exitProcess(command(Array(arguments.dropFirst())))
