/// One `///` line of a Swift doc comment, without the slashes and the space after them.
public struct DocLine: Equatable, Sendable {
  /// The text after `/// `, indentation beyond that one space kept.
  public var text: String
  /// The 1-based line the comment is on.
  public var line: Int
  /// The 1-based column of its `///`, in UTF-8 bytes.
  public var column: Int

  /// Creates a doc line.
  public init(text: String, line: Int, column: Int) {
    self.text = text
    self.line = line
    self.column = column
  }

  /// Where the `///` is.
  var position: SourcePosition { SourcePosition(line: line, column: column) }
}

/// Converts Swift doc-comment markup into the Doxygen-style text of a C header.
///
/// `- Parameter x:` and the items of a `- Parameters:` list become `@param x`,
/// `- Returns:` becomes `@return`, and callouts such as `- Note:` or
/// `- Precondition:` become `@note` and `@pre`. DocC symbol links (two
/// backticks) become plain code spans. Code blocks are copied verbatim.
enum DocComment {
  /// Callout keywords, lowercased, and the Doxygen commands they become.
  static let commands: [String: String] = [
    "returns": "@return", "return": "@return", "note": "@note", "warning": "@warning",
    "important": "@attention", "attention": "@attention", "precondition": "@pre",
    "postcondition": "@post", "seealso": "@see", "since": "@since", "remark": "@remark",
    "remarks": "@remark", "bug": "@bug", "todo": "@todo", "version": "@version",
    "author": "@author", "invariant": "@invariant",
  ]

  /// The lines of C doc text for `lines`, without comment delimiters; empty strings are blank lines.
  static func render(_ lines: [DocLine]) -> [String] {
    convert(lines).text
  }

  /// The parameters that `lines` document, with where each is documented.
  static func documentedParameters(_ lines: [DocLine]) -> [(name: String, position: SourcePosition)] {
    convert(lines).parameters
  }

  private static func convert(_ lines: [DocLine]) -> (
    text: [String], parameters: [(name: String, position: SourcePosition)]
  ) {
    var text: [String] = []
    var parameters: [(name: String, position: SourcePosition)] = []
    var parametersIndent: Int?
    var tagIndent: Int?
    var inCodeBlock = false

    func appendTag(_ tag: String, indent: Int) {
      if let last = text.last, !last.isEmpty, tagIndent == nil {
        text.append("")
      }
      text.append(tag)
      tagIndent = indent
    }

    for line in lines {
      let indent = line.text.prefix { $0 == " " }.count
      let trimmed = String(line.text.dropFirst(indent))
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        inCodeBlock.toggle()
        tagIndent = nil
        parametersIndent = nil
        text.append(line.text)
        continue
      }
      if inCodeBlock {
        text.append(line.text)
        continue
      }
      if trimmed.isEmpty {
        tagIndent = nil
        parametersIndent = nil
        text.append("")
        continue
      }
      if let (keyword, rest) = callout(trimmed) {
        let lowered = keyword.lowercased()
        if lowered == "parameters" && rest.isEmpty {
          parametersIndent = indent
          tagIndent = nil
          if let last = text.last, !last.isEmpty {
            text.append("")
          }
          continue
        }
        if lowered.hasPrefix("parameter ") {
          let name = String(keyword.dropFirst("parameter ".count)).trimmingSpaces()
          parameters.append((name, line.position))
          appendTag(joined("@param \(name)", rest), indent: indent)
          continue
        }
        if let parametersIndent, indent > parametersIndent, !keyword.contains(" ") {
          parameters.append((keyword, line.position))
          appendTag(joined("@param \(keyword)", rest), indent: indent)
          continue
        }
        if let command = commands[lowered.filter { $0 != " " }] {
          appendTag(joined(command, rest), indent: indent)
          continue
        }
      }
      if let tagIndent, indent > tagIndent {
        text.append("  " + inline(trimmed))
        continue
      }
      if let indentOfList = parametersIndent, indent <= indentOfList {
        parametersIndent = nil
      }
      tagIndent = nil
      text.append(inline(line.text))
    }
    return (tidy(text), parameters)
  }

  /// Splits `- Keyword: rest` (any list marker) into its keyword and the text after the colon.
  private static func callout(_ trimmed: String) -> (String, String)? {
    guard let marker = trimmed.first, "-*+".contains(marker), trimmed.dropFirst().first == " " else {
      return nil
    }
    let body = trimmed.dropFirst(2)
    guard let colon = body.firstIndex(of: ":") else { return nil }
    let keyword = String(body[..<colon]).trimmingSpaces()
    let isWord = !keyword.isEmpty && keyword.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == " " }
    guard isWord else { return nil }
    return (keyword, String(body[body.index(after: colon)...]).trimmingSpaces())
  }

  private static func joined(_ command: String, _ rest: String) -> String {
    rest.isEmpty ? command : command + " " + inline(rest)
  }

  /// Rewrites inline markup: a DocC link ` ``name`` ` becomes the code span `` `name` ``.
  private static func inline(_ line: String) -> String {
    line.replacing("``", with: "`")
  }

  /// Drops leading and trailing blank lines and merges runs of blank lines.
  private static func tidy(_ lines: [String]) -> [String] {
    var result: [String] = []
    for line in lines {
      if line.isEmpty && (result.last?.isEmpty ?? true) { continue }
      result.append(line)
    }
    while result.last?.isEmpty == true {
      result.removeLast()
    }
    return result
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[start...end])
  }
}
