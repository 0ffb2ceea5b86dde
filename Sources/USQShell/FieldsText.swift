import USQEngine

/// The text of `fields`.
enum FieldsText {
  static func endpoints(_ endpoints: [EndpointDescription]) -> String {
    let width = endpoints.map(\.name.count).max() ?? 0
    var lines = ["endpoints (`fields ENDPOINT` lists an endpoint's fields):"]
    for endpoint in endpoints {
      lines.append("  " + endpoint.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + endpoint.summary)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func fields(of endpoint: EndpointDescription, width: Int) -> String {
    var lines = ["\(endpoint.name): \(endpoint.summary)"]
    if !endpoint.groupKeys.isEmpty {
      lines.append("group keys: " + endpoint.groupKeys.joined(separator: ", "))
    }
    let nameWidth = max(10, (endpoint.fields.map(\.name.count).max() ?? 0))
    lines.append("")
    for field in endpoint.fields {
      let type = field.kind.rawValue + (field.isNullable ? "?" : "")
      let fill = field.groupKey.map { "  [group=\($0)]" } ?? ""
      lines.append(
        "  " + field.name.padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0)
          + type.padding(toLength: 9, withPad: " ", startingAt: 0) + field.meaning + fill)
    }
    lines.append("")
    lines.append("type? = may be null. `fields \(endpoint.name) FIELD` shows one field.")
    return lines.joined(separator: "\n") + "\n"
  }

  static func field(_ field: FieldDescription, of endpoint: EndpointDescription) -> String {
    var lines = ["\(endpoint.name).\(field.name)", "  type:     \(field.kind.rawValue)"]
    lines.append("  nullable: \(field.isNullable ? "yes" : "no")")
    if let key = field.groupKey {
      lines.append("  filled:   only with group=\(key) (null otherwise)")
    }
    lines.append("  meaning:  \(field.meaning)")
    return lines.joined(separator: "\n") + "\n"
  }
}

/// The text of `explain`.
enum ExplainText {
  static func render(_ plan: Plan, requests: [PlannedRequest]) -> String {
    var lines = ["plan:"]
    lines.append("  \(plan.source.verb)  → \(plan.sourceSchema.description)")
    for stage in plan.stages {
      lines.append("  | \(stage.verb)  → \(stage.schema.description)")
    }
    if !requests.isEmpty {
      lines.append("")
      lines.append("requests:")
      for request in requests {
        let query = request.parameters.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        var line = "  \(request.method) \(request.url)" + (query.isEmpty ? "" : "?" + query)
        if let pages = request.expectedPages { line += "  (\(pages) page\(pages == 1 ? "" : "s"))" }
        if let note = request.note { line += "  \(note)" }
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// The text of `help`.
enum HelpText {
  static func help(_ topic: String?, endpoints: [EndpointDescription]) -> String {
    """
    usq: load ENDPOINT [options] | stage | stage …
      sources:  load ENDPOINT · read PATH · from NAME · _
      stages:   where select drop rename derive sum avg min max count agg sort top head tail
                bucket fill share other pivot join names distinct
      output:   chart bar|stack|line|pie|spark|heat · export PATH
      commands: help fields describe explain set settings frames run cache history quit
      endpoints: \(endpoints.map(\.name).joined(separator: " "))
    example: load completions days=7 | sum num_model_requests by model

    """
  }
}
