import USQLanguage
import USQVocabulary

/// A bound `load spend`: the costs request, the usage requests it needs, and the group keys of
/// the result in the order written.
public struct SpendRequest: Sendable, Hashable {
  /// `costs` with `group_by=project_id,line_item`.
  public var costs: UsageQuery
  /// `completions` and `embeddings` with `group_by` = project, model, batch, service tier (where
  /// the endpoint has them) and the requested keys.
  public var usage: [UsageQuery]
  /// The `group=` keys in the order written (default `model`).
  public var groupKeys: [String]
  /// `spend` in `load spend`, for warnings found while it runs.
  public var span: Span

  /// Creates a request.
  public init(costs: UsageQuery, usage: [UsageQuery], groupKeys: [String], span: Span) {
    self.costs = costs
    self.usage = usage
    self.groupKeys = groupKeys
    self.span = span
  }

  /// Every request, costs first (what `explain` lists and the loader runs concurrently).
  public var requests: [UsageQuery] { [costs] + usage }
}
