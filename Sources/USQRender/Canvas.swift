/// A grid of cells that series draw points and lines on, then read back as text lines.
///
/// `BrailleCanvas` holds 2×4 dots per cell (Unicode only); `GlyphCanvas` one glyph per cell, so
/// series can differ by glyph without colour and in ASCII. Both keep, per cell, the series that
/// drew last, for colour.
protocol Canvas {
  /// Dots across and down.
  var dotWidth: Int { get }
  var dotHeight: Int { get }
  mutating func set(x: Int, y: Int, series: Int)
  func line(_ row: Int, style: Style) -> String
}

extension Canvas {
  /// Draws a straight line between two points in dot coordinates; `dotted` draws one dot in
  /// three (a partial or projected stretch), the two ends always.
  mutating func drawLine(
    from start: (Double, Double), to end: (Double, Double), series: Int, dotted: Bool = false
  ) {
    // At most a few canvases' worth of steps, whatever the input.
    let steps = min(
      4 * (dotWidth + dotHeight),
      Int(saturating: max(abs(end.0 - start.0), abs(end.1 - start.1)).rounded(.up)))
    guard steps > 0 else {
      set(
        x: Int(saturating: start.0.rounded()), y: Int(saturating: start.1.rounded()), series: series
      )
      return
    }
    for step in 0...steps where !dotted || step % 3 == 0 || step == steps {
      let t = Double(step) / Double(steps)
      let x = start.0 + (end.0 - start.0) * t
      let y = start.1 + (end.1 - start.1) * t
      set(x: Int(saturating: x.rounded()), y: Int(saturating: y.rounded()), series: series)
    }
  }
}

struct BrailleCanvas: Canvas {
  let columns: Int
  let rows: Int
  private var bits: [UInt8]
  private var owners: [Int]

  init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
    bits = Array(repeating: 0, count: columns * rows)
    owners = Array(repeating: -1, count: columns * rows)
  }

  var dotWidth: Int { columns * 2 }
  var dotHeight: Int { rows * 4 }

  /// Dot bit for (x mod 2, y mod 4), per the Unicode Braille pattern layout.
  private static let dotBits: [[UInt8]] = [
    [0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80],
  ]

  mutating func set(x: Int, y: Int, series: Int) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let cell = (y / 4) * columns + x / 2
    bits[cell] |= BrailleCanvas.dotBits[y % 4][x % 2]
    owners[cell] = series
  }

  func line(_ row: Int, style: Style) -> String {
    var out = ""
    for column in 0..<columns {
      let cell = row * columns + column
      guard bits[cell] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[cell])) else {
        out += " "
        continue
      }
      out += style.series(String(Character(scalar)), owners[cell])
    }
    return out
  }
}

struct GlyphCanvas: Canvas {
  let columns: Int
  let rows: Int
  private var owners: [Int]

  init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
    owners = Array(repeating: -1, count: columns * rows)
  }

  var dotWidth: Int { columns }
  var dotHeight: Int { rows }

  mutating func set(x: Int, y: Int, series: Int) {
    guard x >= 0, y >= 0, x < columns, y < rows else { return }
    owners[y * columns + x] = series
  }

  func line(_ row: Int, style: Style) -> String {
    var out = ""
    for column in 0..<columns {
      let owner = owners[row * columns + column]
      out += owner < 0 ? " " : style.series(style.seriesMark(owner), owner)
    }
    return out
  }
}
