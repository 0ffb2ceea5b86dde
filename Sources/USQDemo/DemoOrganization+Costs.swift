/// One invoice line of one stream over one bucket.
struct DemoLineItem {
  let name: String
  let unit: String
  let quantity: Double
  /// Picodollars (10⁻¹² USD).
  let picos: Int64
}

/// How one stream is billed: a label, a unit, which metric slots count, and the price per unit.
struct DemoTariffLine: Sendable {
  let label: String
  let unit: String
  let slots: [Int]
  /// Picodollars per unit, batch/flex/priority already applied (exact: list prices are whole
  /// thousands of picodollars).
  let price: Int64
}

extension DemoOrganization {
  /// The invoice lines of `stream` (index `index`) for the usage `metrics` it had in [start, end).
  ///
  /// Costs follow from usage at list prices: tokens × price per token (batch and flex half,
  /// priority double), images × price per image, and so on. Moderation is free.
  func lineItems(_ index: Int, metrics: DemoMetrics, start: Int64, end: Int64) -> [DemoLineItem] {
    let stream = streams[index]
    if stream.product == .vectorStores { return storageItems(stream, start: start, end: end) }
    return tariffs[index].compactMap { line in
      let quantity = metrics.sum(line.slots)
      guard quantity > 0 else { return nil }
      return DemoLineItem(
        name: line.label, unit: line.unit, quantity: Double(quantity), picos: quantity * line.price)
    }
  }

  /// The tariff of `stream`, computed once when the organization is built.
  static func tariff(_ stream: DemoStream) -> [DemoTariffLine] {
    let model = stream.model.map { DemoModel.lineUp[$0] }
    let name = model?.name ?? ""
    let price = model?.inputPrice ?? 0
    switch stream.product {
    case .completions:
      guard let model else { return [] }
      return completionsTariff(stream, model: model)
    case .embeddings:
      return [DemoTariffLine(label: "\(name), input", unit: "tokens", slots: [1], price: price)]
    case .moderations, .vectorStores: return []
    case .images:
      let size = stream.value(.size) ?? ""
      return [
        DemoTariffLine(
          label: "\(name), \(size)", unit: "images", slots: [1],
          price: DemoPrice.image(model: name, size: size))
      ]
    case .audioSpeeches:
      return [
        DemoTariffLine(label: "\(name), characters", unit: "characters", slots: [1], price: price)
      ]
    case .audioTranscriptions:
      return [
        DemoTariffLine(label: "\(name), audio", unit: "duration_seconds", slots: [1], price: price)
      ]
    case .codeInterpreterSessions:
      return [
        DemoTariffLine(
          label: "Code interpreter sessions", unit: "sessions", slots: [0],
          price: DemoPrice.codeInterpreterSession)
      ]
    case .fileSearchCalls:
      return [
        DemoTariffLine(
          label: "File search tool calls", unit: "calls", slots: [0],
          price: DemoPrice.fileSearchCall)
      ]
    case .webSearchCalls:
      return [
        DemoTariffLine(
          label: "Web search tool calls", unit: "calls", slots: [1], price: DemoPrice.webSearchCall)
      ]
    }
  }

  private static func completionsTariff(_ stream: DemoStream, model: DemoModel) -> [DemoTariffLine]
  {
    let isBatch = stream.value(.batch) == "true"
    let tier = stream.value(.serviceTier) ?? "default"
    let percent = DemoPrice.tierPercent(batch: isBatch, tier: tier)
    // Both tier forms of the line-item grammar occur, as on real bills: the suffix
    // (`gpt-4o, input (batch)`, also flex) and the prefix (`priority | gpt-4o, input`).
    let suffix = isBatch ? " (batch)" : tier == "default" || tier == "priority" ? "" : " (\(tier))"
    let prefix = !isBatch && tier == "priority" ? "priority | " : ""
    let lines: [(String, [Int], Int64)] = [
      ("input", [4, 5, 7], model.inputPrice),
      ("cached input", [1, 2, 3], model.cachedPrice),
      ("audio input", [6], model.audioInputPrice),
      ("output", [8, 10], model.outputPrice),
      ("audio output", [9], model.audioOutputPrice),
    ]
    return lines.map { label, slots, price in
      DemoTariffLine(
        label: "\(prefix)\(model.name), \(label)\(suffix)", unit: "tokens", slots: slots,
        price: price * percent / 100)
    }
  }

  /// Vector storage billed per GiB and day, pro rata per minute of the bucket.
  private func storageItems(_ stream: DemoStream, start: Int64, end: Int64) -> [DemoLineItem] {
    let firstMinute = DemoCalendar.floor(start + 59, 60)
    let endMinute = DemoCalendar.floor(end + 59, 60)
    var byteMinutes: Double = 0
    var hour = DemoCalendar.floor(firstMinute, 60)
    while hour * 60 < endMinute {
      let minutes = min(endMinute, hour * 60 + 60) - max(firstMinute, hour * 60)
      byteMinutes += Double(hourMetrics(stream, hour: hour)[0]) * Double(minutes)
      hour += 1
    }
    guard byteMinutes > 0 else { return [] }
    let gibibyteMinutes = byteMinutes / 1_073_741_824
    let picos = Int64((gibibyteMinutes / 1_440 * DemoPrice.vectorStorageGiBDay).rounded())
    return [
      DemoLineItem(
        name: "Vector store storage", unit: "gibibyte_hours", quantity: gibibyteMinutes / 60,
        picos: picos)
    ]
  }

  /// Result rows of each costs bucket (`spans` already end at "now").
  func costRows(_ request: DemoBucketRequest, spans: [(Int64, Int64)]) -> [[DemoJSON]] {
    let selected = streams.indices.filter { passes(streams[$0], request.filters) }
    var caches = [DemoMinuteCache](repeating: DemoMinuteCache(), count: selected.count)
    let grouped = Set(request.groupBy)
    return spans.map { start, end in
      guard end > start else { return [] }
      var totals: [[String?]: (picos: Int64, quantity: Double, unit: String?)] = [:]
      for (slot, index) in selected.enumerated() {
        let stream = streams[index]
        let usage = metrics(stream, from: start, to: end, cache: &caches[slot])
        if usage.isZero, stream.product != .vectorStores { continue }
        for item in lineItems(index, metrics: usage, start: start, end: end) {
          let key: [String?] = [
            grouped.contains(.project) ? stream.value(.project) : nil,
            grouped.contains(.lineItem) ? item.name : nil,
            grouped.contains(.apiKey) ? stream.value(.apiKey) : nil,
          ]
          var total = totals[key] ?? (0, 0, item.unit)
          total.picos += item.picos
          total.quantity += item.quantity
          if total.unit != item.unit { total.unit = nil }
          totals[key] = total
        }
      }
      return totals.keys.sorted(by: Self.precedes).compactMap { key in
        totals[key].map { costRow(key: key, total: $0, byLineItem: grouped.contains(.lineItem)) }
      }
    }
  }

  private func costRow(
    key: [String?], total: (picos: Int64, quantity: Double, unit: String?), byLineItem: Bool
  ) -> DemoJSON {
    .object([
      ("object", .string("organization.costs.result")),
      (
        "amount",
        .object([
          ("value", .number(DemoDecimal.dollars(picos: total.picos))), ("currency", .string("usd")),
        ])
      ),
      ("line_item", .optional(key[1])), ("project_id", .optional(key[0])),
      ("api_key_id", .optional(key[2])),
      ("quantity", byLineItem ? .number(DemoDecimal.quantity(total.quantity)) : .null),
      ("quantity_unit", byLineItem ? .optional(total.unit) : .null),
    ])
  }
}
