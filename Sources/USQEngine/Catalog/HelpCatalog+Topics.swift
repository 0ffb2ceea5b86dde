extension HelpCatalog {
  /// The language topics: sources, expressions, windows, formats, scripts.
  static let languageTopics: [HelpTopic] = [
    HelpTopic(
      name: "load", kind: .language, usage: "load ENDPOINT [option=value …]",
      details: """
        Fetches every page of an endpoint's window into one frame: start_time, end_time, then the
        endpoint's fields. Options: days=N hours=N minutes=N (the N most recent units, the current
        one included; default days=7), since=T until=T (date, date-time or -7d), bucket=1m|1h|1d,
        group=a,b (see `fields ENDPOINT`), filters such as project= user= key= model= batch=,
        limit=N (buckets per page; default the API maximum). Without group=, the dimensions later
        stages use become the request's group_by.
        """,
      examples: [
        "load completions days=30 | sum input_tokens by model",
        "load costs since=2026-11-01 until=2026-11-15 group=line_item",
        "load completions hours=6 model=gpt-4o",
      ]),
    HelpTopic(
      name: "read", kind: .language, usage: "read PATH",
      details: """
        Reads CSV (with a header row), JSON (an API page, an array of pages, or an array of flat
        records) or NDJSON, inferring int, float, bool, timestamp and string columns. PATH may be a
        file, a folder (its .json, .ndjson and .csv files in name order) or a glob. API pages give
        exactly the frame `load` would have built. Any other extension (.svg, .parquet) is refused;
        an empty CSV is an error; a column with leading zeros (08123) stays text. A timestamp is
        ISO 8601 (2026-11-01, 2026-11-01 08:00:00, …T08:00:00.5+02:00; no zone = UTC; fractions
        dropped). A malformed file is an error naming the line (CSV) or byte (JSON) where it goes
        wrong.
        """,
      examples: ["read pages/*.json | sum input_tokens by model", "read usage.csv | head 5"]),
    HelpTopic(
      name: "from", aliases: ["_", "let"], kind: .language,
      usage: "from NAME · _ · let NAME = PIPELINE",
      details: """
        `let NAME = …` stores a result instead of printing it; `from NAME` starts from it. `_` is
        the last result, and a line starting with `|` continues it.
        """,
      examples: [
        "let daily = load completions days=14 | sum input_tokens by start_time",
        "from daily | top 3", "_ | head 1",
      ]),
    HelpTopic(
      name: "expressions", aliases: ["functions"], kind: .language,
      usage: "where EXPR · derive NAME = EXPR",
      details: """
        Columns, literals (42, 2.5, 5%, 90m, 2026-11-01, "text"), + - * / (division gives a float;
        by zero gives null), = == != < <= > >=, and or not, C in (v, …), C ~ "glob*", C is null,
        C is not null. Functions: day week month hour (floor a timestamp), date (to YYYY-MM-DD),
        round(x[, n]), coalesce(a, b, …), lower, upper. A bare word that is not a column is a
        string; write `a - b` with blanks (a-b is one word). Beside a time, -3d means 3 days before
        now (as in since=); a number or a positive duration beside a time is an error. An
        expression holds at most 1000 operators on one path (a + b + c is two): use `in (…)` for
        many values, or several derive steps.
        """,
      examples: [
        "load completions | where model in (gpt-4o, o1) and input_tokens > 1000",
        "load completions days=10 | where start_time > -3d | count",
        "load completions | derive total = input_tokens + output_tokens, day = date(start_time)",
      ]),
    HelpTopic(
      name: "windows", kind: .language, usage: "days=N · hours=N · minutes=N · since=T · until=T",
      details: """
        days=N is the N most recent days, today included: start_time = today 00:00 UTC minus N−1
        days, with no end_time. hours=N implies bucket=1h and minutes=N bucket=1m. since and until
        take 2026-11-01, 2026-11-01T08:00, 2026-11-01T08:00+02:00 or -7d / -36h. No window means
        days=7. The bucket still in progress ends at now. Nothing starts before 2020-01-01 (the
        API holds no earlier usage): a longer days=/hours=/minutes= is an error giving the
        largest allowed today, and a since= in the future warns that the window is empty.
        """,
      examples: [
        "load completions hours=24 | chart line y=num_model_requests",
        "load completions since=-36h bucket=1h",
      ]),
    HelpTopic(
      name: "formats", kind: .language, usage: "set format=table|csv|json|ndjson|md · export PATH",
      details: """
        csv: RFC 4180 with a header; timestamps ISO 8601 UTC; null as an empty field. json: one
        array of objects in column order; ndjson: one object per line; md: a Markdown table.
        With a non-table format a chart stage is ignored and the frame is written instead.
        """,
      examples: [
        "set format=csv", "load completions | sum input_tokens by model | export tokens.md",
      ]),
    HelpTopic(
      name: "scripts", kind: .language, usage: "usq run FILE.usq [NAME=VALUE …]",
      details: """
        One statement per line; a line starting with `|` continues the one above; `#` comments.
        `param NAME = DEFAULT` declares a parameter and `$NAME` uses it. A script stops at its
        first error with FILE:LINE:COL. A failed `assert` stops it with exit code 4; with
        `usq run FILE --quiet` nothing else is printed, so cron mails only when a line is crossed.
        """,
      examples: ["run report.usq days=30"]),
  ]

  /// The shell commands.
  static let commandTopics: [HelpTopic] = [
    HelpTopic(
      name: "help", kind: .command, usage: "help [TOPIC]",
      details: "The language, a stage, an endpoint, a setting or a command, with examples.",
      examples: ["help", "help sum", "help completions"]),
    HelpTopic(
      name: "fields", kind: .command, usage: "fields [ENDPOINT [FIELD]]",
      details: "Every field of an endpoint: type, nullability, meaning, and which group= fills it.",
      examples: ["fields", "fields completions", "fields costs amount"]),
    HelpTopic(
      name: "describe", kind: .command, usage: "describe [NAME]",
      details:
        "The columns of a stored frame (`_` by default): type, nulls, distinct count, min, max, sum.",
      examples: ["describe", "describe daily"]),
    HelpTopic(
      name: "explain", kind: .command, usage: "explain PIPELINE",
      details:
        "The optimized plan stage by stage (what runs at the API, what runs here, the columns\neach stage reads and has after it, fused stages) and every HTTP request it would make,\nkey redacted. Nothing is fetched. After `read`, stages are checked when it runs.",
      examples: [
        "explain load completions days=30 | where model = gpt-4o | sum input_tokens by model"
      ]),
    HelpTopic(
      name: "set", aliases: ["settings"], kind: .command, usage: "set NAME=VALUE · settings",
      details: "Changes a setting; `settings` lists them all. See `help timer`, `help format`, ….",
      examples: ["set tz=local", "set rows=50", "settings"]),
    HelpTopic(
      name: "frames", kind: .command, usage: "frames",
      details: "The stored frames with their sizes.", examples: ["frames"]),
    HelpTopic(
      name: "run", kind: .command, usage: "run FILE [NAME=VALUE …]",
      details: "Runs a script; see `help scripts`.", examples: ["run report.usq days=7"]),
    HelpTopic(
      name: "cache", kind: .command, usage: "cache info|clear · set cache=on|off",
      details: "The local cache of fetched pages (only buckets that had ended are reused).",
      examples: ["cache info", "cache clear", "set cache=off"]),
    HelpTopic(
      name: "history", kind: .command, usage: "history", details: "The statements typed so far.",
      examples: ["history"]),
    HelpTopic(
      name: "quit", aliases: ["exit"], kind: .command, usage: "quit · exit · Ctrl-D",
      details: "Leaves the shell.", examples: ["quit"]),
    HelpTopic(
      name: "watch", kind: .command, usage: "watch [every=DURATION] PIPELINE",
      details: """
        Shows the pipeline's table or chart in the terminal's alternate screen and runs it again
        every DURATION (default 60s, at least 10s), redrawn in place under a status line: the
        time of the last refresh, a countdown, and the requests the refresh made. Only buckets
        that were not final are fetched again (a bucket is final 2 hours after it ended).
        `q` or Ctrl-C returns to the prompt with the last result as `_`; a resize redraws.
        Not available in scripts (use `assert` there).
        Test hook: with USQ_NOW set, USQ_NOW_STEP=DURATION moves "now" forward by DURATION before
        each refresh after the first.
        """,
      examples: [
        "watch every=30s load costs days=1 | sum amount by line_item | top 5",
        "watch load completions hours=6 | chart line y=num_model_requests",
      ]),
  ]

  /// The settings of `set NAME=VALUE` (`cache` is under the command of that name).
  static let settingTopics: [HelpTopic] = [
    setting(
      "source", "demo|api",
      "Where data comes from: the built-in demo organization or the real API.", "set source=demo"),
    setting(
      "tz", "UTC|local|±HH:MM|Area/City",
      "The time zone tables and charts show timestamps in, and in which `bucket day` (hour, week,\nmonth) starts its buckets: an IANA name such as Europe/Berlin follows daylight saving, so\nsuch a day is 23 or 25 hours long. The data stays UTC.",
      "set tz=Europe/Berlin"),
    setting("width", "auto|N", "The output width in columns.", "set width=100"),
    setting(
      "color", "auto|always|never", "Colour; NO_COLOR and never turn it off.", "set color=never"),
    setting(
      "format", "table|csv|json|ndjson|md", "How results are printed; see `help formats`.",
      "set format=json"),
    setting("rows", "N", "The most rows a table shows before `… N more rows`.", "set rows=20"),
    setting("concurrency", "N", "How many pages are fetched at once.", "set concurrency=4"),
    setting("charset", "unicode|ascii", "The glyphs of tables and charts.", "set charset=ascii"),
    setting(
      "timer", "on|off",
      "After each statement, one line on stderr:\ntime: load 812.4 ms · sum 9.1 ms · top 0.1 ms · total 823.0 ms",
      "set timer=on"),
    setting(
      "report", "PATH.html|off",
      """
      Records what follows into one self-contained HTML page, rewritten after each statement:
      each statement that printed, with its source line, its table (the terminal's formatting),
      its chart (the SVG of `export x.svg`), its warnings and its error. No network: styles and
      charts are inline; light and dark mode; printable. `off` stops. For a script:
      usq run weekly.usq --report weekly.html
      """,
      "set report=off"),
  ]

  private static func setting(
    _ name: String, _ values: String, _ details: String, _ example: String
  ) -> HelpTopic {
    HelpTopic(
      name: name, kind: .setting, usage: "set \(name)=\(values)", details: details,
      examples: [example])
  }
}
