/// Finds the declarations of a Swift file that belong in the C header.
///
/// Only top-level declarations are considered. `@c` / `@_cdecl` public functions,
/// `@c` public enums, public type aliases and public structs named `hone_...` are parsed; every other declaration
/// (imports, private helpers, extensions, bodies) is skipped token by token with
/// brackets balanced, so nothing inside it is mistaken for a declaration.
struct Parser {
  /// The file name used in diagnostics.
  let file: String
  var tokens: [Token]
  var position = 0
  /// Problems that do not stop generation.
  var warnings: [Diagnostic] = []
  private var declarations: [DeclarationSyntax] = []

  /// Parses `source`, returning its exported declarations and any warnings.
  static func parse(_ source: String, file: String) throws -> (SourceFileSyntax, [Diagnostic]) {
    var parser = Parser(file: file, tokens: try Lexer.tokenize(source, file: file))
    try parser.parseFile()
    return (SourceFileSyntax(file: file, declarations: parser.declarations), parser.warnings)
  }

  private init(file: String, tokens: [Token]) {
    self.file = file
    self.tokens = tokens
  }

  // MARK: - Cursor

  /// The token at the cursor.
  var current: Token { tokens[position] }

  /// The token `offset` tokens after the cursor, or the end-of-file token.
  func peek(_ offset: Int) -> Token {
    tokens[min(position + offset, tokens.count - 1)]
  }

  /// Moves to the next token, never past the end of the file.
  mutating func advance() {
    if position < tokens.count - 1 {
      position += 1
    }
  }

  /// An error at the current token.
  func error(_ message: String) -> Diagnostic {
    Diagnostic(file: file, line: current.line, message: message)
  }

  /// Consumes the given punctuation or fails with a message saying what it was for.
  mutating func expect(_ punctuation: String, _ context: String) throws {
    guard current.isPunctuation(punctuation) else {
      throw error("expected '\(punctuation)' \(context), found \(describe(current))")
    }
    advance()
  }

  /// A token as a message shows it.
  func describe(_ token: Token) -> String {
    token.kind == .endOfFile ? "end of file" : "'\(token.text)'"
  }

  // MARK: - Top level

  private mutating func parseFile() throws {
    while current.kind != .endOfFile {
      addSections(current)
      if current.isPunctuation("#") {
        skipDirective()
      } else if current.isPunctuation(";") {
        advance()
      } else {
        try parseTopLevelDeclaration()
      }
    }
    addSections(current)
  }

  /// Turns the `///` blocks detached above `token` into section comments.
  private mutating func addSections(_ token: Token) {
    for block in token.detachedDocs {
      declarations.append(.section(doc: block, line: block[0].line))
    }
  }

  private mutating func parseTopLevelDeclaration() throws {
    let first = current
    let attributes = try parseAttributes()
    let modifiers = parseModifiers()
    let isPublic = modifiers.contains("public") || modifiers.contains("open")
    let keyword = current.kind == .identifier && !current.backticked ? current.text : ""
    let exportedToC = attributes.c || attributes.cName != nil

    switch keyword {
    case "func" where exportedToC:
      let name = peek(1).text
      guard isPublic else {
        warn(first.line, "@c function '\(name)' is not public; it is left out of the header")
        skipDeclaration()
        return
      }
      declarations.append(try parseFunction(cName: attributes.cName, doc: first.doc))
    case "enum" where exportedToC:
      let name = peek(1).text
      guard !attributes.cdecl else {
        throw Diagnostic(
          file: file, line: first.line, message: "@_cdecl cannot be applied to enum '\(name)'; use @c")
      }
      guard isPublic else {
        warn(first.line, "@c enum '\(name)' is not public; it is left out of the header")
        skipDeclaration()
        return
      }
      declarations.append(try parseEnum(cName: attributes.cName, doc: first.doc))
    case "typealias" where isPublic:
      declarations.append(try parseTypeAlias(doc: first.doc))
    case "struct" where !exportedToC && peek(1).text.hasPrefix(Self.structPrefix):
      guard isPublic else {
        warn(first.line, "struct '\(peek(1).text)' is not public; it is left out of the header")
        skipDeclaration()
        return
      }
      declarations.append(try parseStruct(doc: first.doc))
    case "import":
      if !first.doc.isEmpty {
        declarations.append(.section(doc: first.doc, line: first.doc[0].line))
      }
      skipDeclaration()
    default:
      if exportedToC {
        throw Diagnostic(
          file: file, line: first.line,
          message: "@c / @_cdecl is only supported on public functions and enums, not '\(current.text)'"
            + (current.text == "struct" ? "; a C struct is a plain 'public struct \(Self.structPrefix)name'" : ""))
      }
      skipDeclaration()
    }
  }

  /// The prefix that makes a public struct a C struct; other public structs are Swift-only.
  static let structPrefix = "hone_"

  private mutating func warn(_ line: Int, _ message: String) {
    warnings.append(Diagnostic(file: file, line: line, severity: .warning, message: message))
  }

  // MARK: - Attributes and modifiers

  /// What the attributes in front of a declaration say about its C export.
  struct Attributes {
    /// `@c` was written.
    var c = false
    /// `@_cdecl` was written.
    var cdecl = false
    /// The C name from `@c(name)` or `@_cdecl("name")`.
    var cName: String?
  }

  /// Parses `@name` and `@name(...)` attributes, keeping only those that name a C export.
  mutating func parseAttributes() throws -> Attributes {
    var attributes = Attributes()
    while current.isPunctuation("@") {
      advance()
      guard current.kind == .identifier else {
        throw error("expected an attribute name after '@', found \(describe(current))")
      }
      let name = current.text
      let nameLine = current.line
      advance()
      var arguments: [Token] = []
      if current.isPunctuation("(") && current.line == nameLine {
        arguments = try balancedGroup()
      }
      switch name {
      case "c":
        attributes.c = true
        if !arguments.isEmpty {
          guard arguments.count == 1, arguments[0].kind == .identifier else {
            throw Diagnostic(file: file, line: nameLine, message: "expected @c(c_name) with a single identifier")
          }
          attributes.cName = arguments[0].text
        }
      case "_cdecl":
        guard arguments.count == 1, arguments[0].kind == .string else {
          throw Diagnostic(file: file, line: nameLine, message: "expected @_cdecl(\"c_name\") with a string literal")
        }
        attributes.cdecl = true
        attributes.cName = arguments[0].text
      default:
        break
      }
    }
    return attributes
  }

  /// Consumes a `( ... )` group and returns the tokens inside it.
  mutating func balancedGroup() throws -> [Token] {
    let openLine = current.line
    var depth = 0
    var inside: [Token] = []
    repeat {
      if current.kind == .endOfFile {
        throw Diagnostic(file: file, line: openLine, message: "unbalanced '('")
      }
      if current.isPunctuation("(") { depth += 1 }
      if current.isPunctuation(")") { depth -= 1 }
      if depth > 0 && !(depth == 1 && current.isPunctuation("(")) {
        inside.append(current)
      }
      advance()
    } while depth > 0
    return inside
  }

  /// Declaration modifiers; none of them changes what goes in the header except `public`.
  static let modifierKeywords: Set<String> = [
    "public", "open", "package", "internal", "fileprivate", "private", "static", "final",
    "nonisolated", "dynamic", "mutating", "nonmutating", "indirect", "override", "convenience",
    "required", "lazy", "weak", "unowned", "optional", "prefix", "postfix", "infix",
    "distributed", "consuming", "borrowing",
  ]

  /// Keywords that start a declaration when they begin a line.
  static let declarationKeywords: Set<String> = [
    "func", "enum", "typealias", "struct", "class", "extension", "protocol", "actor", "let",
    "var", "import", "init", "deinit", "subscript", "operator", "precedencegroup", "macro",
    "case", "associatedtype",
  ]

  /// Parses modifiers such as `public` or `private(set)` and returns their names.
  mutating func parseModifiers() -> [String] {
    var modifiers: [String] = []
    while current.kind == .identifier && !current.backticked
      && Self.modifierKeywords.contains(current.text)
    {
      modifiers.append(current.text)
      advance()
      if current.isPunctuation("(") && peek(1).kind == .identifier && peek(2).isPunctuation(")") {
        advance()
        advance()
        advance()
      }
    }
    return modifiers
  }

  // MARK: - Skipping

  /// Whether `token`, at the start of a line, starts a new declaration or directive.
  private func startsDeclaration(_ token: Token) -> Bool {
    if token.isPunctuation("@") || token.isPunctuation("#") { return true }
    guard token.kind == .identifier && !token.backticked else { return false }
    return Self.declarationKeywords.contains(token.text) || Self.modifierKeywords.contains(token.text)
  }

  /// Skips one declaration (its attributes and modifiers may already be consumed).
  ///
  /// It stops before a line that starts a new declaration outside any bracket, after a
  /// `;`, or before a `}` that closes the enclosing body. At least one token is consumed.
  mutating func skipDeclaration() {
    var depth = 0
    var first = true
    while current.kind != .endOfFile {
      if !first && depth == 0 {
        if current.startsLine && startsDeclaration(current) { return }
        if current.isPunctuation("}") { return }
      }
      if depth == 0 && current.isPunctuation(";") {
        advance()
        return
      }
      if current.kind == .punctuation {
        switch current.text {
        case "(", "[", "{": depth += 1
        case ")", "]", "}": depth = max(0, depth - 1)
        default: break
        }
      }
      first = false
      advance()
    }
  }

  /// Skips a `#if`, `#else`, `#endif` or other `#` directive line.
  mutating func skipDirective() {
    advance()
    while current.kind != .endOfFile && !current.startsLine {
      if current.isPunctuation("(") {
        _ = try? balancedGroup()
      } else {
        advance()
      }
    }
  }

  /// Skips a `{ ... }` body whose opening brace is at the cursor.
  mutating func skipBody(of name: String) throws {
    let openLine = current.line
    var depth = 0
    repeat {
      if current.kind == .endOfFile {
        throw Diagnostic(file: file, line: openLine, message: "unterminated body of '\(name)'")
      }
      if current.isPunctuation("{") { depth += 1 }
      if current.isPunctuation("}") { depth -= 1 }
      advance()
    } while depth > 0
  }
}
