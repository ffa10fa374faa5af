import SwiftSyntax

/// The `///` comments of a file, found in the trivia between tokens and attached to the token below them.
///
/// A `///` block belongs to the next token when only other comments stand between
/// them; a blank line detaches it, and a detached block at the top level becomes a
/// section comment. `////` lines and block comments are not doc comments, but
/// they keep the line they are on from being blank.
struct DocTrivia {
  /// The doc comments in front of one token.
  struct Docs {
    /// The `///` lines directly above the token, with no blank line in between.
    var attached: [DocLine] = []
    /// `///` blocks above the token that a blank line separates from it, in order.
    var detached: [[DocLine]] = []
  }

  private var docs: [AbsolutePosition: Docs] = [:]

  /// Collects the doc comments of every token of `tree`.
  init(_ tree: SourceFileSyntax, converter: SourceLocationConverter) {
    var scanner = Scanner(converter: converter)
    for token in tree.tokens(viewMode: .sourceAccurate) {
      scanner.scan(token.leadingTrivia, from: token.position)
      if token.tokenKind == .endOfFile {
        scanner.detachPending()
      }
      docs[token.positionAfterSkippingLeadingTrivia] = scanner.take()
      scanner.scan(token.trailingTrivia, from: token.endPositionBeforeTrailingTrivia)
    }
  }

  /// The doc comments in front of `token`; at the end of the file, all of them are detached.
  func docs(before token: TokenSyntax) -> Docs {
    docs[token.positionAfterSkippingLeadingTrivia] ?? Docs()
  }

  /// Walks trivia in source order, collecting `///` lines and noticing blank lines.
  private struct Scanner {
    let converter: SourceLocationConverter
    var pending: [DocLine] = []
    var detached: [[DocLine]] = []
    var lineHasContent = false

    mutating func scan(_ trivia: Trivia, from start: AbsolutePosition) {
      var position = start
      for piece in trivia {
        switch piece {
        case .newlines(let count), .carriageReturns(let count), .carriageReturnLineFeeds(let count):
          for _ in 0..<count {
            endLine()
          }
        case .lineComment(let text), .docLineComment(let text):
          lineHasContent = true
          if text.hasPrefix("///") && !text.hasPrefix("////") {
            let location = converter.location(for: position)
            pending.append(DocLine(text: Self.docText(text), line: location.line, column: location.column))
          }
        case .spaces, .tabs, .verticalTabs, .formfeeds:
          break
        default:
          lineHasContent = true
        }
        position = position.advanced(by: piece.sourceLength.utf8Length)
      }
    }

    /// The text of a `///` line: after the slashes and one space, without trailing white space.
    private static func docText(_ comment: String) -> String {
      var body = comment.dropFirst(3)
      if body.first == " " {
        body = body.dropFirst()
      }
      while let last = body.last, last == " " || last == "\t" || last == "\r" {
        body = body.dropLast()
      }
      return String(body)
    }

    /// Ends a line; a line with nothing on it detaches the doc block above it.
    private mutating func endLine() {
      if !lineHasContent {
        detachPending()
      }
      lineHasContent = false
    }

    mutating func detachPending() {
      if !pending.isEmpty {
        detached.append(pending)
        pending = []
      }
    }

    /// The docs collected for the token that comes next; the token itself is content.
    mutating func take() -> Docs {
      defer {
        pending = []
        detached = []
        lineHasContent = true
      }
      return Docs(attached: pending, detached: detached)
    }
  }
}
