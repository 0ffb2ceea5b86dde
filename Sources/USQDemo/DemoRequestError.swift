import Foundation
import USQOpenAI

/// An error answer in the API's shape: `{"error": {"message", "type", "param", "code"}}`.
struct DemoRequestError: Error, Sendable {
  let status: Int
  let message: String
  let type: String
  let param: String?
  let code: String?

  var body: DemoJSON {
    .object([
      (
        "error",
        .object([
          ("message", .string(message)), ("type", .string(type)), ("param", .optional(param)),
          ("code", .optional(code)),
        ])
      )
    ])
  }

  var response: HTTPResponse {
    HTTPResponse(
      status: status, headers: [HTTPHeader("Content-Type", "application/json")],
      body: Data(body.bytes))
  }

  static func invalid(_ message: String, param: String?, code: String? = "invalid_value") -> Self {
    DemoRequestError(
      status: 400, message: message, type: "invalid_request_error", param: param, code: code)
  }

  static func missing(_ param: String) -> Self {
    invalid(
      "Missing required parameter: '\(param)'.", param: param, code: "missing_required_parameter")
  }

  static func unknownParameter(_ param: String) -> Self {
    invalid("Unrecognized query parameter: '\(param)'.", param: param, code: "unknown_parameter")
  }

  static func notAnInteger(_ param: String, _ value: String) -> Self {
    invalid("Invalid value for '\(param)': expected an integer, got '\(value)'.", param: param)
  }

  static func notOneOf(_ param: String, _ value: String, allowed: [String]) -> Self {
    let list = allowed.map { "'\($0)'" }
    let text =
      list.count > 1
      ? list.dropLast().joined(separator: ", ") + " and " + (list.last ?? "") : list.joined()
    return invalid(
      "Invalid value for '\(param)': '\(value)'. Supported values are: \(text).", param: param)
  }

  static func notFound(method: String, path: String) -> Self {
    DemoRequestError(
      status: 404, message: "Invalid URL (\(method) /v1\(path))", type: "invalid_request_error",
      param: nil, code: nil)
  }

  static func objectNotFound(_ kind: String, _ id: String, param: String) -> Self {
    DemoRequestError(
      status: 404, message: "No \(kind) found with id '\(id)'.", type: "invalid_request_error",
      param: param, code: "not_found")
  }
}

/// The query of one request: values by name, `key[]` read as `key`.
struct DemoQuery: Sendable {
  private(set) var names: [String] = []
  private var values: [String: [String]] = [:]

  init(_ items: [QueryItem]) {
    for item in items {
      let name = item.name.hasSuffix("[]") ? String(item.name.dropLast(2)) : item.name
      if values[name] == nil { names.append(name) }
      values[name, default: []].append(item.value)
    }
  }

  func all(_ name: String) -> [String] { values[name] ?? [] }

  /// The single value of `name`; the last one wins if it is repeated.
  func value(_ name: String) -> String? { values[name]?.last }

  /// Fails for any parameter not in `allowed`.
  func check(allowed: [String]) throws(DemoRequestError) {
    for name in names where !allowed.contains(name) { throw .unknownParameter(name) }
  }

  func integer(_ name: String) throws(DemoRequestError) -> Int64? {
    guard let text = value(name) else { return nil }
    guard let number = Int64(text) else { throw .notAnInteger(name, text) }
    return number
  }

  /// A Unix time in seconds between 1970 and 3000 (milliseconds are refused, as is overflow).
  func time(_ name: String) throws(DemoRequestError) -> Int64? {
    guard let value = try integer(name) else { return nil }
    guard (0..<32_503_680_000).contains(value) else {
      throw .invalid(
        "Invalid value for '\(name)': \(value). It must be a Unix time in seconds.", param: name)
    }
    return value
  }

  func boolean(_ name: String) throws(DemoRequestError) -> Bool? {
    guard let text = value(name) else { return nil }
    switch text {
    case "true": return true
    case "false": return false
    default: throw .notOneOf(name, text, allowed: ["true", "false"])
    }
  }

  /// `limit` within 1…maximum, or `defaultValue` when absent.
  func limit(defaultValue: Int, maximum: Int, context: String = "") throws(DemoRequestError) -> Int
  {
    guard let number = try integer("limit") else { return defaultValue }
    guard number >= 1, number <= Int64(maximum) else {
      throw .invalid(
        "Invalid value for 'limit': \(number). It must be between 1 and \(maximum)\(context).",
        param: "limit")
    }
    return Int(number)
  }
}
