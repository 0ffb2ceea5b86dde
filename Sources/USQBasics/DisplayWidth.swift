/// Terminal display width of text, in columns.
///
/// East Asian Wide and Fullwidth characters and emoji take two columns; combining marks, zero-width
/// joiners and variation selectors take none; everything else takes one. Measured per grapheme
/// cluster, so `é` written as `e` + U+0301 and a family emoji joined by ZWJ are measured as one glyph.
public enum DisplayWidth {
  /// The display width of `text`, in columns.
  public static func of(_ text: some StringProtocol) -> Int {
    var total = 0
    for character in text { total += of(character) }
    return total
  }

  /// The display width of one grapheme cluster: 0, 1 or 2 columns.
  public static func of(_ character: Character) -> Int {
    if character.isASCII {
      return character.asciiValue.map { $0 >= 0x20 && $0 != 0x7F ? 1 : 0 } ?? 1
    }
    var width = 0
    for scalar in character.unicodeScalars {
      if scalar.value == 0xFE0F { return 2 }  // emoji presentation selector
      width = max(width, of(scalar))
    }
    return width
  }

  /// The display width of one scalar taken alone.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    // Hangul jamo medial vowels and final consonants join the syllable before them.
    if (0x1160...0x11FF).contains(value) { return 0 }
    if scalar.properties.isEmojiPresentation || isWide(value) { return 2 }
    return 1
  }

  /// East Asian Wide (W) and Fullwidth (F) ranges.
  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
      0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
      0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// `text` cut to at most `width` columns, ending in `ellipsis` when something was cut.
  ///
  /// A wide character that would straddle the limit is dropped, so the result may be one column
  /// narrower than `width`.
  public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if of(text) <= width { return text }
    let mark = of(ellipsis) <= width ? ellipsis : ""
    let room = width - of(mark)
    var result = ""
    var used = 0
    for character in text {
      let next = of(character)
      if used + next > room { break }
      result.append(character)
      used += next
    }
    return result + mark
  }

  /// `text` padded with spaces to `width` columns (left-aligned, or right-aligned when `right`).
  public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let gap = max(0, width - of(text))
    let spaces = String(repeating: " ", count: gap)
    return right ? spaces + text : text + spaces
  }

  /// `text` centred in `width` columns (extra space goes right).
  public static func center(_ text: String, in width: Int) -> String {
    let gap = max(0, width - of(text))
    return String(repeating: " ", count: gap / 2) + text
      + String(repeating: " ", count: gap - gap / 2)
  }
}

extension DisplayWidth {
  /// `text` broken at spaces into lines of at most `width` columns (a longer word is cut into pieces).
  public static func wrap(_ text: String, to width: Int, indent: String = "  ") -> [String] {
    let width = max(1, width)
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
      let candidate = current.isEmpty ? word : current + " " + word
      if of(candidate) <= width {
        current = candidate
        continue
      }
      // A list written without blanks (`group=a,b,c`) that no line could hold starts on this
      // line and breaks after its commas.
      if !current.isEmpty, of(indent + word) > width,
        let comma = lastComma(in: candidate, fitting: width, after: of(current) + 1)
      {
        lines.append(String(candidate[...comma]))
        current = indent + candidate[candidate.index(after: comma)...]
      } else {
        if !current.isEmpty { lines.append(current) }
        current = (lines.isEmpty ? "" : indent) + word
      }
      while of(current) > width,
        let comma = lastComma(in: current, fitting: width, after: of(indent))
      {
        lines.append(String(current[...comma]))
        current = indent + current[current.index(after: comma)...]
      }
      while of(current) > width {
        let head = truncate(current, to: width, ellipsis: "")
        lines.append(head)
        current = indent + String(current.dropFirst(head.count))
        if of(indent) >= width { current = String(current.dropFirst(indent.count)) }
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// The last `,` of `text` that ends a prefix at most `width` columns wide and more than
  /// `skipped` + 1 wide (so the line it ends holds text of its own).
  private static func lastComma(in text: String, fitting width: Int, after skipped: Int)
    -> String.Index?
  {
    var used = 0
    var found: String.Index?
    for index in text.indices {
      used += of(text[index])
      if used > width { break }
      if text[index] == ",", used > skipped + 1, text.index(after: index) != text.endIndex {
        found = index
      }
    }
    return found
  }
}
