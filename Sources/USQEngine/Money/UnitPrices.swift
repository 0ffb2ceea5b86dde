import USQFrame

/// Unit prices learned from the organization's own bill: for each day and token line item,
/// `amount / quantity` (LANGUAGE.md contract v2, `price`).
///
/// A costs row whose line item does not parse, or whose quantity is null, zero or negative,
/// teaches nothing (it cannot give a price per token). Rows of one day and line item (several
/// projects) are summed before dividing.
struct UnitPrices {
  struct Key: Hashable {
    var model: String
    var tier: String
    var kind: LineItemKind
  }

  /// Each key's prices by day, days ascending (seconds since the epoch, UTC midnight).
  private(set) var series: [Key: [(day: Int64, price: Double)]] = [:]

  /// Learns from a costs frame (`start_time line_item amount quantity currency`).
  init(costs: Frame) {
    let items = SpendAttribution.parsedLineItems(costs["line_item"], rows: costs.rowCount)
    var totals: [Key: [Int64: (amount: Double, quantity: Double)]] = [:]
    for row in 0..<costs.rowCount {
      guard let item = items[row], case .time(let start)? = costs["start_time"]?[row],
        let amount = costs["amount"]?[row].doubleValue,
        let quantity = costs["quantity"]?[row].doubleValue, quantity > 0
      else { continue }
      let key = Key(model: item.model, tier: item.tier, kind: item.kind)
      let day = TimeBucket.day.floor(start)
      var total = totals[key, default: [:]][day] ?? (0, 0)
      total.amount += amount
      total.quantity += quantity
      totals[key, default: [:]][day] = total
    }
    for (key, days) in totals {
      series[key] = days.sorted { $0.key < $1.key }.map {
        ($0.key, $0.value.amount / $0.value.quantity)
      }
    }
  }

  /// The price of `key` on `day`, or on the nearest day that has one (the earlier on a tie);
  /// `nil` when the bill never priced it.
  func price(_ key: Key, day: Int64) -> Double? {
    guard let prices = series[key], !prices.isEmpty else { return nil }
    var low = 0
    var high = prices.count
    while low < high {
      let middle = (low + high) / 2
      if prices[middle].day < day { low = middle + 1 } else { high = middle }
    }
    if low < prices.count, prices[low].day == day { return prices[low].price }
    if low == 0 { return prices[0].price }
    if low == prices.count { return prices[low - 1].price }
    let before = prices[low - 1]
    let after = prices[low]
    return day - before.day <= after.day - day ? before.price : after.price
  }

  /// The first key among `keys` (a usage model's names) that has any price.
  func known(_ keys: [Key]) -> Key? { keys.first { series[$0] != nil } }
}
