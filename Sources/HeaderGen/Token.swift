/// One `///` line of a Swift doc comment, without the slashes and the space after them.
public struct DocLine: Equatable, Sendable {
  /// The text after `/// `, indentation beyond that one space kept.
  public var text: String
  /// The 1-based line the comment is on.
  public var line: Int

  /// Creates a doc line.
  public init(text: String, line: Int) {
    self.text = text
    self.line = line
  }
}

/// A significant token of Swift source: comments and whitespace are folded into its trivia.
struct Token: Equatable {
  /// The lexical class of a token.
  enum Kind: Equatable {
    /// A name or keyword; backticked names have their backticks removed.
    case identifier
    /// An integer or floating-point literal, spelled as in the source.
    case number
    /// A string literal; `text` is the raw text between the quotes.
    case string
    /// Punctuation or an operator character; `->` is the only two-character one.
    case punctuation
    /// The end of the file.
    case endOfFile
  }

  /// The lexical class.
  var kind: Kind
  /// The spelling (see `Kind` for what it holds per class).
  var text: String
  /// The 1-based line the token starts on.
  var line: Int
  /// Whether the token is the first significant one on its line.
  var startsLine: Bool
  /// Whether an identifier was written in backticks (so it is never a keyword).
  var backticked: Bool = false
  /// The `///` lines directly above the token, with no blank line in between.
  var doc: [DocLine] = []
  /// `///` blocks above the token that a blank line separates from it, in order.
  var detachedDocs: [[DocLine]] = []

  /// Whether the token is the given punctuation.
  func isPunctuation(_ spelling: String) -> Bool {
    kind == .punctuation && text == spelling
  }

  /// Whether the token is the given unbackticked keyword or contextual keyword.
  func isKeyword(_ spelling: String) -> Bool {
    kind == .identifier && !backticked && text == spelling
  }
}
