/// One `help` entry: a stage, command, setting, endpoint or language topic, with examples that
/// run (tests run every one).
public struct HelpTopic: Sendable, Hashable {
  /// What the topic is about.
  public enum Kind: String, Sendable, Hashable {
    case language, stage, command, setting, endpoint
  }

  /// The topic's name (`sum`, `timer`, `completions`, `expressions`).
  public var name: String
  /// Other names that find it (`avg`, `min`, `max` for `sum`).
  public var aliases: [String]
  /// Its kind.
  public var kind: Kind
  /// The usage line (`sum C, … [by K, …]`).
  public var usage: String
  /// What it does, in a few lines.
  public var details: String
  /// Statements that run as written.
  public var examples: [String]

  /// Creates a topic.
  public init(
    name: String, aliases: [String] = [], kind: Kind, usage: String, details: String,
    examples: [String]
  ) {
    self.name = name
    self.aliases = aliases
    self.kind = kind
    self.usage = usage
    self.details = details
    self.examples = examples
  }

  /// The topic as `help NAME` prints it.
  public var text: String {
    var lines = [usage, ""]
    lines += details.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    if !examples.isEmpty {
      lines.append("")
      lines.append(examples.count == 1 ? "example:" : "examples:")
      lines += examples.map { "  " + $0 }
    }
    return lines.joined(separator: "\n")
  }
}
