import Testing

@testable import USQShell

@Suite struct ContinuationTests {
  @Test(
    "a line whose last significant character is | continues",
    arguments: [
      "load completions |",
      "load completions |   ",
      "load completions |\t",
      "load completions | # then sort",
      "where model = \"a|b\" |",
    ])
  func continues(line: String) {
    #expect(Continuation.endsWithPipe(line))
  }

  @Test(
    "a | inside a string or comment, or not last, does not continue",
    arguments: [
      "load completions",
      "load completions | top 5",
      "where model = \"a |\"",
      "where model = 'x|'",
      "load completions # see | below |",
      "where model = \"unterminated |",
      "",
    ])
  func doesNotContinue(line: String) {
    #expect(!Continuation.endsWithPipe(line))
  }

  @Test("leading pipes, blanks and comments are recognised")
  func leadingPipeAndBlanks() {
    #expect(Continuation.startsWithPipe("  | top 5"))
    #expect(!Continuation.startsWithPipe("top 5 |"))
    #expect(Continuation.isBlankOrComment("   "))
    #expect(Continuation.isBlankOrComment("  # note"))
    #expect(!Continuation.isBlankOrComment("load costs # note"))
  }

  @Test("interactive assembly joins continued lines with a line break and skips blanks")
  func interactiveAssembly() {
    var assembler = StatementAssembler()
    #expect(assembler.add("") == nil)
    #expect(assembler.add("# comment") == nil)
    #expect(assembler.add("load completions |") == nil)
    #expect(assembler.needsMore)
    #expect(assembler.add("   ") == nil)
    #expect(assembler.add("  sum input_tokens |") == nil)
    #expect(assembler.add("  top 5") == "load completions |\n  sum input_tokens |\n  top 5")
    #expect(!assembler.needsMore)
    #expect(assembler.isEmpty)
    #expect(assembler.add("frames") == "frames")
  }

  @Test("reset drops a half-typed continuation")
  func reset() {
    var assembler = StatementAssembler()
    _ = assembler.add("load costs |")
    assembler.reset()
    #expect(!assembler.needsMore)
    #expect(assembler.add("settings") == "settings")
  }

  @Test("piped assembly joins a following line that starts with |")
  func pipedAssembly() {
    var assembler = StatementAssembler()
    #expect(assembler.addJoiningLeadingPipe("load completions") == nil)
    #expect(assembler.addJoiningLeadingPipe("  | sum input_tokens") == nil)
    #expect(assembler.addJoiningLeadingPipe("") == nil)
    #expect(assembler.addJoiningLeadingPipe("# between") == nil)
    #expect(assembler.addJoiningLeadingPipe("  | top 5") == nil)
    #expect(
      assembler.addJoiningLeadingPipe("frames")
        == "load completions\n  | sum input_tokens\n  | top 5")
    #expect(assembler.addJoiningLeadingPipe("load costs |") == "frames")
    #expect(assembler.addJoiningLeadingPipe("top 1") == nil)
    #expect(assembler.flush() == "load costs |\ntop 1")
    #expect(assembler.flush() == nil)
  }

  @Test("history keeps a multi-line statement as one line")
  func historyLine() {
    #expect(
      StatementAssembler.historyLine("load completions |\n  sum input_tokens |\n  top 5")
        == "load completions | sum input_tokens | top 5")
    #expect(StatementAssembler.historyLine("frames") == "frames")
  }
}
