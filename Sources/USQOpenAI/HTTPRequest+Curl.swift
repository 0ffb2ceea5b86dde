import Foundation

extension HTTPRequest {
  /// A `curl` command for this request, the key written as `$OPENAI_ADMIN_KEY` (never the key).
  ///
  /// ```
  /// curl -sS 'https://api.openai.com/v1/organization/costs?start_time=1748736000&bucket_width=1d&limit=180' \
  ///   -H "Authorization: Bearer $OPENAI_ADMIN_KEY"
  /// ```
  public var curlCommand: String {
    let quoted = "'" + url.replacingOccurrences(of: "'", with: "'\\''") + "'"
    return "curl -sS \(quoted) -H \"Authorization: Bearer $OPENAI_ADMIN_KEY\""
  }

  /// This request with the `Authorization` header's key replaced by `$OPENAI_ADMIN_KEY`.
  public var redacted: HTTPRequest {
    var copy = self
    copy.headers = headers.map { header in
      header.name.lowercased() == "authorization"
        ? HTTPHeader(header.name, "Bearer $OPENAI_ADMIN_KEY") : header
    }
    return copy
  }
}
