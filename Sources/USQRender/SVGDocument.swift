import Foundation
import USQBasics

/// A growing SVG body with a vertical cursor; `finish()` wraps it with the header and size.
struct SVGDocument {
  static let width = 800.0
  var body: [String] = []
  /// The y of the next element, in pixels.
  var cursor = 16.0
  /// Where the plot starts (below title and legend).
  var top = 16.0

  init(title: String?) {
    if let title, !title.isEmpty {
      text(title, x: SVGDocument.width / 2, y: 30, anchor: "middle", size: 18, weight: "600")
      cursor = 48
    }
    top = cursor
  }

  static func color(_ index: Int) -> String { Style.hexPalette[index % Style.hexPalette.count] }

  /// Light orange to dark red as `fraction` goes 0 → 1.
  static func heatColor(_ fraction: Double) -> String {
    let from = (254.0, 230.0, 206.0)
    let to = (166.0, 54.0, 3.0)
    let t = min(1, max(0, fraction))
    func channel(_ a: Double, _ b: Double) -> String {
      let value = Int(saturating: (a + (b - a) * t).rounded())
      let hex = String(value, radix: 16)
      return hex.count == 1 ? "0" + hex : hex
    }
    return "#" + channel(from.0, to.0) + channel(from.1, to.1) + channel(from.2, to.2)
  }

  /// `12.5`, `3` — one decimal at most, no trailing zero.
  static func number(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    guard rounded.isFinite, rounded.magnitude < 1e15 else { return "0" }
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }

  mutating func text(
    _ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
    fill: String = "#222", weight: String? = nil
  ) {
    let n = SVGDocument.number
    let anchorAttribute = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
    let weightAttribute = weight.map { " font-weight=\"\($0)\"" } ?? ""
    body.append(
      "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" fill=\"\(fill)\"\(anchorAttribute)\(weightAttribute)>"
        + SVGDocument.escape(content) + "</text>")
  }

  /// A filled rectangle; `isPartial` draws it lighter, with a dashed outline (a partial or
  /// projected bucket).
  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, isPartial: Bool = false
  ) {
    let n = SVGDocument.number
    let partial =
      isPartial
      ? " fill-opacity=\"0.35\" stroke=\"\(fill)\" stroke-width=\"1\" stroke-dasharray=\"3 2\"" : ""
    body.append(
      "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(height))\" fill=\"\(fill)\"\(partial)/>"
    )
  }

  mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String) {
    let n = SVGDocument.number
    body.append(
      "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\"/>"
    )
  }

  /// A line through `points`, split into solid and dashed runs: the segment from point `i` to
  /// `i + 1` is dashed when `dotted(i)` (a partial or projected bucket).
  mutating func polyline(
    _ points: [(Double, Double)], stroke: String, width: Double, dotted: (Int) -> Bool
  ) {
    var start = 0
    while start + 1 < points.count {
      let isDotted = dotted(start)
      var end = start + 1
      while end + 1 < points.count && dotted(end) == isDotted { end += 1 }
      polyline(Array(points[start...end]), stroke: stroke, width: width, dashed: isDotted)
      start = end
    }
    if points.count == 1 { polyline(points, stroke: stroke, width: width) }
  }

  mutating func polyline(
    _ points: [(Double, Double)], stroke: String, width: Double, dashed: Bool = false
  ) {
    guard !points.isEmpty else { return }
    let n = SVGDocument.number
    if points.count == 1 {
      body.append(
        "<circle cx=\"\(n(points[0].0))\" cy=\"\(n(points[0].1))\" r=\"3\" fill=\"\(stroke)\"/>")
      return
    }
    let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
    body.append(
      "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\" stroke-linejoin=\"round\"\(dashed ? " stroke-dasharray=\"2 4\" stroke-linecap=\"round\"" : "")/>"
    )
  }

  /// Grey notes under the chart, one line each; `sample` draws what the notes explain before
  /// the first (a dashed line, a light bar).
  mutating func notes(_ lines: [String], sample: NoteSample? = nil) {
    guard !lines.isEmpty else { return }
    cursor += 4
    var x = 20.0
    switch sample {
    case .dashedLine:
      polyline([(20, cursor + 8), (44, cursor + 8)], stroke: "#555", width: 2, dashed: true)
      x = 52
    case .lightBar:
      rect(x: 20, y: cursor + 2, width: 24, height: 12, fill: "#555", isPartial: true)
      x = 52
    case nil: break
    }
    for line in lines {
      text(line, x: x, y: cursor + 12, size: 11, fill: "#555")
      cursor += 18
    }
  }

  /// What a note explains, drawn before it.
  enum NoteSample { case dashedLine, lightBar }

  /// A pie sector from `start` to `end` (fractions of a turn, clockwise from twelve o'clock).
  mutating func sector(
    center: (x: Double, y: Double), radius: Double, from start: Double, to end: Double, fill: String
  ) {
    let n = SVGDocument.number
    if end - start >= 0.9999 {
      body.append(
        "<circle cx=\"\(n(center.x))\" cy=\"\(n(center.y))\" r=\"\(n(radius))\" fill=\"\(fill)\"/>")
      return
    }
    func point(_ fraction: Double) -> String {
      let angle = fraction * 2 * Double.pi
      return "\(n(center.x + radius * sin(angle))) \(n(center.y - radius * cos(angle)))"
    }
    let large = end - start > 0.5 ? 1 : 0
    body.append(
      "<path d=\"M \(n(center.x)) \(n(center.y)) L \(point(start)) A \(n(radius)) \(n(radius)) 0 \(large) 1 \(point(end)) Z\" fill=\"\(fill)\" stroke=\"#fff\" stroke-width=\"1\"/>"
    )
  }

  /// Swatches and names in a row (wrapping), at the cursor.
  mutating func legend(_ names: [String]) {
    var x = 20.0
    for (index, name) in names.enumerated() {
      let width = 24 + Double(DisplayWidth.of(name)) * 7.6 + 20
      if x + width > SVGDocument.width - 10 && x > 20 {
        x = 20
        cursor += 20
      }
      rect(x: x, y: cursor + 2, width: 12, height: 12, fill: SVGDocument.color(index))
      text(name, x: x + 18, y: cursor + 12)
      x += width
    }
    cursor += 28
    top = cursor
  }

  func finish() -> String {
    let height = SVGDocument.number(cursor + 10)
    let width = SVGDocument.number(SVGDocument.width)
    return """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" style="white-space: pre" \
      font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif">
      <rect width="100%" height="100%" fill="#ffffff"/>
      \(body.joined(separator: "\n"))
      </svg>

      """
  }
}
