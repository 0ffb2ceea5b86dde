import Testing
import USQBasics

@testable import USQLanguage

/// Long operator chains (`1 + 1 + … + 1`, `a = 1 or a = 2 or …`) used to overflow the stack in
/// the passes after the parser (issue 16). The parser now caps an expression at
/// `Parser.maximumOperatorDepth` operators on one path, so every later pass is bounded; these
/// tests generate chains of every operator, mixed and parenthesised, on both sides of the cap.
@Suite("Expression chains: capped, never a stack overflow")
struct ExpressionChainTests {
  static let seed: UInt64 = 0x16_C4A1
  static let limit = Parser.maximumOperatorDepth

  /// The binary operators with an operand each fits (logical ones join comparisons).
  static let arithmetic = ["+", "-", "*", "/"]
  static let logical = ["and", "or"]

  /// A `derive` or `where` whose expression chains `operators` operators, picked by `generator`,
  /// and its depth by a naive reference: the loosest operators (`or`, `+ -`) chain groups of the
  /// tighter ones (`and`, `* /`) left to right, each operator one level.
  static func chain(
    operators: Int, _ generator: inout SeededGenerator, mixed: Bool
  ) -> (text: String, depth: Int) {
    let isCondition = mixed ? Bool.random(using: &generator) : operators % 2 == 0
    let pool = isCondition ? logical : arithmetic
    let fixed = pool.randomElement(using: &generator) ?? "+"
    let loose: Set<String> = ["or", "+", "-"]
    // A comparison operand (`a = 1`) is one operator deep by itself.
    let leaf = isCondition ? 1 : 0
    var text = isCondition ? "a = 1" : "1"
    var group = leaf  // the depth of the tight run being read
    var prefix: Int?  // the depth of the loose chain before it
    for index in 0..<operators {
      let op = mixed ? (pool.randomElement(using: &generator) ?? fixed) : fixed
      text += " \(op) " + (isCondition ? "a = \(index % 7)" : "\(index % 9 + 1)")
      if loose.contains(op) {
        prefix = prefix.map { 1 + max($0, group) } ?? group
        group = leaf
      } else {
        group += 1
      }
    }
    let stage = isCondition ? "where " : "derive x = "
    return (
      "load completions | " + stage + text + " | count", prefix.map { 1 + max($0, group) } ?? group
    )
  }

  /// The tallest expression in a parsed statement, if it parsed into a pipeline.
  static func tallest(_ statement: Statement) -> Int {
    guard case .pipeline(let pipeline) = statement else { return 0 }
    var height = 0
    for stage in pipeline.stages {
      switch stage.kind {
      case .where(let condition): height = max(height, condition.height)
      case .derive(let items): height = max(height, items.map(\.expression.height).max() ?? 0)
      default: continue
      }
    }
    return height
  }

  @Test("chains of every operator up to the cap parse whole; one more is an error at the operator")
  func upToTheCap() {
    for (index, op) in (Self.arithmetic + Self.logical).enumerated() {
      let isCondition = Self.logical.contains(op)
      let operand = isCondition ? "a = 1" : "1"
      let head = "load completions | " + (isCondition ? "where " : "derive x = ")
      // A condition's operands are comparisons, one operator each.
      let operands = isCondition ? Self.limit : Self.limit + 1
      let atCap = head + Array(repeating: operand, count: operands).joined(separator: " \(op) ")
      let (statement, diagnostics) = Parser.parse(SourceFile(atCap))
      #expect(diagnostics.isEmpty, "seed \(Self.seed) '\(op)': \(diagnostics.map(\.message))")
      #expect(Self.tallest(statement) == Self.limit + 1, "operator '\(op)' (case \(index))")

      let overCap = atCap + " \(op) " + operand
      let (_, errors) = Parser.parse(SourceFile(overCap))
      #expect(errors.map(\.id) == ["parse.expression-too-long"], "operator '\(op)'")
      let lastOperator = overCap.utf8.count - operand.utf8.count - 1 - op.utf8.count
      #expect(errors.first?.span.start == lastOperator, "operator '\(op)'")
      #expect(errors.first?.message == "expression more than 1000 operators deep")
    }
  }

  @Test("200 generated chains (mixed operators, 0 to 3,000 deep): parse, or one clear error")
  func generated() {
    var generator = SeededGenerator(seed: Self.seed)
    for iteration in 0..<200 {
      let operators = Int(generator.next() % 3_000)
      let (text, depth) = Self.chain(operators: operators, &generator, mixed: iteration % 3 != 0)
      let (statement, diagnostics) = Parser.parse(SourceFile(text))
      let context = "seed \(Self.seed) #\(iteration): \(operators) operators, \(depth) deep"
      if depth <= Self.limit {
        #expect(diagnostics.isEmpty, "\(context): \(diagnostics.map(\.message))")
      } else {
        #expect(diagnostics.map(\.id) == ["parse.expression-too-long"], "\(context)")
      }
      #expect(Self.tallest(statement) <= Self.limit + 1, "\(context)")
      if diagnostics.isEmpty { #expect(Self.tallest(statement) == depth + 1, "\(context)") }
    }
  }

  @Test("parentheses nest chains: the deepest path counts, and the cap holds across them")
  func nestedParentheses() {
    var generator = SeededGenerator(seed: Self.seed &+ 1)
    for iteration in 0..<60 {
      // `(1 + 1 + … ) * (…)`, nested `levels` deep, each level a chain of `length` operators.
      let levels = Int(generator.next() % 150) + 1
      let length = Int(generator.next() % 40)
      var text = "1"
      for _ in 0..<levels {
        text = "(" + text + String(repeating: " + 1", count: length) + ") * 2"
      }
      let (statement, diagnostics) = Parser.parse(
        SourceFile("load completions | derive x = " + text))
      let depth = levels * (length + 1)
      let context = "seed \(Self.seed) #\(iteration): \(levels) levels of \(length)"
      if depth <= Self.limit {
        #expect(diagnostics.isEmpty, "\(context): \(diagnostics.map(\.message))")
        #expect(Self.tallest(statement) == depth + 1, "\(context)")
      } else {
        #expect(diagnostics.map(\.id) == ["parse.expression-too-long"], "\(context)")
      }
    }
  }

  @Test("a 100,000-term chain is one error with a hint; 15,000 'or' clauses point at 'in (…)'")
  func hugeChains() throws {
    let sum =
      "load completions | derive x = "
      + Array(repeating: "1", count: 100_000)
      .joined(separator: " + ")
    let (_, diagnostics) = Parser.parse(SourceFile(sum))
    #expect(diagnostics.map(\.id) == ["parse.expression-too-long"])
    #expect(
      diagnostics.first?.help == "split it into several 'derive' steps, each under 1000 operators")

    let clauses = (0..<15_000).map { "model = m\($0)" }.joined(separator: " or ")
    let (_, orDiagnostics) = Parser.parse(SourceFile("load completions | where " + clauses))
    let error = try #require(orDiagnostics.first)
    #expect(orDiagnostics.count == 1)
    #expect(error.help == "to test one column against many values write 'C in (v1, v2, …)'")
  }
}
