import Testing

@testable import USQShell

@Suite struct CompletionTests {
  @Test("the partial word starts after a blank, |, =, comma or quote, and keeps - . / :")
  func wordStart() {
    #expect(CompletionWord.start(in: "load compl", cursor: 10) == 5)
    #expect(CompletionWord.start(in: "load completions group=pro", cursor: 26) == 23)
    #expect(CompletionWord.start(in: "group=model,pro", cursor: 15) == 12)
    #expect(CompletionWord.start(in: "load x |so", cursor: 10) == 8)
    #expect(CompletionWord.start(in: "where model = gpt-4o-mi", cursor: 23) == 14)
    #expect(CompletionWord.start(in: "read ./data/us", cursor: 14) == 5)
    #expect(CompletionWord.start(in: "load ", cursor: 5) == 5)
    #expect(CompletionWord.start(in: "", cursor: 0) == 0)
    // The cursor in the middle of the line: only what is before it counts.
    #expect(CompletionWord.start(in: "load compl days=7", cursor: 10) == 5)
    // Offsets are UTF-8 bytes: "é" is two.
    #expect(CompletionWord.start(in: "é ab", cursor: 5) == 3)
  }

  @Test("one candidate replaces the partial word and adds a space")
  func unique() {
    #expect(
      CompletionPlanner.plan(partial: "compl", candidates: ["completions"], repeated: false)
        == .replace(deleteCharacters: 5, insert: "completions "))
  }

  @Test("no space after a candidate ending in = or /")
  func noSpaceAfterOptionOrFolder() {
    #expect(
      CompletionPlanner.plan(partial: "gr", candidates: ["group="], repeated: false)
        == .replace(deleteCharacters: 2, insert: "group="))
    #expect(
      CompletionPlanner.plan(partial: "./da", candidates: ["./data/"], repeated: false)
        == .replace(deleteCharacters: 4, insert: "./data/"))
  }

  @Test("several candidates insert their common prefix")
  func commonPrefix() {
    #expect(
      CompletionPlanner.plan(
        partial: "in", candidates: ["input_tokens", "input_cached_tokens"], repeated: false)
        == .replace(deleteCharacters: 2, insert: "input_"))
  }

  @Test("a Tab that cannot add anything beeps, and the next one lists")
  func listOnSecondTab() {
    let candidates = ["input_tokens", "input_cached_tokens"]
    #expect(
      CompletionPlanner.plan(partial: "input_", candidates: candidates, repeated: false) == .none)
    #expect(
      CompletionPlanner.plan(partial: "input_", candidates: candidates, repeated: true)
        == .list(candidates))
  }

  @Test("nothing to complete beeps even on a repeated Tab; duplicates count once")
  func emptyAndDuplicates() {
    #expect(CompletionPlanner.plan(partial: "zz", candidates: [], repeated: true) == .none)
    #expect(
      CompletionPlanner.plan(partial: "co", candidates: ["costs", "costs", ""], repeated: false)
        == .replace(deleteCharacters: 2, insert: "costs "))
  }

  @Test("the characters deleted are counted in Unicode scalars, as libedit counts them")
  func deleteCountIsScalars() {
    #expect(
      CompletionPlanner.plan(partial: "prö", candidates: ["pröject"], repeated: false)
        == .replace(deleteCharacters: 3, insert: "pröject "))
  }

  @Test("a candidate need not start with the partial word")
  func replacesWholeWord() {
    #expect(
      CompletionPlanner.plan(partial: "Comp", candidates: ["completions"], repeated: false)
        == .replace(deleteCharacters: 4, insert: "completions "))
  }

  @Test("common prefix of words")
  func prefixOfWords() {
    #expect(CompletionPlanner.commonPrefix(["usage", "users"]) == "us")
    #expect(CompletionPlanner.commonPrefix(["abc"]) == "abc")
    #expect(CompletionPlanner.commonPrefix(["abc", "xyz"]) == "")
    #expect(CompletionPlanner.commonPrefix([]) == "")
  }

  @Test("the listing fills columns top to bottom within the width")
  func listingColumns() {
    let words = ["completions", "costs", "embeddings", "moderations", "images"]
    // Cells are 13 wide (11 + 2): 40 columns hold 3, so 2 rows.
    #expect(
      CompletionListing.lines(words, width: 40) == [
        "completions  embeddings   images",
        "costs        moderations",
      ])
    #expect(
      CompletionListing.lines(words, width: 80) == [
        "completions  costs        embeddings   moderations  images"
      ])
    #expect(CompletionListing.lines(words, width: 5) == words)
    #expect(CompletionListing.lines([], width: 80) == [])
  }

  @Test("a listing longer than the lines allowed ends with how many more there are")
  func listingCap() {
    let words = (1...30).map { "column_\($0 < 10 ? "0" : "")\($0)" }  // 9 characters, cells of 11
    // 22 columns hold 2 per line: 15 lines in all; 5 lines allowed keep 4 lines (8 words).
    #expect(
      CompletionListing.lines(words, width: 22, maxLines: 5) == [
        "column_01  column_05",
        "column_02  column_06",
        "column_03  column_07",
        "column_04  column_08",
        "… 22 more",
      ])
    #expect(CompletionListing.lines(words, width: 22, maxLines: 15).count == 15)
    #expect(CompletionListing.lines(words, width: 22, maxLines: 15).last == "column_15  column_30")
  }

  @Test("wide characters take two cells in the listing")
  func listingWidth() {
    #expect(CompletionListing.displayWidth("日本") == 4)
    #expect(CompletionListing.displayWidth("abc") == 3)
    #expect(CompletionListing.lines(["日本", "ab"], width: 80) == ["日本  ab"])
  }
}
