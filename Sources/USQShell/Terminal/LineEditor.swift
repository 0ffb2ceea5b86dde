import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a `LineEditor` could not start.
public struct LineEditorError: Error, Equatable, Sendable, CustomStringConvertible {
  public var operation: String
  public var errno: Int32
  public var description: String { "line editor: \(operation) failed (errno \(errno))" }
}

/// The interactive line editor: libedit with emacs keys, history, Tab completion and Ctrl-C
/// cancelling the line. Use it only when stdin is a terminal (`TerminalFacts.stdinIsTTY`).
///
/// Keys: emacs bindings; Up/Down walk the history; Ctrl-R searches it; Tab completes (a second
/// Tab lists the candidates); Ctrl-L clears the screen; Ctrl-C drops the line; Ctrl-D on an empty
/// line ends; Ctrl-Z suspends.
///
/// Not thread-safe: use one editor from one task at a time (the REPL does).
public final class LineEditor: LineReader {
  public struct Options: Sendable {
    public var prompt: String
    public var continuationPrompt: String
    /// The history file (see `HistoryPath.resolve`); nil keeps history in memory only.
    public var historyPath: String?
    public var historySize: Int
    /// Texts no history line may contain: the configured admin key, which may not look like a
    /// key at all (`sk-admin-test`), so `KeyMaterial`'s shape test alone would let it through.
    public var secrets: [String] = []
    /// Terminal columns for the completion listing when the window size cannot be read.
    public var fallbackWidth: Int

    public init(
      prompt: String = "usq> ", continuationPrompt: String = "...> ", historyPath: String?,
      historySize: Int = 1000, fallbackWidth: Int = 80
    ) {
      self.prompt = prompt
      self.continuationPrompt = continuationPrompt
      self.historyPath = historyPath
      self.historySize = historySize
      self.fallbackWidth = fallbackWidth
    }
  }

  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private let options: Options
  private let primaryPrompt: UnsafeMutablePointer<CChar>
  private let continuationPrompt: UnsafeMutablePointer<CChar>
  private var showsContinuation = false
  private var cancelRequested = false
  private var completion: any CompletionSource = NoCompletion()
  private var lastTab: (line: String, cursor: Int)?
  private var unsaved = false
  /// Why the history file could not be loaded or saved, if it could not (errno).
  public private(set) var historyError: Int32?

  /// Starts libedit on stdin/stdout/stderr and loads the history file if it exists.
  public init(options: Options) throws(LineEditorError) {
    _ = usq_locale_setup()
    var error: Int32 = 0
    _ = usq_terminal_guard_install(&error)
    guard let editLine = usq_el_init("usq", &error) else {
      throw LineEditorError(operation: "el_init", errno: error)
    }
    guard let history = usq_history_init() else {
      usq_el_end(editLine)
      throw LineEditorError(operation: "history_init", errno: 0)
    }
    self.editLine = editLine
    self.history = history
    self.options = options
    self.primaryPrompt = strdup(options.prompt) ?? strdup("")
    self.continuationPrompt = strdup(options.continuationPrompt) ?? strdup("")
    configure()
    loadHistory()
  }

  deinit {
    usq_el_end(editLine)
    usq_history_end(history)
    free(primaryPrompt)
    free(continuationPrompt)
  }

  private func configure() {
    _ = usq_history_setsize(history, Int32(max(options.historySize, 1)))
    _ = usq_history_setunique(history, 1)
    _ = usq_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    _ = usq_el_set_editor(editLine, "emacs")
    // libedit's own signal handlers stay off: usq's tasks run on several threads, and a
    // signal landing on a thread other than the one inside el_gets crashed libedit (seen with
    // SIGHUP). Ctrl-C and Ctrl-Z are keys while editing (below); the size is re-read per line.
    _ = usq_el_set_signal(editLine, 0)
    _ = usq_el_set_hist(editLine, history)
    _ = usq_el_set_prompt(editLine) { el in
      guard let editor = LineEditor.instance(for: el) else { return nil }
      return editor.showsContinuation ? editor.continuationPrompt : editor.primaryPrompt
    }
    // Ctrl-C is a key while editing: terminal signals are off in edit mode.
    _ = usq_el_settty_edit(editLine, "-isig")
    _ = usq_el_addfn(editLine, "usq-cancel", "drop the line") { el, _ in
      guard let el, let editor = LineEditor.instance(for: el) else { return UInt8(USQ_CC_EOF) }
      // Show `^C` after the whole line: first move there, then run again.
      if usq_el_cursor_to_end_repeating(el, "\u{03}") == 1 { return UInt8(USQ_CC_CURSOR) }
      editor.cancelRequested = true
      return UInt8(USQ_CC_EOF)
    }
    _ = usq_el_bind(editLine, "^C", "usq-cancel")
    _ = usq_el_addfn(editLine, "usq-suspend", "suspend usq") { el, _ in
      guard let el, let editor = LineEditor.instance(for: el) else { return UInt8(USQ_CC_ERROR) }
      editor.write("\n")
      _ = usq_el_suspend(el)
      return UInt8(USQ_CC_REDISPLAY)
    }
    _ = usq_el_bind(editLine, "^Z", "usq-suspend")
    _ = usq_el_addfn(editLine, "usq-complete", "complete the word") { el, _ in
      guard let editor = LineEditor.instance(for: el) else { return UInt8(USQ_CC_ERROR) }
      return editor.completeAtCursor()
    }
    _ = usq_el_bind(editLine, "^I", "usq-complete")
    _ = usq_el_bind(editLine, "^R", "em-inc-search-prev")
    // Ctrl-L clears the screen and redraws the line being typed. libedit's own ed-clear-screen
    // needs the terminal's `clear` capability, so with TERM unset it only redrew the line below;
    // the ANSI sequence works in every terminal usq colours (a `dumb` one keeps libedit's).
    _ = usq_el_addfn(editLine, "usq-clear-screen", "clear the screen") { el, _ in
      guard let editor = LineEditor.instance(for: el) else { return UInt8(USQ_CC_ERROR) }
      editor.write("\u{1B}[H\u{1B}[2J")
      return UInt8(USQ_CC_REDISPLAY)
    }
    let isDumb = getenv("TERM").map { String(cString: $0) == "dumb" } ?? false
    _ = usq_el_bind(editLine, "^L", isDumb ? "ed-clear-screen" : "usq-clear-screen")
  }

  private static func instance(for editLine: OpaquePointer?) -> LineEditor? {
    guard let editLine, let data = usq_el_get_clientdata(editLine) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
  }

  // MARK: LineReader

  public var isInteractive: Bool { true }

  public func readLine(_ prompt: PromptKind) -> LineInput {
    showsContinuation = prompt == .continuation
    usq_el_resize(editLine)
    cancelRequested = false
    lastTab = nil
    var count: Int32 = 0
    var error: Int32 = 0
    let line = usq_el_gets(editLine, &count, &error)
    if cancelRequested {
      cancelRequested = false
      write("^C\n")
      return .cancelled
    }
    guard let line, count > 0 else {
      if count < 0 && error == EINTR {
        write("\n")
        return .cancelled
      }
      write("\n")
      return .end
    }
    var text = String(cString: line)
    while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
    return .line(text)
  }

  public func remember(_ statement: String) {
    let line = StatementAssembler.historyLine(statement)
    guard !line.isEmpty, !KeyMaterial.contains(line, secrets: options.secrets) else { return }
    _ = usq_history_enter(history, line)
    unsaved = true
    saveHistory()
  }

  public func historyEntries() -> [String] {
    let capacity = max(Int(usq_history_length(history)), 0)
    guard capacity > 0 else { return [] }
    var pointers = [UnsafePointer<CChar>?](repeating: nil, count: capacity)
    let copied = Int(usq_history_copy(history, &pointers, Int32(capacity)))
    return pointers.prefix(copied).compactMap { $0.map { String(cString: $0) } }
  }

  public func setCompletion(_ source: any CompletionSource) {
    completion = source
  }

  /// Saves the history if a statement was added since the last successful save.
  public func close() {
    if unsaved { saveHistory() }
  }

  // MARK: History file

  private func loadHistory() {
    guard let path = options.historyPath else { return }
    var error: Int32 = 0
    if usq_history_load(history, path, &error) < 0 && error != ENOENT && error != 0 {
      historyError = error
    }
  }

  /// Writes the history file, creating its folder (mode 0700) and the file (mode 0600).
  @discardableResult
  public func saveHistory() -> Bool {
    guard let path = options.historyPath else { return true }
    LineEditor.makeParentFolders(of: path)
    var error: Int32 = 0
    if usq_history_save(history, path, &error) < 0 {
      historyError = error
      return false
    }
    unsaved = false
    return true
  }

  static func makeParentFolders(of path: String) {
    var folder = ""
    let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    for (index, part) in parts.enumerated() {
      folder += (index == 0 ? "" : "/") + part
      if folder.isEmpty { continue }
      _ = mkdir(folder, 0o700)
    }
  }

  // MARK: Completion

  private func completeAtCursor() -> UInt8 {
    var cursor: Int32 = 0
    var length: Int32 = 0
    guard let buffer = usq_el_line(editLine, &cursor, &length) else { return UInt8(USQ_CC_ERROR) }
    let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(max(length, 0)))
    let line = String(decoding: bytes, as: UTF8.self)
    let utf8 = Array(line.utf8)
    let at = min(max(Int(cursor), 0), utf8.count)
    let start = min(max(completion.wordStart(line: line, cursor: at), 0), at)
    let partial = String(decoding: utf8[start..<at], as: UTF8.self)
    let candidates = completion.complete(line: line, cursor: at)
    let repeated = lastTab.map { $0.line == line && $0.cursor == at } ?? false
    let action = CompletionPlanner.plan(
      partial: partial, candidates: candidates, repeated: repeated)
    lastTab = (line, at)
    switch action {
    case .none:
      return UInt8(USQ_CC_ERROR)
    case .replace(let deleteCharacters, let insert):
      if deleteCharacters > 0 { usq_el_deletestr(editLine, Int32(deleteCharacters)) }
      _ = usq_el_insertstr(editLine, insert)
      // After a unique completion the next Tab starts afresh; after a common prefix it lists.
      guard Set(candidates.filter { !$0.isEmpty }).count > 1 else {
        lastTab = nil
        return UInt8(USQ_CC_REFRESH)
      }
      var newCursor: Int32 = 0
      var newLength: Int32 = 0
      if let newBuffer = usq_el_line(editLine, &newCursor, &newLength) {
        let newBytes = UnsafeRawBufferPointer(start: newBuffer, count: Int(max(newLength, 0)))
        lastTab = (String(decoding: newBytes, as: UTF8.self), Int(newCursor))
      }
      return UInt8(USQ_CC_REFRESH)
    case .list(let words):
      let size = TerminalFacts.windowSize()
      let width = size?.columns ?? options.fallbackWidth
      // Keep the line being edited on screen: at most the window's height minus two lines.
      let listing = CompletionListing.lines(
        words, width: width, maxLines: max((size?.rows ?? 24) - 2, 2))
      write("\n" + listing.joined(separator: "\n") + "\n")
      return UInt8(USQ_CC_REDISPLAY)
    }
  }

  fileprivate func write(_ text: String) {
    var error: Int32 = 0
    _ = usq_write(usq_stdout(), text, &error)
  }
}
