import USQEngine
import USQFrame
import USQLanguage
import USQRender

extension Session {
  /// `fields [ENDPOINT [FIELD]]`.
  func fields(_ endpointName: Name?, _ fieldName: Name?, source: SourceFile, origin: Origin) -> Outcome {
    let endpoints = configuration.endpoints
    guard let endpointName else {
      console.out(FieldsText.endpoints(endpoints))
      return .ok
    }
    guard let endpoint = endpoints.first(where: { $0.name == endpointName.text }) else {
      let help = DidYouMean.help(for: endpointName.text, among: endpoints.map(\.name))
        ?? "endpoints are " + endpoints.map(\.name).joined(separator: ", ")
      report([.error("fields.unknown-endpoint", "unknown endpoint '\(endpointName.text)'", at: endpointName.span, label: "not an endpoint", help: help)], in: source, origin: origin)
      return .failed(exitCode: 1)
    }
    guard let fieldName else {
      console.out(FieldsText.fields(of: endpoint, width: renderOptions().width))
      return .ok
    }
    guard let field = endpoint.field(fieldName.text) else {
      let names = endpoint.fields.map(\.name)
      let help = DidYouMean.help(for: fieldName.text, among: names)
        ?? "fields of \(endpoint.name): " + names.joined(separator: ", ")
      report([.error("fields.unknown-field", "'\(endpoint.name)' has no field '\(fieldName.text)'", at: fieldName.span, label: "not a field of \(endpoint.name)", help: help)], in: source, origin: origin)
      return .failed(exitCode: 1)
    }
    console.out(FieldsText.field(field, of: endpoint))
    return .ok
  }

  /// `explain PIPELINE`: the plan with the schema after each stage, and the HTTP requests.
  func explain(_ pipeline: PipelineSyntax, source: SourceFile, origin: Origin) -> Outcome {
    let (plan, diagnostics) = Binder(environment: environment(origin: origin)).bind(pipeline)
    report(diagnostics, in: source, origin: origin)
    guard let plan else { return .failed(exitCode: 1) }
    console.out(ExplainText.render(plan, requests: plannedRequests(plan)))
    return .ok
  }

  private func plannedRequests(_ plan: Plan) -> [PlannedRequest] {
    guard case .load(let request, _) = plan.source else { return [] }
    return dataSource.plannedRequests(request)
  }
}
