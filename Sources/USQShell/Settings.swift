import Foundation
import USQRender

/// The session's settings, changed with `set NAME=VALUE` and listed by `settings`.
public struct Settings: Sendable, Equatable {
  /// Where `load` gets data.
  public enum Source: String, Sendable, CaseIterable { case demo, api }
  /// When to colour output.
  public enum ColorMode: String, Sendable, CaseIterable { case auto, always, never }
  /// How results are written.
  public enum Format: String, Sendable, CaseIterable { case table, csv, json, ndjson, md }

  public var source: Source = .demo
  /// `UTC`, `local` or `±HH:MM`, as written.
  public var timeZone: String = "UTC"
  /// nil = the terminal's width.
  public var width: Int?
  public var color: ColorMode = .auto
  public var format: Format = .table
  public var rows: Int = 40
  public var cache: Bool = true
  public var concurrency: Int = 4
  public var charset: Charset = .unicode
  public var timer: Bool = false
  /// The HTML report being written (`set report=PATH`), nil when off.
  public var report: String?

  public init() {}

  /// Every setting's name, in the order `settings` lists them.
  public static let names = [
    "source", "tz", "width", "color", "format", "rows", "cache", "concurrency", "charset", "timer",
    "report",
  ]

  /// What each setting accepts, for messages and `help`.
  public static func accepted(_ name: String) -> String {
    switch name {
    case "source": "demo or api"
    case "tz": "UTC, local, ±HH:MM or an IANA zone such as Europe/Berlin"
    case "width": "auto or a number of columns (20–1000)"
    case "color": "auto, always or never"
    case "format": "table, csv, json, ndjson or md"
    case "rows": "a number of rows (1–100000)"
    case "cache", "timer": "on or off"
    case "concurrency": "a number of requests in flight (1–16)"
    case "charset": "unicode or ascii"
    case "report": "a path to an .html file, or off"
    default: ""
    }
  }

  /// The current value of `name`, as `set` would write it.
  public func value(of name: String) -> String? {
    switch name {
    case "source": source.rawValue
    case "tz": timeZone
    case "width": width.map(String.init) ?? "auto"
    case "color": color.rawValue
    case "format": format.rawValue
    case "rows": String(rows)
    case "cache": cache ? "on" : "off"
    case "concurrency": String(concurrency)
    case "charset": charset.rawValue
    case "timer": timer ? "on" : "off"
    case "report": report ?? "off"
    default: nil
    }
  }

  /// Sets `name` to `value`; returns what would be right when either is wrong.
  public mutating func set(_ name: String, to value: String) -> SettingError? {
    guard Self.names.contains(name) else { return .unknownSetting(name) }
    let invalid = SettingError.invalidValue(name: name, value: value, accepted: Self.accepted(name))
    switch name {
    case "source":
      guard let parsed = Source(rawValue: value) else { return invalid }
      source = parsed
    case "tz":
      guard Self.parseTimeZone(value) != nil else { return invalid }
      timeZone = value
    case "width":
      if value == "auto" {
        width = nil
        return nil
      }
      guard let number = Int(value), (20...1000).contains(number) else { return invalid }
      width = number
    case "color":
      guard let parsed = ColorMode(rawValue: value) else { return invalid }
      color = parsed
    case "format":
      guard let parsed = Format(rawValue: value) else { return invalid }
      format = parsed
    case "rows":
      guard let number = Int(value), (1...100_000).contains(number) else { return invalid }
      rows = number
    case "cache":
      guard let flag = Self.onOff(value) else { return invalid }
      cache = flag
    case "concurrency":
      guard let number = Int(value), (1...16).contains(number) else { return invalid }
      concurrency = number
    case "charset":
      guard let parsed = Charset(rawValue: value) else { return invalid }
      charset = parsed
    case "timer":
      guard let flag = Self.onOff(value) else { return invalid }
      timer = flag
    case "report":
      // The session checks the folder and starts recording; here the value is only kept.
      report = value == "off" ? nil : value
    default: return .unknownSetting(name)
    }
    return nil
  }

  /// The render time zone for `tz`: `UTC`, `local`, `±HH:MM` or an IANA name
  /// (`Europe/Berlin`, `America/New_York`: its daylight-saving rules apply).
  public static func parseTimeZone(_ text: String) -> RenderTimeZone? {
    switch text.lowercased() {
    case "utc", "z": return .utc
    case "local": return .zone(.current)
    default: break
    }
    if text.contains("/"), TimeZone.knownTimeZoneIdentifiers.contains(text),
      let zone = TimeZone(identifier: text)
    {
      return .zone(zone)
    }
    let scalars = Array(text.utf8)
    guard scalars.count == 6, scalars[0] == UInt8(ascii: "+") || scalars[0] == UInt8(ascii: "-"),
      scalars[3] == UInt8(ascii: ":"), let hours = Int(text.dropFirst().prefix(2)),
      let minutes = Int(text.suffix(2)), hours <= 14, minutes < 60
    else { return nil }
    let seconds = hours * 3600 + minutes * 60
    return .fixed(seconds: scalars[0] == UInt8(ascii: "-") ? -seconds : seconds)
  }

  private static func onOff(_ value: String) -> Bool? {
    switch value {
    case "on", "true": true
    case "off", "false": false
    default: nil
    }
  }
}

/// A `set` that cannot be applied.
public enum SettingError: Error, Equatable, Sendable {
  /// No setting has this name. Run `settings` to list them.
  case unknownSetting(String)
  /// The value is not one the setting accepts; `accepted` says what is.
  case invalidValue(name: String, value: String, accepted: String)
}
