import USQFrame
import USQLanguage
import USQVocabulary

/// The options of one `load`, checked against its endpoint; the `group_by` and pushed-down
/// filters are settled after the stages are bound (`LoadBinder.finish`).
struct LoadOptions {
  var endpoint: Endpoint
  var window: Window?
  var explicitGroup: [String]?
  var groupSpan: Span?
  var filters: [QueryFilter] = []
  var limit: Int?

  /// The time window of a usage or costs request.
  struct Window {
    var start: Int64
    var end: Int64?
    var width: USQVocabulary.BucketWidth
  }

  /// The option keys `load ENDPOINT` accepts.
  static func keys(for endpoint: Endpoint) -> [String] {
    guard endpoint.isBucketed else { return [] }
    var keys = ["days", "hours", "minutes", "since", "until", "bucket", "group", "limit"]
    for filter in endpoint.filters {
      keys.append(filter.optionName)
      if filter.apiName != filter.optionName { keys.append(filter.apiName) }
    }
    return keys
  }

  /// The schema `load` gives: `start_time`, `end_time`, then the fields (dimensions marked).
  static func schema(for endpoint: Endpoint, window: Window?, now: Int64) -> StageSchema {
    var columns: [ColumnInfo] = []
    if endpoint.isBucketed && endpoint.field(named: "start_time") == nil {
      columns.append(ColumnInfo(name: "start_time", kind: .time))
      columns.append(ColumnInfo(name: "end_time", kind: .time))
    }
    for field in endpoint.fields {
      columns.append(ColumnInfo(name: field.name, kind: field.kind, dimension: field.groupKey))
    }
    var schema = StageSchema(columns: columns)
    if let window {
      schema.window = window.start..<max(window.start + 1, window.end ?? now)
      schema.bucketWidth = window.width.timeBucket
    }
    return schema
  }
}
