import Testing
import USQFrame
import USQLanguage

@testable import USQEngine

/// `assert`: passes its input through unchanged, or stops with the first failing row.
@Suite struct AssertTests {
  @Test("a true condition passes the frame through unchanged")
  func passes() async throws {
    let plain = try await run("load completions | sum input_tokens by model")
    let guarded = try await run(
      "load completions | sum input_tokens by model | assert input_tokens > 0")
    #expect(Table(guarded.frame) == Table(plain.frame))
    #expect(guarded.timings.map(\.verb) == ["load", "sum", "assert"])
  }

  @Test("a false row stops the statement with the message and the first failing row")
  func fails() async throws {
    do {
      _ = try await run(
        "load completions | sum input_tokens by model | assert input_tokens < 500 message=\"too many, really\""
      )
      Issue.record("no failure")
    } catch let failure as AssertionFailed {
      #expect(failure.description == "assertion failed: too many, really")
      #expect(failure.rowNumber == 1)
      #expect(failure.row.rowCount == 1)
      #expect(failure.row.names == ["model", "input_tokens"])
      #expect(AssertionFailed.exitCode == 4)
    }
  }

  @Test("the default message is the expression as written; null is not true")
  func defaultMessage() async throws {
    let frame = Frames.make(
      [("name", .string), ("amount", .double)],
      [[.string("a"), .double(1)], [.string("b"), .null], [.string("c"), .double(300)]])
    let environment = Fixtures.environment(frames: ["f": frame])
    let plan = try #require(bindPlan("from f | assert amount  <  100", environment: environment))
    do {
      _ = try await Executor(environment: environment, dataSource: FakeDataSource(frames: [:]))
        .run(plan)
      Issue.record("no failure")
    } catch let failure as AssertionFailed {
      #expect(failure.message == "amount  <  100")
      #expect(failure.rowNumber == 2)
      #expect(failure.failingRows == 2)
      #expect(Table(failure.row).rows == [[.string("b"), .null]])
    }
  }

  @Test(
    "the first failing row is found past 64 rows (bitmap words)", arguments: [0, 63, 64, 65, 129])
  func firstUnset(row: Int) {
    var bits = [Bool](repeating: true, count: 130)
    bits[row] = false
    #expect(AssertOperation.firstUnset(Bitmap(bits)) == row)
    #expect(AssertOperation.firstUnset(Bitmap([Bool](repeating: true, count: 130))) == nil)
  }

  @Test("a condition that is not true or false is an error at the expression")
  func notBoolean() {
    expectError(
      "load costs | sum amount | assert 1️⃣amount2️⃣", "expected a condition, found 'amount' (double)")
    expectError(
      "load costs | sum amount | assert 1️⃣amount + 12️⃣ message=\"x\"",
      "expected a condition, found 'amount + 1' (double)")
  }
}
