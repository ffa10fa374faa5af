/// Parsers for the kinds of exported declaration: functions, enums, type aliases and structs.
extension Parser {
  /// Parses `func name(params) -> Result { body }` at the `func` keyword.
  mutating func parseFunction(cName: String?, doc: [DocLine]) throws -> DeclarationSyntax {
    advance()
    guard current.kind == .identifier else {
      throw error("expected a function name after 'func', found \(describe(current))")
    }
    let swiftName = current.text
    let name = cName ?? swiftName
    let line = current.line
    advance()
    if current.isPunctuation("<") {
      throw error("generic function '\(swiftName)' cannot be exported to C")
    }
    try expect("(", "after the name of '\(name)'")
    let parameters = try parseParameters(of: name)
    if current.kind == .identifier, ["async", "throws", "rethrows", "reasync"].contains(current.text) {
      throw error("'\(name)' is '\(current.text)', which a C function cannot be")
    }
    var result: TypeSyntax?
    if current.isPunctuation("->") {
      advance()
      result = try parseType()
    }
    if current.isKeyword("where") {
      throw error("generic function '\(name)' cannot be exported to C")
    }
    guard current.isPunctuation("{") else {
      throw error("expected '{' to open the body of '\(name)', found \(describe(current))")
    }
    try skipBody(of: name)
    return .function(name: name, parameters: parameters, result: result, doc: doc, line: line)
  }

  /// Parses a parameter list after its `(` up to and including its `)`.
  private mutating func parseParameters(of function: String) throws -> [ParameterSyntax] {
    var parameters: [ParameterSyntax] = []
    while !current.isPunctuation(")") {
      let line = current.line
      var names: [String] = []
      while current.kind == .identifier && names.count < 2 {
        names.append(current.text)
        advance()
      }
      guard !names.isEmpty else {
        throw error("expected a parameter name in '\(function)', found \(describe(current))")
      }
      try expect(":", "after parameter '\(names.last!)' of '\(function)'")
      if current.isKeyword("inout") {
        throw error("inout parameter '\(names.last!)' of '\(function)' cannot be exported to C; use UnsafeMutablePointer")
      }
      let type = try parseType()
      if current.isPunctuation(".") {
        throw error("variadic parameter '\(names.last!)' of '\(function)' cannot be exported to C")
      }
      if current.isPunctuation("=") {
        skipDefaultValue()
      }
      let internalName = names.last!
      parameters.append(ParameterSyntax(name: internalName == "_" ? nil : internalName, type: type, line: line))
      if current.isPunctuation(",") {
        advance()
      } else if !current.isPunctuation(")") {
        throw error("expected ',' or ')' in the parameters of '\(function)', found \(describe(current))")
      }
    }
    advance()
    return parameters
  }

  /// Skips `= expression` up to the `,` or `)` that ends the parameter.
  private mutating func skipDefaultValue() {
    var depth = 0
    while current.kind != .endOfFile {
      if depth == 0 && (current.isPunctuation(",") || current.isPunctuation(")")) { return }
      if current.kind == .punctuation {
        switch current.text {
        case "(", "[", "{": depth += 1
        case ")", "]", "}": depth -= 1
        default: break
        }
      }
      advance()
    }
  }

  /// Parses `enum name: RawType { cases and other members }` at the `enum` keyword.
  mutating func parseEnum(cName: String?, doc: [DocLine]) throws -> DeclarationSyntax {
    advance()
    guard current.kind == .identifier else {
      throw error("expected an enum name after 'enum', found \(describe(current))")
    }
    let swiftName = current.text
    let name = cName ?? swiftName
    let line = current.line
    advance()
    if current.isPunctuation("<") {
      throw error("generic enum '\(swiftName)' cannot be exported to C")
    }
    guard current.isPunctuation(":") else {
      throw error("@c enum '\(name)' needs an integer raw type, as in 'enum \(swiftName): Int32'")
    }
    advance()
    let rawTypeLine = current.line
    let rawType = try parseType()
    guard case .named(let rawTypeName, let arguments) = rawType, arguments.isEmpty else {
      throw Diagnostic(file: file, line: rawTypeLine, message: "raw type of enum '\(name)' must be an integer type such as Int32")
    }
    while current.isPunctuation(",") {
      advance()
      _ = try parseType()
    }
    if current.isKeyword("where") {
      throw error("generic enum '\(swiftName)' cannot be exported to C")
    }
    try expect("{", "to open the body of enum '\(name)'")
    let cases = try parseEnumBody(of: name)
    return .enumeration(name: name, swiftName: swiftName, rawType: rawTypeName, cases: cases, doc: doc, line: line)
  }

  /// Parses the members of an enum after its `{` up to and including its `}`.
  private mutating func parseEnumBody(of name: String) throws -> [EnumCaseSyntax] {
    var cases: [EnumCaseSyntax] = []
    while !current.isPunctuation("}") {
      if current.kind == .endOfFile {
        throw error("unterminated body of enum '\(name)'")
      }
      if current.isPunctuation("#") {
        skipDirective()
        continue
      }
      if current.isPunctuation(";") {
        advance()
        continue
      }
      let first = current
      _ = try parseAttributes()
      _ = parseModifiers()
      if current.isKeyword("case") {
        advance()
        cases += try parseCaseList(of: name, doc: first.doc)
      } else {
        skipDeclaration()
      }
    }
    advance()
    return cases
  }

  /// Parses `A = 1, B = 2` after `case`; the doc belongs to the first case of the list.
  private mutating func parseCaseList(of name: String, doc: [DocLine]) throws -> [EnumCaseSyntax] {
    var cases: [EnumCaseSyntax] = []
    repeat {
      if !cases.isEmpty { advance() }
      guard current.kind == .identifier else {
        throw error("expected a case name in enum '\(name)', found \(describe(current))")
      }
      let caseName = current.text
      let line = current.line
      advance()
      if current.isPunctuation("(") {
        throw error("case '\(caseName)' of enum '\(name)' has associated values, which C cannot represent")
      }
      guard current.isPunctuation("=") else {
        throw Diagnostic(
          file: file, line: line,
          message: "case '\(caseName)' of enum '\(name)' needs an explicit raw value, as in '\(caseName) = 0'")
      }
      advance()
      let (value, spelling) = try parseIntegerLiteral(for: caseName)
      cases.append(
        EnumCaseSyntax(
          name: caseName, value: value, valueSpelling: spelling, doc: cases.isEmpty ? doc : [], line: line))
    } while current.isPunctuation(",")
    return cases
  }

  /// Parses an optionally negative integer literal (decimal, `0x`, `0o` or `0b`, with `_` separators).
  private mutating func parseIntegerLiteral(for caseName: String) throws -> (Int64, String) {
    var negative = false
    if current.isPunctuation("-") {
      negative = true
      advance()
    }
    guard current.kind == .number else {
      throw error("raw value of case '\(caseName)' must be an integer literal, found \(describe(current))")
    }
    let digits = current.text.filter { $0 != "_" }
    var radix = 10
    var body = Substring(digits)
    for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
      radix = base
      body = digits.dropFirst(2)
    }
    guard !body.isEmpty, let magnitude = Int64(body, radix: radix) else {
      throw error("raw value '\(current.text)' of case '\(caseName)' is not an integer that fits in 64 bits")
    }
    advance()
    let value = negative ? -magnitude : magnitude
    let sign = negative ? "-" : ""
    let spelling = radix == 16 ? "\(sign)0x\(body)" : String(value)
    return (value, spelling)
  }

  /// Parses `typealias name = Type` at the `typealias` keyword.
  mutating func parseTypeAlias(doc: [DocLine]) throws -> DeclarationSyntax {
    advance()
    guard current.kind == .identifier else {
      throw error("expected a type alias name after 'typealias', found \(describe(current))")
    }
    let name = current.text
    let line = current.line
    advance()
    if current.isPunctuation("<") {
      throw error("generic type alias '\(name)' cannot be exported to C")
    }
    try expect("=", "after type alias '\(name)'")
    let target = try parseType()
    if current.kind != .endOfFile && !current.startsLine && !current.isPunctuation(";") {
      throw error("unexpected \(describe(current)) after the type of '\(name)'")
    }
    return .typeAlias(name: name, target: target, doc: doc, line: line)
  }

  /// Parses `struct name: Conformances { fields }` at the `struct` keyword.
  mutating func parseStruct(doc: [DocLine]) throws -> DeclarationSyntax {
    advance()
    let name = current.text
    let line = current.line
    advance()
    if current.isPunctuation("<") {
      throw error("generic struct '\(name)' cannot be exported to C")
    }
    if current.isPunctuation(":") {
      repeat {
        advance()
        _ = try parseType()
      } while current.isPunctuation(",")
    }
    if current.isKeyword("where") {
      throw error("generic struct '\(name)' cannot be exported to C")
    }
    try expect("{", "to open the body of struct '\(name)'")
    var fields: [FieldSyntax] = []
    while !current.isPunctuation("}") {
      if current.kind == .endOfFile {
        throw error("unterminated body of struct '\(name)'")
      }
      if current.isPunctuation(";") {
        advance()
        continue
      }
      fields.append(try parseField(of: name))
    }
    advance()
    return .structure(name: name, fields: fields, doc: doc, line: line)
  }

  /// Parses one member of struct `structName`, which must be a public stored `var` with a type.
  private mutating func parseField(of structName: String) throws -> FieldSyntax {
    let first = current
    if current.isPunctuation("#") {
      throw error("struct '\(structName)' has a compiler directive; a C struct's fields cannot be conditional")
    }
    _ = try parseAttributes()
    let modifiers = parseModifiers()
    let keyword = current.isKeyword("var") || current.isKeyword("let") ? current.text : ""
    guard !keyword.isEmpty, !modifiers.contains("static") else {
      let what = modifiers.contains("static") ? "a static member" : "'\(current.text)'"
      throw Diagnostic(
        file: file, line: first.line,
        message: "struct '\(structName)' declares \(what); a C struct holds public stored 'var' fields only")
    }
    advance()
    guard current.kind == .identifier else {
      throw error("expected a field name in struct '\(structName)', found \(describe(current))")
    }
    let name = current.text
    let line = current.line
    advance()
    func fail(_ message: String) -> Diagnostic {
      Diagnostic(file: file, line: line, message: "field '\(name)' of struct '\(structName)' \(message)")
    }
    guard modifiers.contains("public") || modifiers.contains("open") else {
      throw fail("is not public; every field of a C struct is visible to C")
    }
    guard keyword == "var" else {
      throw fail("is a 'let'; C code can write every field, so declare it 'public var'")
    }
    func sharesItsVar() -> Diagnostic {
      fail("shares its 'var' with another field; declare one field per 'var'")
    }
    if current.isPunctuation(",") {
      throw sharesItsVar()
    }
    guard current.isPunctuation(":") else {
      throw fail("needs an explicit type, as in '\(name): Int32'")
    }
    advance()
    let type = try parseType()
    if current.isPunctuation("=") {
      skipFieldDefault()
    }
    if current.isPunctuation(",") {
      throw sharesItsVar()
    }
    if current.isPunctuation("{") && !current.startsLine {
      throw fail("is a computed property or has observers; a C struct holds stored fields only")
    }
    return FieldSyntax(name: name, type: type, doc: first.doc, line: line)
  }

  /// Skips `= expression` after a field's type, up to the end of its line, a `;`, a `,`,
  /// the struct's `}`, or the `{` of observers (a `{` right after `=` opens a closure).
  private mutating func skipFieldDefault() {
    var depth = 0
    advance()
    var first = true
    while current.kind != .endOfFile {
      if depth == 0 && (current.startsLine || current.isPunctuation(";") || current.isPunctuation(",")
        || current.isPunctuation("}") || (current.isPunctuation("{") && !first))
      {
        return
      }
      first = false
      if current.kind == .punctuation {
        switch current.text {
        case "(", "[", "{": depth += 1
        case ")", "]", "}": depth -= 1
        default: break
        }
      }
      advance()
    }
  }
}
