import USQBasics

/// Text that may hold ANSI SGR escapes (`ESC [ … m`): measured and cut by what is visible.
public enum ANSIText {
  /// `text` without escapes.
  public static func strip(_ text: String) -> String {
    guard text.contains("\u{1B}") else { return text }
    var out = ""
    var inEscape = false
    for character in text {
      if inEscape {
        if character == "m" { inEscape = false }
      } else if character == "\u{1B}" {
        inEscape = true
      } else {
        out.append(character)
      }
    }
    return out
  }

  /// The display width of what `text` shows, in columns.
  public static func width(_ text: String) -> Int { DisplayWidth.of(strip(text)) }

  /// `text` cut to `width` visible columns, escapes kept and a reset added when cut.
  static func truncate(_ text: String, to width: Int) -> String {
    guard ANSIText.width(text) > width else { return text }
    var out = ""
    var used = 0
    var inEscape = false
    for character in text {
      if inEscape {
        out.append(character)
        if character == "m" { inEscape = false }
        continue
      }
      if character == "\u{1B}" {
        inEscape = true
        out.append(character)
        continue
      }
      let next = DisplayWidth.of(character)
      if used + next > width { break }
      out.append(character)
      used += next
    }
    return text.contains("\u{1B}") ? out + "\u{1B}[0m" : out
  }
}

extension ANSIText {
  /// `text` with `reset` + the same colour again removed between neighbouring runs of one colour,
  /// so a bar of twenty coloured cells is one escape, not twenty.
  static func mergeRuns(_ text: String) -> String {
    guard text.contains("\u{1B}") else { return text }
    let reset = "\u{1B}[0m"
    var out = ""
    var open: String?  // the escape that started the current coloured run
    var index = text.startIndex
    while index < text.endIndex {
      if text[index...].hasPrefix(reset) {
        let afterReset = text.index(index, offsetBy: reset.count)
        if let open, text[afterReset...].hasPrefix(open) {
          index = text.index(afterReset, offsetBy: open.count)
          continue
        }
        out += reset
        open = nil
        index = afterReset
        continue
      }
      if text[index] == "\u{1B}", let end = text[index...].firstIndex(of: "m") {
        let escape = String(text[index...end])
        out += escape
        open = escape
        index = text.index(after: end)
        continue
      }
      out.append(text[index])
      index = text.index(after: index)
    }
    return out
  }
}
