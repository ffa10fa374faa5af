/// Splits Swift source into significant tokens, keeping `///` comments as trivia.
///
/// It knows enough Swift to never mistake the inside of a comment, a string
/// literal (plain, raw, multi-line, with nested interpolations) or an extended
/// regex literal for code, so that braces in them cannot unbalance a body.
struct Lexer {
  /// The file name used in diagnostics.
  let file: String
  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineHasContent = false
  private var lastTokenLine = 0
  private var pendingDoc: [DocLine] = []
  private var detachedDocs: [[DocLine]] = []
  private var tokens: [Token] = []

  /// Tokenizes `source`; the last token is always `.endOfFile`.
  static func tokenize(_ source: String, file: String) throws -> [Token] {
    var lexer = Lexer(file: file, bytes: Array(source.utf8))
    try lexer.run()
    return lexer.tokens
  }

  private init(file: String, bytes: [UInt8]) {
    self.file = file
    self.bytes = bytes
  }

  private mutating func run() throws {
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case ASCII.newline:
        endLine()
        index += 1
      case ASCII.space, ASCII.tab, ASCII.carriageReturn, 0x0B, 0x0C:
        index += 1
      case ASCII.slash where peek(1) == ASCII.slash:
        lineComment()
      case ASCII.slash where peek(1) == ASCII.star:
        try blockComment()
      case ASCII.quote:
        let startLine = line
        let text = try stringLiteral(hashes: 0)
        append(.string, text, startLine: startLine)
      case ASCII.hash:
        try hashPrefixed()
      case ASCII.backtick:
        try backtickedIdentifier()
      case ASCII.minus where peek(1) == ASCII.greater:
        index += 2
        append(.punctuation, "->", startLine: line)
      default:
        if ASCII.isDigit(byte) {
          number()
        } else if ASCII.isIdentifierByte(byte) {
          identifier()
        } else {
          index += 1
          append(.punctuation, String(decoding: [byte], as: UTF8.self), startLine: line)
        }
      }
    }
    if !pendingDoc.isEmpty {
      detachedDocs.append(pendingDoc)
      pendingDoc = []
    }
    append(.endOfFile, "", startLine: line)
  }

  // MARK: - Tokens and trivia

  private func peek(_ offset: Int) -> UInt8? {
    let position = index + offset
    return position < bytes.count ? bytes[position] : nil
  }

  private mutating func append(
    _ kind: Token.Kind, _ text: String, startLine: Int, backticked: Bool = false
  ) {
    var token = Token(
      kind: kind, text: text, line: startLine, startsLine: startLine != lastTokenLine,
      backticked: backticked)
    token.doc = pendingDoc
    token.detachedDocs = detachedDocs
    pendingDoc = []
    detachedDocs = []
    tokens.append(token)
    lastTokenLine = line
    lineHasContent = true
  }

  /// Ends the current line; a line with nothing on it detaches the doc block above it.
  private mutating func endLine() {
    if !lineHasContent && !pendingDoc.isEmpty {
      detachedDocs.append(pendingDoc)
      pendingDoc = []
    }
    line += 1
    lineHasContent = false
  }

  /// Counts a newline inside a token or comment, which keeps the new line non-blank.
  private mutating func newlineInsideToken() {
    line += 1
    lineHasContent = true
  }

  // MARK: - Comments

  private mutating func lineComment() {
    let start = index
    while index < bytes.count && bytes[index] != ASCII.newline {
      index += 1
    }
    lineHasContent = true
    let comment = bytes[start..<index]
    let isDoc = comment.starts(with: [ASCII.slash, ASCII.slash, ASCII.slash])
      && !comment.starts(with: [ASCII.slash, ASCII.slash, ASCII.slash, ASCII.slash])
    guard isDoc else { return }
    var body = comment.dropFirst(3)
    if body.first == ASCII.space {
      body = body.dropFirst()
    }
    var text = String(decoding: body, as: UTF8.self)
    while let last = text.last, last == " " || last == "\t" || last == "\r" {
      text.removeLast()
    }
    pendingDoc.append(DocLine(text: text, line: line))
  }

  /// Skips a `/* ... */` comment; Swift block comments nest.
  private mutating func blockComment() throws {
    let startLine = line
    var depth = 0
    lineHasContent = true
    while index < bytes.count {
      if bytes[index] == ASCII.slash && peek(1) == ASCII.star {
        depth += 1
        index += 2
      } else if bytes[index] == ASCII.star && peek(1) == ASCII.slash {
        depth -= 1
        index += 2
        if depth == 0 { return }
      } else {
        if bytes[index] == ASCII.newline { newlineInsideToken() }
        index += 1
      }
    }
    throw Diagnostic(file: file, line: startLine, message: "unterminated block comment")
  }

  // MARK: - Literals and names

  private mutating func identifier() {
    let start = index
    while index < bytes.count && (ASCII.isIdentifierByte(bytes[index]) || ASCII.isDigit(bytes[index])) {
      index += 1
    }
    append(.identifier, String(decoding: bytes[start..<index], as: UTF8.self), startLine: line)
  }

  private mutating func backtickedIdentifier() throws {
    let start = index + 1
    index = start
    while index < bytes.count && bytes[index] != ASCII.backtick {
      if bytes[index] == ASCII.newline {
        throw Diagnostic(file: file, line: line, message: "unterminated backticked identifier")
      }
      index += 1
    }
    guard index < bytes.count else {
      throw Diagnostic(file: file, line: line, message: "unterminated backticked identifier")
    }
    let name = String(decoding: bytes[start..<index], as: UTF8.self)
    index += 1
    append(.identifier, name, startLine: line, backticked: true)
  }

  private mutating func number() {
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if ASCII.isDigit(byte) || ASCII.isIdentifierByte(byte) {
        index += 1
      } else if byte == ASCII.dot, let next = peek(1), ASCII.isDigit(next) {
        index += 1
      } else {
        break
      }
    }
    append(.number, String(decoding: bytes[start..<index], as: UTF8.self), startLine: line)
  }

  /// Lexes what starts with `#`: a raw string, an extended regex literal, or the `#` of a directive.
  private mutating func hashPrefixed() throws {
    var hashes = 0
    while let next = peek(hashes), next == ASCII.hash {
      hashes += 1
    }
    switch peek(hashes) {
    case ASCII.quote:
      let startLine = line
      let text = try stringLiteral(hashes: hashes)
      append(.string, text, startLine: startLine)
    case ASCII.slash:
      let startLine = line
      try regexLiteral(hashes: hashes)
      append(.string, "", startLine: startLine)
    default:
      index += 1
      append(.punctuation, "#", startLine: line)
    }
  }

  /// Whether `count` hashes start at `position`.
  private func hashesFollow(_ position: Int, count: Int) -> Bool {
    guard position + count <= bytes.count else { return false }
    return bytes[position..<position + count].allSatisfy { $0 == ASCII.hash }
  }

  /// Skips a string literal that starts at `index` after `hashes` leading hashes and
  /// returns its raw text between the delimiters.
  private mutating func stringLiteral(hashes: Int) throws -> String {
    let startLine = line
    index += hashes
    let multiline = peek(0) == ASCII.quote && peek(1) == ASCII.quote && peek(2) == ASCII.quote
    index += multiline ? 3 : 1
    let contentStart = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == ASCII.backslash && hashesFollow(index + 1, count: hashes) {
        let escaped = index + 1 + hashes
        if escaped < bytes.count && bytes[escaped] == ASCII.openParen {
          index = escaped + 1
          try interpolation(startLine: startLine)
        } else {
          if escaped < bytes.count && bytes[escaped] == ASCII.newline { newlineInsideToken() }
          index = escaped + 1
        }
        continue
      }
      if byte == ASCII.quote {
        let closerLength = multiline ? 3 : 1
        let closes = (0..<closerLength).allSatisfy { peek($0) == ASCII.quote }
          && hashesFollow(index + closerLength, count: hashes)
        if closes {
          let text = String(decoding: bytes[contentStart..<index], as: UTF8.self)
          index += closerLength + hashes
          return text
        }
      }
      if byte == ASCII.newline {
        guard multiline else { break }
        newlineInsideToken()
      }
      index += 1
    }
    throw Diagnostic(file: file, line: startLine, message: "unterminated string literal")
  }

  /// Skips the expression of a `\( ... )` interpolation, whose opening parenthesis is consumed.
  private mutating func interpolation(startLine: Int) throws {
    var depth = 1
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case ASCII.openParen:
        depth += 1
        index += 1
      case ASCII.closeParen:
        depth -= 1
        index += 1
        if depth == 0 { return }
      case ASCII.quote:
        _ = try stringLiteral(hashes: 0)
      case ASCII.hash:
        var hashes = 0
        while let next = peek(hashes), next == ASCII.hash { hashes += 1 }
        if peek(hashes) == ASCII.quote {
          _ = try stringLiteral(hashes: hashes)
        } else {
          index += hashes
        }
      case ASCII.slash where peek(1) == ASCII.slash:
        while index < bytes.count && bytes[index] != ASCII.newline { index += 1 }
      case ASCII.slash where peek(1) == ASCII.star:
        try blockComment()
      case ASCII.newline:
        newlineInsideToken()
        index += 1
      default:
        index += 1
      }
    }
    throw Diagnostic(file: file, line: startLine, message: "unterminated string interpolation")
  }

  /// Skips an extended regex literal `#/ ... /#` that starts at `index`.
  private mutating func regexLiteral(hashes: Int) throws {
    let startLine = line
    index += hashes + 1
    while index < bytes.count {
      if bytes[index] == ASCII.backslash {
        index += 2
        continue
      }
      if bytes[index] == ASCII.slash && hashesFollow(index + 1, count: hashes) {
        index += 1 + hashes
        return
      }
      if bytes[index] == ASCII.newline { newlineInsideToken() }
      index += 1
    }
    throw Diagnostic(file: file, line: startLine, message: "unterminated regex literal")
  }
}

/// The bytes the lexer cares about.
enum ASCII {
  static let newline: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D
  static let tab: UInt8 = 0x09
  static let space: UInt8 = 0x20
  static let quote: UInt8 = 0x22
  static let hash: UInt8 = 0x23
  static let openParen: UInt8 = 0x28
  static let closeParen: UInt8 = 0x29
  static let star: UInt8 = 0x2A
  static let minus: UInt8 = 0x2D
  static let dot: UInt8 = 0x2E
  static let slash: UInt8 = 0x2F
  static let greater: UInt8 = 0x3E
  static let backslash: UInt8 = 0x5C
  static let backtick: UInt8 = 0x60

  /// Whether `byte` is `0`...`9`.
  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= 0x30 && byte <= 0x39
  }

  /// Whether `byte` can start an identifier: a letter, `_`, `$`, or part of a non-ASCII character.
  static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
      || byte == 0x24 || byte >= 0x80
  }
}
