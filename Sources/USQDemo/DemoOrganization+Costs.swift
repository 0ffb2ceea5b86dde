/// One invoice line of one stream over one bucket.
struct DemoLineItem {
  let name: String
  let unit: String
  let quantity: Double
  /// Picodollars (10⁻¹² USD).
  let picos: Int64
}

extension DemoOrganization {
  /// The invoice lines of `stream` for the usage `metrics` it had in [start, end).
  ///
  /// Costs follow from usage at list prices: tokens × price per token (batch and flex half,
  /// priority double), images × price per image, and so on. Moderation is free.
  func lineItems(_ stream: DemoStream, metrics: DemoMetrics, start: Int64, end: Int64) -> [DemoLineItem] {
    let model = stream.model.map { DemoModel.lineUp[$0] }
    let name = model?.name ?? ""
    func item(_ label: String, _ unit: String, _ quantity: Int64, _ price: Int64) -> DemoLineItem? {
      quantity > 0 ? DemoLineItem(name: label, unit: unit, quantity: Double(quantity), picos: quantity * price) : nil
    }
    switch stream.product {
    case .completions:
      guard let model else { return [] }
      return completionsItems(stream, model: model, metrics: metrics)
    case .embeddings:
      return [item("\(name), input", "tokens", metrics[1], model?.inputPrice ?? 0)].compactMap { $0 }
    case .moderations:
      return []
    case .images:
      let size = stream.value(.size) ?? ""
      return [item("\(name), \(size)", "images", metrics[1], DemoPrice.image(model: name, size: size))]
        .compactMap { $0 }
    case .audioSpeeches:
      return [item("\(name), characters", "characters", metrics[1], model?.inputPrice ?? 0)].compactMap { $0 }
    case .audioTranscriptions:
      return [item("\(name), audio", "duration_seconds", metrics[1], model?.inputPrice ?? 0)]
        .compactMap { $0 }
    case .codeInterpreterSessions:
      return [item("Code interpreter sessions", "sessions", metrics[0], DemoPrice.codeInterpreterSession)]
        .compactMap { $0 }
    case .fileSearchCalls:
      return [item("File search tool calls", "calls", metrics[0], DemoPrice.fileSearchCall)].compactMap { $0 }
    case .webSearchCalls:
      return [item("Web search tool calls", "calls", metrics[1], DemoPrice.webSearchCall)].compactMap { $0 }
    case .vectorStores:
      return storageItems(stream, start: start, end: end)
    }
  }

  private func completionsItems(_ stream: DemoStream, model: DemoModel, metrics: DemoMetrics) -> [DemoLineItem] {
    let isBatch = stream.value(.batch) == "true"
    let tier = stream.value(.serviceTier) ?? "default"
    let percent = DemoPrice.tierPercent(batch: isBatch, tier: tier)
    let suffix = isBatch ? " (batch)" : tier == "default" ? "" : " (\(tier))"
    let lines: [(String, Int64, Int64)] = [
      ("input", metrics[5] + metrics[7] + metrics[4], model.inputPrice),
      ("cached input", metrics[1] + metrics[2] + metrics[3], model.cachedPrice),
      ("audio input", metrics[6], model.audioInputPrice),
      ("output", metrics[8] + metrics[10], model.outputPrice),
      ("audio output", metrics[9], model.audioOutputPrice),
    ]
    return lines.compactMap { label, quantity, price in
      guard quantity > 0 else { return nil }
      return DemoLineItem(
        name: "\(model.name), \(label)\(suffix)", unit: "tokens", quantity: Double(quantity),
        picos: quantity * price * percent / 100)
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
        name: "Vector store storage", unit: "gibibyte_hours", quantity: gibibyteMinutes / 60, picos: picos)
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
        for item in lineItems(stream, metrics: usage, start: start, end: end) {
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
      ("amount", .object([("value", .number(DemoDecimal.dollars(picos: total.picos))), ("currency", .string("usd"))])),
      ("line_item", .optional(key[1])), ("project_id", .optional(key[0])),
      ("api_key_id", .optional(key[2])),
      ("quantity", byLineItem ? .number(DemoDecimal.quantity(total.quantity)) : .null),
      ("quantity_unit", byLineItem ? .optional(total.unit) : .null),
    ])
  }
}
