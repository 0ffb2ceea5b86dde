import USQBasics
import USQFrame

/// Column builders for `SpendData`.
struct UsageColumns {
  var starts = ContiguousArray<Int64>()
  var quantities: [ContiguousArray<Int64>] = Array(repeating: [], count: 10)
  var strings = Array(repeating: StringColumnBuilder(), count: 5)
  var batches: [Bool] = []

  static let quantityNames = [
    "input_tokens", "input_cached_tokens", "input_cache_write_tokens", "output_tokens",
    "input_text_tokens", "output_text_tokens", "input_audio_tokens", "output_audio_tokens",
    "input_image_tokens", "output_image_tokens",
  ]

  init(capacity: Int) {
    starts.reserveCapacity(capacity)
    for index in quantities.indices { quantities[index].reserveCapacity(capacity) }
    batches.reserveCapacity(capacity)
  }

  mutating func append(
    day: Int64, project: String, user: String, key: String, model: String, batch: Bool,
    tier: String, random: inout SeededGenerator
  ) {
    starts.append(day)
    let text = Int64(random.next() % 4_000)
    let cached = Int64(random.next() % 2_000)
    let write = Int64(random.next() % 100)
    let audioIn = random.next() % 8 == 0 ? Int64(random.next() % 500) : 0
    let image = random.next() % 10 == 0 ? Int64(random.next() % 300) : 0
    let output = Int64(random.next() % 1_500)
    let audioOut = audioIn > 0 ? Int64(random.next() % 400) : 0
    let values = [
      text + cached + write + audioIn + image, cached, write, output + audioOut, text, output,
      audioIn, audioOut, image, 0,
    ]
    for (index, value) in values.enumerated() { quantities[index].append(value) }
    for (index, value) in [project, user, key, model, tier].enumerated() {
      strings[index].append(value)
    }
    batches.append(batch)
  }

  func frame() -> Frame {
    var pairs: [(String, Column)] = [
      ("start_time", .time(TimeColumn(values: starts))),
      ("end_time", .time(TimeColumn(values: ContiguousArray(starts.lazy.map { $0 + 86_400 })))),
    ]
    for (name, values) in zip(Self.quantityNames, quantities) {
      pairs.append((name, .int(IntColumn(values: values))))
    }
    let names = ["project_id", "user_id", "api_key_id", "model"]
    for (name, builder) in zip(names, strings) { pairs.append((name, .string(builder.finish()))) }
    pairs.append(("batch", .bool(BoolColumn(bits: Bitmap(batches)))))
    pairs.append(("service_tier", .string(strings[4].finish())))
    return Frame(unchecked: pairs)
  }
}

/// Costs rows for `SpendData`.
struct CostColumns {
  var rows: [[Value]] = []

  mutating func append(day: Int64, project: String, item: String, amount: Double, quantity: Double)
  {
    rows.append([
      .time(day), .time(day + 86_400), .double(amount), .string("usd"), .string(item),
      .string(project), .double(quantity),
    ])
  }

  func frame() -> Frame {
    let columns: [(String, ColumnKind)] = [
      ("start_time", .time), ("end_time", .time), ("amount", .double), ("currency", .string),
      ("line_item", .string), ("project_id", .string), ("quantity", .double),
    ]
    return Frame(
      unchecked: columns.enumerated().map { index, column in
        (column.0, Column.from(rows.map { $0[index] }, kind: column.1))
      })
  }
}
