/// What the table view knows beyond the frame: money columns, how to fill hidden columns, bucket width.
public struct TableHints: Sendable, Equatable {
  /// Money columns: amount column → the column holding its currency code (`"amount": "currency"`).
  /// Applied only when both columns exist and the amount is numeric; then shown as `$1,234.56`.
  public var money: [String: String]
  /// For columns that may be all null: what fills them, e.g. `"project_id": "group=project_id"`.
  /// Named in the footnote when such a column is hidden. Hints of the form `group=X` are merged into
  /// one `group=X,Y`.
  public var fill: [String: String]
  /// The width of the frame's time buckets in seconds, if known; otherwise inferred from
  /// `end_time - start_time`. Used to mark the in-progress bucket.
  public var bucketSeconds: Int64?
  /// The currency of money columns whose currency column is gone (after `sum amount by …`);
  /// nil shows them as plain numbers.
  public var defaultCurrency: String?
  /// The currency of money columns known beyond the frame (column → code such as `eur`), for
  /// columns whose currency column is gone; shown as `€12.50`.
  public var currencies: [String: String] = [:]
  /// The columns the statement named (the last stage's first: its keys, aggregates, sort and
  /// filter columns), most wanted first. When the table is too wide for the terminal these stay
  /// and others leave first.
  public var preferred: [String]

  /// Hints; by default `amount` is money in `currency`, and nothing else is known.
  public init(
    money: [String: String] = ["amount": "currency"],
    fill: [String: String] = [:],
    bucketSeconds: Int64? = nil,
    defaultCurrency: String? = nil,
    preferred: [String] = []
  ) {
    self.money = money
    self.fill = fill
    self.bucketSeconds = bucketSeconds
    self.defaultCurrency = defaultCurrency
    self.preferred = preferred
  }

  /// Fill hints `group=C` for each of `columns` (the group keys of an endpoint).
  public static func groupFill(_ columns: [String]) -> [String: String] {
    Dictionary(uniqueKeysWithValues: columns.map { ($0, "group=\($0)") })
  }
}
