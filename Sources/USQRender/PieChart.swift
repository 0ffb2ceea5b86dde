import Foundation
import USQBasics

/// A disc with one sector per label (rows summed by `by`, or by `x`), largest first clockwise from
/// twelve o'clock, beside a legend `label  12.3%  (1,234)`.
///
/// With colour and Unicode the disc is drawn in half blocks (two pixels per cell, so it looks
/// round); otherwise each cell takes its sector's glyph. Negative and null values are left out
/// and said so.
enum PieChart {
  struct Slice {
    var label: String
    var value: Double
  }

  static func draw(_ data: ChartData, area: ChartArea) throws(ChartError) -> [String] {
    guard data.frame.rowCount > 0 else {
      _ = try slices(data)
      return emptyChart("no rows", area: area)
    }
    let (slices, total, notes) = try slices(data)
    guard total > 0 else {
      return emptyChart("nothing to draw: the total is 0", area: area) + area.noteLines(notes)
    }
    return layout(slices: slices, total: total, area: area) + area.noteLines(notes)
  }

  /// Slices summed per label, largest first (past ten, the smallest fold into `other (N)`), their
  /// total, and notes about values left out.
  static func slices(_ data: ChartData) throws(ChartError) -> ([Slice], Double, [String]) {
    var labelColumn = try data.byName()
    if labelColumn == nil { labelColumn = try data.xName(preferTime: false) }
    // A pie of `share` (the `share` stage's percentages) draws the column the share came from
    // instead (the last other numeric column): the same percentages, and the legend's counts are
    // real counts rather than percentages of percentages.
    var y = try data.yNames(excluding: [labelColumn])[0]
    let others = data.frame.pairs.filter {
      $0.1.kind.isNumeric && $0.0 != labelColumn && $0.0 != "share"
    }
    if y == "share" && data.spec.y.count <= 1, let source = others.last?.0 { y = source }
    let values = data.numbers(y)
    var slices: [Slice] = []
    var skipped = 0
    for group in groupIndices(data.labels(labelColumn)) {
      let present = group.rows.compactMap { values[$0] }
      let sum = present.reduce(0, +)
      if present.isEmpty || sum < 0 {
        skipped += 1
      } else {
        slices.append(Slice(label: group.key, value: sum))
      }
    }
    slices = slices.enumerated().sorted { lhs, rhs in
      lhs.element.value != rhs.element.value
        ? lhs.element.value > rhs.element.value : lhs.offset < rhs.offset
    }.map(\.element)
    let total = slices.reduce(0) { $0 + $1.value }
    var notes: [String] = []
    if skipped > 0 {
      notes.append("\(skipped) null or negative \(skipped == 1 ? "value" : "values") left out")
    }
    if slices.count > Style.palette.count {
      let rest = slices[(Style.palette.count - 1)...]
      let folded = Slice(label: "other (\(rest.count))", value: rest.reduce(0) { $0 + $1.value })
      slices = Array(slices.prefix(Style.palette.count - 1)) + [folded]
    }
    return (slices, total, notes)
  }

  /// The legend beside the disc when both fit (labels of 12 columns or their full length, a disc
  /// of 12 columns or more); otherwise the disc with the legend below it.
  static func layout(slices: [Slice], total: Double, area: ChartArea) -> [String] {
    let longest = slices.map { DisplayWidth.of($0.label) }.max() ?? 0
    let besideRoom = area.width - legendFixedWidth(slices: slices, total: total) - 3 - 20
    guard besideRoom >= min(longest, 12) else {
      return below(slices: slices, total: total, area: area)
    }
    let legend = legendLines(slices: slices, total: total, area: area, labelRoom: besideRoom)
    let legendWidth = legend.map(ANSIText.width).max() ?? 0
    var rows = 10
    if let height = area.bodyHeight {
      rows = area.requestedHeight ? height : min(rows, height)
    }
    let beside = area.width - legendWidth - 3
    if beside >= 2 * 6 {
      rows = min(rows, beside / 2)
      let disc = discLines(slices: slices, total: total, rows: max(2, rows), style: area.style)
      return sideBySide(disc, legend, discWidth: 2 * max(2, rows))
    }
    return below(slices: slices, total: total, area: area)
  }

  private static func below(slices: [Slice], total: Double, area: ChartArea) -> [String] {
    let room = area.width - legendFixedWidth(slices: slices, total: total)
    let legend = legendLines(slices: slices, total: total, area: area, labelRoom: room)
    var rows = 10
    if let height = area.bodyHeight {
      rows = area.requestedHeight ? height : min(rows, height)
      rows = min(rows, max(2, height - legend.count))
    }
    rows = max(2, min(rows, area.width / 2))
    let disc = discLines(slices: slices, total: total, rows: rows, style: area.style)
    return disc.map { $0.replacingTrailingSpaces() } + legend
  }

  private static func sideBySide(_ disc: [String], _ legend: [String], discWidth: Int) -> [String] {
    let top = max(0, (disc.count - legend.count) / 2)
    let count = max(disc.count, top + legend.count)
    return (0..<count).map { row in
      let left = row < disc.count ? disc[row] : String(repeating: " ", count: discWidth)
      let index = row - top
      let right = index >= 0 && index < legend.count ? legend[index] : ""
      return (left + "   " + right).replacingTrailingSpaces()
    }
  }

  /// The sector of a point (x right, y down, both in -1…1), or nil outside the disc.
  private static func sector(x: Double, y: Double, bounds: [Double]) -> Int? {
    guard x * x + y * y <= 1 else { return nil }
    var angle = atan2(x, -y)
    if angle < 0 { angle += 2 * Double.pi }
    let fraction = angle / (2 * Double.pi)
    return bounds.firstIndex { fraction < $0 } ?? (bounds.count - 1)
  }

  /// A disc `rows` lines tall and `2 × rows` columns wide.
  static func discLines(slices: [Slice], total: Double, rows: Int, style: Style) -> [String] {
    var running = 0.0
    let bounds = slices.map { slice -> Double in
      running += slice.value
      return running / total
    }
    let columns = 2 * rows
    let halfBlocks = style.color && style.isUnicode
    let pixelRows = halfBlocks ? 2 * rows : rows
    func at(_ column: Int, _ pixelRow: Int) -> Int? {
      let x = (Double(column) + 0.5) / Double(columns) * 2 - 1
      let y = (Double(pixelRow) + 0.5) / Double(pixelRows) * 2 - 1
      return sector(x: x, y: y, bounds: bounds)
    }
    return (0..<rows).map { row in
      var line = ""
      for column in 0..<columns {
        if halfBlocks {
          line += halfBlock(top: at(column, 2 * row), bottom: at(column, 2 * row + 1))
        } else if let index = at(column, row) {
          line += style.series(style.seriesFill(index), index)
        } else {
          line += " "
        }
      }
      return line
    }
  }

  private static func halfBlock(top: Int?, bottom: Int?) -> String {
    let colors = Style.palette
    func code(_ index: Int) -> Int { colors[index % colors.count] }
    switch (top, bottom) {
    case (nil, nil): return " "
    case (let t?, nil): return "\u{1B}[38;5;\(code(t))m▀\u{1B}[0m"
    case (nil, let b?): return "\u{1B}[38;5;\(code(b))m▄\u{1B}[0m"
    case (let t?, let b?):
      if t == b { return "\u{1B}[38;5;\(code(t))m█\u{1B}[0m" }
      return "\u{1B}[38;5;\(code(t));48;5;\(code(b))m▀\u{1B}[0m"
    }
  }

  /// Swatch, label, percent and count: the columns besides the label.
  static func legendFixedWidth(slices: [Slice], total: Double) -> Int {
    let (percents, counts) = legendNumbers(slices: slices, total: total)
    return 3 + 2 + (percents.map(DisplayWidth.of).max() ?? 0) + 2
      + (counts.map(DisplayWidth.of).max() ?? 0)
  }

  private static func legendNumbers(slices: [Slice], total: Double) -> ([String], [String]) {
    let whole = slices.allSatisfy { $0.value == $0.value.rounded() && $0.value < 1e15 }
    let counts = slices.map {
      "("
        + (whole
          ? NumberFormatting.grouped(Int64($0.value))
          : NumberFormatting.fixed($0.value, decimals: 2)) + ")"
    }
    let percents = slices.map { slice -> String in
      let percent = slice.value / total * 100
      return percent > 0 && percent < 0.05
        ? "<0.1%" : NumberFormatting.fixed(percent, decimals: 1) + "%"
    }
    return (percents, counts)
  }

  /// `██ label   57.0%  (48,210)`, aligned, largest first; labels cut to `labelRoom` columns.
  static func legendLines(slices: [Slice], total: Double, area: ChartArea, labelRoom: Int)
    -> [String]
  {
    let (percents, counts) = legendNumbers(slices: slices, total: total)
    let countWidth = counts.map(DisplayWidth.of).max() ?? 0
    let percentWidth = percents.map(DisplayWidth.of).max() ?? 0
    let room = max(4, labelRoom)
    let labelWidth = min(slices.map { DisplayWidth.of($0.label) }.max() ?? 0, room)
    return slices.indices.map { index in
      let label = DisplayWidth.truncate(
        slices[index].label, to: labelWidth, ellipsis: area.style.ellipsis)
      return area.style.swatch(index) + " " + DisplayWidth.pad(label, to: labelWidth) + "  "
        + DisplayWidth.pad(percents[index], to: percentWidth, right: true) + "  "
        + DisplayWidth.pad(counts[index], to: countWidth, right: true)
    }
  }
}
